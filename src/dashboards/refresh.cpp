#include "dashboards/refresh.hpp"

#include "dashboards/sql.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"

namespace coach::dashboards {

namespace {

Result<long long> count_of(const db::PgResult& r) {
    const int refreshed = db::column(r, "refreshed");
    if (r.rows() != 1 || r.is_null(0, refreshed))
        return make_error(ErrorCode::Internal, "refresh returned no count");
    return r.get_int(0, refreshed);
}

}  // namespace

db::Query refresh_snapshots_query(const std::optional<std::vector<std::string>>& agent_ids,
                                  const std::optional<std::string>& today) {
    // An empty list refreshes nothing: refresh_agent_snapshots('{}') would only take locks.
    if (agent_ids && agent_ids->empty())
        return db::Query{sql::refresh_nothing, {}};
    std::optional<std::string> ids;  // NULL: every agent
    if (agent_ids)
        ids = db::text_array(*agent_ids);
    return db::Query{sql::refresh_snapshots, db::params(ids, today)};
}

Result<long long> refresh_snapshots_sync(db::SyncConnection& conn,
                                         const std::optional<std::vector<std::string>>& agent_ids,
                                         const std::optional<std::string>& today) {
    db::Query q = refresh_snapshots_query(agent_ids, today);
    auto r = conn.exec(q.sql, q.params);
    if (!r)
        return r.error();
    return count_of(*r);
}

boost::asio::awaitable<Result<long long>> refresh_snapshots(
    db::Pool& pool, const std::optional<std::vector<std::string>>& agent_ids,
    const std::optional<std::string>& today) {
    db::Query q = refresh_snapshots_query(agent_ids, today);
    auto r = co_await pool.query(q.sql, std::move(q.params));
    if (!r)
        co_return r.error();
    co_return count_of(*r);
}

boost::asio::awaitable<Result<long long>> refresh_snapshots(
    db::Transaction& tx, const std::optional<std::vector<std::string>>& agent_ids,
    const std::optional<std::string>& today) {
    db::Query q = refresh_snapshots_query(agent_ids, today);
    auto r = co_await tx.query(q.sql, std::move(q.params));
    if (!r)
        co_return r.error();
    co_return count_of(*r);
}

Result<long long> refresh_all_sync(db::SyncConnection& conn,
                                   const std::optional<std::string>& today) {
    auto r = conn.exec(sql::nightly_refresh, db::params(today));
    if (!r)
        return r.error();
    return count_of(*r);
}

}  // namespace coach::dashboards
