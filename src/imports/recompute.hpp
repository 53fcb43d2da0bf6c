#pragma once
// After an import commits, or its rollback does, the figures derived from the metrics it
// changed are brought up to date at once instead of at night: the dashboard snapshots of its
// agents (dashboards::refresh_snapshots_sync) and the WEEK/MONTH/QUARTER history of its agents
// over its days (jobs::recompute_after_import). The agents and days are those recorded in
// import_changes for the import (METRICS), or those of the coaching sessions it changed
// (COACHING_HISTORY: history annotations list completed sessions; the coaching facts of the
// dashboards follow by trigger). USERS and PROFILES imports change nothing derived here.
#include "core/error.hpp"
#include "db/sync_connection.hpp"

#include <string>

namespace coach::imports {

// Blocking, on an idle connection (after the import's or the rollback's COMMIT). Each step
// runs in its own transaction. A failure is returned; the data stays right (the import or
// rollback is committed). The nightly dashboard job recomputes every snapshot, and the
// history job the periods of rows written since its last run (updated_at), which covers an
// import but not a rollback (restored rows keep their old updated_at, deleted ones leave no
// trace): after a failed recompute of a rollback, run `coach jobs run history --full`.
Result<void> recompute_after(db::SyncConnection& conn, const std::string& import_id);

// The same, logging a failure as a warning instead of returning it.
void recompute_after_or_warn(db::SyncConnection& conn, const std::string& import_id);

}  // namespace coach::imports
