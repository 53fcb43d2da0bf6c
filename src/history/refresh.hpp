#pragma once
// Recomputing performance_history after daily metrics changed (API writes, imports, jobs).
// Wraps refresh_performance_history_for_days (db/migrations/0003_history.sql): for each of
// WEEK, MONTH and QUARTER it rewrites every period that contains a day in [from, to] plus
// the period right after the last one (its trends compare with the changed one), upserting
// periods with data and deleting rows of periods left without any. Unchanged rows are not
// rewritten. One statement, under the history job's advisory lock (pg_advisory_xact_lock of
// hashtext('coach.job.history')), so it never interleaves with a history job run; re-entrant
// when the caller's transaction already holds that lock.
#include "core/error.hpp"
#include "db/pool.hpp"
#include "db/sync_connection.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

namespace coach::history {

// agent_ids: nullopt = every agent; an empty list does nothing. from/to: YYYY-MM-DD, the
// days whose metrics changed (from > to does nothing). Returns the history rows inserted,
// updated or deleted. A bad id or date is a ValidationFailed error.
// Runs as its own statement on a pooled connection (autocommit).
boost::asio::awaitable<Result<long long>> refresh_history(
    db::Pool& pool, std::optional<std::vector<std::string>> agent_ids, std::string from,
    std::string to);

// The blocking twin, for worker threads and the CLI: runs in the caller's transaction when
// one is open on `conn`, else on its own.
Result<long long> refresh_history_sync(db::SyncConnection& conn,
                                       std::optional<std::vector<std::string>> agent_ids,
                                       const std::string& from, const std::string& to);

}  // namespace coach::history
