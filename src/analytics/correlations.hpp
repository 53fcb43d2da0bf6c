#pragma once
// Pearson correlations between the daily metrics of the agents in a caller's scope.
#include "auth/scope.hpp"
#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <array>
#include <string>
#include <string_view>

namespace coach::analytics {

// The metrics correlated, pairwise (36 pairs).
inline constexpr std::array<std::string_view, 9> kCorrelatedMetrics = {"service_score",
                                                                       "productivity_score",
                                                                       "quality_score",
                                                                       "attendance_rate",
                                                                       "adherence_score",
                                                                       "composite_score",
                                                                       "csat",
                                                                       "fcr",
                                                                       "aht"};

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
