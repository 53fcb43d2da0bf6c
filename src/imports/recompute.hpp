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

#include <cstddef>
#include <string>

namespace coach::imports {

// Blocking, on an idle connection (after the import's or the rollback's COMMIT, which also set
// import_logs.recompute_owed). Each step runs in its own transaction; the last one clears
// recompute_owed. Does nothing when the recompute of this import runs on another connection
// (a session advisory lock, db::locks::kImportRecompute). A failure is returned; the data stays
// right (the import or rollback is committed) and the recompute stays owed: the next sweep
// (recompute_owed) tries again.
Result<void> recompute_after(db::SyncConnection& conn, const std::string& import_id);

// The recomputes left owed by a crash or a failure between an import's commit and the end of
// its recompute, done now (the sweep of imports: at start and every minute). Returns how many
// were owed.
std::size_t recompute_owed(db::SyncConnection& conn);

// The same, logging a failure as a warning instead of returning it.
void recompute_after_or_warn(db::SyncConnection& conn, const std::string& import_id);

}  // namespace coach::imports
