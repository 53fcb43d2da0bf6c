#pragma once
// Keeping the dashboard snapshots current (db/migrations/0006_dashboards.sql).
//
// agent_dashboard_snapshot holds each agent's metric figures (latest day, 30-day averages,
// trends, level) as of a date. Whoever changes performance_metrics refreshes the agents it
// touched, preferably in the same transaction (refresh_snapshots_query() in the commit
// pipeline) or right after it:
//   - the metrics API (PUT/DELETE /performance-metrics): the agents of the rows written;
//   - imports and their rollback: the agents of the import (one call, set-based);
//   - retention (archive_old_metrics) changes nothing the snapshot reads (it reads 60 days).
// The windows move with the date, so the nightly job runs refresh_all_sync (every snapshot
// and the coaching facts, as of that day; coaching facts are otherwise kept current by
// triggers and need nothing from the application).
// An agent without a snapshot still shows on the dashboards, with null figures.
// Locking: a refresh takes a transaction-scoped advisory lock per agent (more than 1000
// agents or all of them: one exclusive lock) before it computes, so concurrent refreshes of
// the same agent never lose data; inside a long transaction (an import) those locks are held
// until it commits, and other refreshes of the same agents wait for it.
#include "core/error.hpp"
#include "db/connection.hpp"
#include "db/pool.hpp"
#include "db/sync_connection.hpp"
#include "db/transaction.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach::dashboards {

// The refresh as a statement for a pipeline or a transaction's commit(). `agent_ids` nullopt:
// every agent; an empty vector: nothing (a no-op statement). Ids must be UUIDs.
db::Query refresh_snapshots_query(const std::optional<std::vector<std::string>>& agent_ids,
                                  const std::optional<std::string>& today = std::nullopt);

// Blocking (worker threads, the CLI, jobs): returns the number of snapshots written.
Result<long long> refresh_snapshots_sync(db::SyncConnection& conn,
                                         const std::optional<std::vector<std::string>>& agent_ids,
                                         const std::optional<std::string>& today = std::nullopt);

// On an I/O thread: on a pooled connection (its own implicit transaction) ...
boost::asio::awaitable<Result<long long>> refresh_snapshots(
    db::Pool& pool, const std::optional<std::vector<std::string>>& agent_ids,
    const std::optional<std::string>& today = std::nullopt);
// ... or inside the caller's transaction (sees its uncommitted metric rows).
boost::asio::awaitable<Result<long long>> refresh_snapshots(
    db::Transaction& tx, const std::optional<std::vector<std::string>>& agent_ids,
    const std::optional<std::string>& today = std::nullopt);

// The nightly refresh of every snapshot and coaching fact, blocking (sql/nightly_refresh.sql).
// For `coach jobs run dashboards --date D`, `today` is D.
Result<long long> refresh_all_sync(db::SyncConnection& conn,
                                   const std::optional<std::string>& today = std::nullopt);

}  // namespace coach::dashboards
