#pragma once
// The history job's entry point for other modules: after an import (or any bulk change of
// performance_metrics) the periods it touched are recomputed at once instead of at night.
#include "core/error.hpp"
#include "db/sync_connection.hpp"

#include <string>
#include <vector>

namespace coach::jobs {

// Recomputes the WEEK, MONTH and QUARTER history of `agent_ids` for every period containing
// a day of [from, to] (YYYY-MM-DD, the metric dates the import wrote) plus the period right
// after each (its trend compares with the changed one), through history::refresh_history_sync.
// Blocking; waits while a history job holds the history lock, so the two never interleave.
//  - On an idle connection (call it after the import committed): it runs in its own
//    transaction and is recorded in job_runs (job_name 'history', params.trigger "import",
//    params.mode "after_import"); such runs do not count as the nightly run.
//  - Inside the caller's open transaction: it runs there (committed or rolled back with it)
//    and is not recorded in job_runs.
// Nothing to do for an empty agent list. A bad id or date is a ValidationFailed error; an SQL
// error is returned (the nightly incremental run picks the changes up anyway, since they
// carry a newer updated_at).
Result<void> recompute_after_import(db::SyncConnection& conn,
                                    const std::vector<std::string>& agent_ids,
                                    const std::string& from, const std::string& to);

}  // namespace coach::jobs
