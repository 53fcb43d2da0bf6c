#pragma once
// Recomputing performance_history after daily metrics changed (API writes, imports, jobs).
// Wraps refresh_performance_history_for_days (db/migrations/0003_history.sql): for each of
// WEEK, MONTH and QUARTER it rewrites every period that contains a day in [from, to] plus
// the period right after the last one (its trends compare with the changed one), upserting
// periods with data and deleting rows of periods left without any. Unchanged rows are not
// rewritten. One statement, under the history job's advisory lock (db::locks::job("history"),
// db/advisory_locks.hpp), so it never interleaves with a history job run; re-entrant
// when the caller's transaction already holds that lock.
#include "core/error.hpp"
#include "db/pool.hpp"
#include "db/sync_connection.hpp"

#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace coach::history {

// How long an API write waits for the history lock before leaving the refresh to the
// background (a full rebuild or a large import's recompute holds it for minutes).
inline constexpr std::chrono::seconds kRefreshLockWait{1};

// The refresh after an API write. agent_ids: nullopt = every agent; an empty list does
// nothing. from/to: YYYY-MM-DD, the days whose metrics changed (from > to does nothing).
// Returns the history rows inserted, updated or deleted, or nullopt when the lock was busy for
// kRefreshLockWait: the refresh is then retried on `pool`'s executor, with growing pauses
// (0.25 s doubling to 8 s, for about 10 minutes; logged), so the request need not wait for a
// history job; should every retry fail (or coach stop), the history job's next run recomputes
// those days (their updated_at). A bad id or date is a ValidationFailed error.
boost::asio::awaitable<Result<std::optional<long long>>> refresh_history(
    db::Pool& pool, std::optional<std::vector<std::string>> agent_ids, std::string from,
    std::string to);

// How the blocking refresh uses connections.
enum class Spread {
    // One statement on `conn`: in the caller's transaction when one is open, else on its own.
    OneConnection,
    // Four statements at the same time (history_refresh_part, 0014): the first half of WEEK on
    // `conn`, which holds the history lock (in its transaction, or in one of its own when it
    // has none); the second half of WEEK, MONTH and QUARTER on three more connections to the
    // same database (SyncConnection::sibling), whose writes commit on their own. A full
    // rebuild or the recompute after a large import then keeps two cores busy, where WEEK
    // alone set the time (bench/RESULTS.md, "Why the code is as it is"). Only for callers
    // whose transaction has not changed the data the history reads: the other connections
    // see committed data only.
    InParts,
};

// The blocking twin, for worker threads and the CLI.
Result<long long> refresh_history_sync(db::SyncConnection& conn,
                                       std::optional<std::vector<std::string>> agent_ids,
                                       const std::string& from, const std::string& to,
                                       Spread spread = Spread::OneConnection);

}  // namespace coach::history
