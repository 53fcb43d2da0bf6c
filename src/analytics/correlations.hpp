#pragma once
// Pearson correlations between the daily metrics of the agents in a caller's scope.
#include "auth/scope.hpp"
#include "db/pool.hpp"
#include "metrics/metric_row.hpp"

#include <boost/asio/awaitable.hpp>

#include <array>
#include <string>
#include <string_view>

namespace coach::analytics {

// The metrics correlated, pairwise (36 pairs).
inline constexpr const auto& kCorrelatedMetrics = metrics::kChartedMetrics;

// The statement: $1 viewer, $2 viewer role, $3 from, $4 to (dates, inclusive). One row, one
// JSON text: {"from", "to", "agents", "rows", "metrics": [...], "pairs": [{"metric_x",
// "metric_y", "r", "n"}]}. Daily rows: performance_metrics, plus performance_metrics_archive
// for days no longer there, of the live AGENTs in the viewer's scope. r = corr() (Pearson,
// rounded to 4 decimals; null with fewer than 2 rows having both values or no variance),
// n = regr_count() (rows having both values).
const std::string& correlations_sql();

boost::asio::awaitable<Result<std::string>> correlations_json(db::Pool& pool,
                                                              const auth::Principal& viewer,
                                                              const std::string& from,
                                                              const std::string& to);

}  // namespace coach::analytics
