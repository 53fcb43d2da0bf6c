#include "dashboards/refresh.hpp"

namespace coach::dashboards {

namespace {

// A PostgreSQL array literal of the ids ("{a,b}"); nullopt for "all agents".
std::optional<std::string> array_param(const std::optional<std::vector<std::string>>& ids) {
    if (!ids)
        return std::nullopt;
    std::string out = "{";
    for (std::size_t i = 0; i < ids->size(); ++i) {
        if (i)
            out += ',';
        out += (*ids)[i];
    }
    out += '}';
    return out;
}

// An empty list refreshes nothing: refresh_agent_snapshots('{}') would only take locks.
constexpr std::string_view kNothingSql = "SELECT 0::bigint";

Result<long long> count_of(const db::PgResult& r) {
    if (r.rows() != 1 || r.is_null(0, 0))
        return make_error(ErrorCode::Internal, "refresh returned no count");
    return r.get_int(0, 0);
}

}  // namespace

db::Query refresh_snapshots_query(const std::optional<std::vector<std::string>>& agent_ids,
                                  const std::optional<std::string>& today) {
    if (agent_ids && agent_ids->empty())
        return db::Query{kNothingSql, {}};
    return db::Query{kRefreshSnapshotsSql, db::params(array_param(agent_ids), today)};
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
    auto r = conn.exec(kNightlyRefreshSql, db::params(today));
    if (!r)
        return r.error();
    return count_of(*r);
}

}  // namespace coach::dashboards
