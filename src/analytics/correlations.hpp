#pragma once
// Pearson correlations between the daily metrics of the agents in a caller's scope
// (sql/correlations.sql).
#include "auth/scope.hpp"
#include "db/pool.hpp"
#include "metrics/metric_row.hpp"

#include <boost/asio/awaitable.hpp>

#include <string>

namespace coach::analytics {

// The metrics correlated, pairwise (36 pairs), in the order of sql/correlations.sql.
inline constexpr const auto& kCorrelatedMetrics = metrics::kChartedMetrics;

// The correlations JSON of the live AGENTs whose effectiveness figures the viewer may read,
// from `from` to `to` (YYYY-MM-DD, inclusive), as PostgreSQL wrote it.
boost::asio::awaitable<Result<std::string>> correlations_json(db::Pool& pool,
                                                              const auth::Principal& viewer,
                                                              const std::string& from,
                                                              const std::string& to);

}  // namespace coach::analytics
