#include "analytics/correlations.hpp"

#include "auth/scope_sql.hpp"

#include <fmt/format.h>

namespace coach::analytics {

namespace {

std::string build_sql() {
    std::string columns;
    for (auto m : kCorrelatedMetrics)
        columns += fmt::format("{}{}::float8 AS {}", columns.empty() ? "" : ", ", m, m);
    std::string metrics, pairs;
    for (std::size_t i = 0; i < kCorrelatedMetrics.size(); ++i) {
        metrics += fmt::format("{}'{}'", i ? ", " : "", kCorrelatedMetrics[i]);
        for (std::size_t j = i + 1; j < kCorrelatedMetrics.size(); ++j) {
            auto x = kCorrelatedMetrics[i], y = kCorrelatedMetrics[j];
            pairs += fmt::format(
                "{}\n        json_build_object('metric_x', '{}', 'metric_y', '{}', "
                "'r', round(corr(d.{}, d.{})::numeric, 4), 'n', regr_count(d.{}, d.{}))",
                pairs.empty() ? "" : ",", x, y, y, x, y, x);
        }
    }
    return fmt::format(R"sql(
WITH scope AS (
    SELECT u.id
      FROM users u
     WHERE u.role = 'AGENT'
       AND u.deleted_at IS NULL
       AND {scope}
), d AS (
    SELECT pm.agent_id, {columns}
      FROM performance_metrics pm
     WHERE pm.agent_id IN (SELECT id FROM scope)
       AND pm.metric_date BETWEEN $3::date AND $4::date
    UNION ALL
    SELECT ar.agent_id, {columns}
      FROM performance_metrics_archive ar
     WHERE ar.agent_id IN (SELECT id FROM scope)
       AND ar.metric_date BETWEEN $3::date AND $4::date
       AND NOT EXISTS (SELECT 1 FROM performance_metrics pm
                        WHERE pm.agent_id = ar.agent_id AND pm.metric_date = ar.metric_date)
)
SELECT json_build_object(
    'from', $3::date,
    'to', $4::date,
    'agents', count(DISTINCT d.agent_id),
    'rows', count(*),
    'metrics', json_build_array({metrics}),
    'pairs', json_build_array({pairs}))::text
  FROM d)sql",
                       fmt::arg("scope", auth::scope_predicate("$1::uuid", "$2::text")),
                       fmt::arg("columns", columns), fmt::arg("metrics", metrics),
                       fmt::arg("pairs", pairs));
}

}  // namespace

const std::string& correlations_sql() {
    static const std::string sql = build_sql();
    return sql;
}

boost::asio::awaitable<Result<std::string>> correlations_json(db::Pool& pool,
                                                              const auth::Principal& viewer,
                                                              const std::string& from,
                                                              const std::string& to) {
    auto r = co_await pool.query(correlations_sql(),
                                 db::params(viewer.id, auth::to_string(viewer.role), from, to));
    if (!r)
        co_return r.error();
    co_return std::string(r->get(0, 0));
}

}  // namespace coach::analytics
