#include "history/refresh.hpp"

#include "http/json_input.hpp"

namespace coach::history {
namespace {

// The lock is taken before the refresh starts (MATERIALIZED CTE) and held to the end of the
// transaction; the function's statements take fresh snapshots, so they see what a history
// job committed while this waited.
constexpr std::string_view kRefresh = R"sql(
WITH lock AS MATERIALIZED (
    SELECT pg_advisory_xact_lock(hashtext('coach.job.history')::bigint)
)
SELECT refresh_performance_history_for_days($1::date, $2::date, $3::uuid[]) FROM lock)sql";

// The parameters, or the validation error.
Result<db::Params> refresh_params(const std::optional<std::vector<std::string>>& agent_ids,
                                  const std::string& from, const std::string& to) {
    std::vector<FieldError> errors;
    if (!http::is_date(from))
        errors.push_back({"from", "must be a date (YYYY-MM-DD)"});
    if (!http::is_date(to))
        errors.push_back({"to", "must be a date (YYYY-MM-DD)"});
    std::optional<std::string> array;
    if (agent_ids) {
        array = "{";
        for (std::size_t i = 0; i < agent_ids->size(); ++i) {
            if (!http::is_uuid((*agent_ids)[i])) {
                errors.push_back({"agent_ids", "must be UUIDs"});
                break;
            }
            *array += (i ? "," : "") + (*agent_ids)[i];
        }
        *array += "}";
    }
    if (!errors.empty())
        return validation_error(std::move(errors));
    return db::params(from, to, array);
}

}  // namespace

boost::asio::awaitable<Result<long long>> refresh_history(
    db::Pool& pool, std::optional<std::vector<std::string>> agent_ids, std::string from,
    std::string to) {
    auto p = refresh_params(agent_ids, from, to);
    if (!p)
        co_return p.error();
    if ((agent_ids && agent_ids->empty()) || from > to)
        co_return 0LL;
    auto r = co_await pool.query(kRefresh, std::move(*p));
    if (!r)
        co_return r.error();
    co_return r->get_int(0, 0);
}

Result<long long> refresh_history_sync(db::SyncConnection& conn,
                                       std::optional<std::vector<std::string>> agent_ids,
                                       const std::string& from, const std::string& to) {
    auto p = refresh_params(agent_ids, from, to);
    if (!p)
        return p.error();
    if ((agent_ids && agent_ids->empty()) || from > to)
        return 0LL;
    auto r = conn.exec(kRefresh, *p);
    if (!r)
        return r.error();
    return r->get_int(0, 0);
}

}  // namespace coach::history
