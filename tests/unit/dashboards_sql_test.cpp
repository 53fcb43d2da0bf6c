// The dashboards' named statements (src/dashboards/sql/) against the C++ they must agree with:
// the overview series' columns are metrics::kChartedMetrics (json.cpp writes them from that
// list).
#include "dashboards/sql.hpp"
#include "metrics/metric_row.hpp"
#include "sql_text.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {

// The items of a select list, each without `qualifier` (e.g. "d.").
std::vector<std::string> unqualified(const std::string& list, std::string_view qualifier) {
    std::vector<std::string> out;
    for (std::string item : sql_items(list)) {
        if (item.starts_with(qualifier))
            item.erase(0, qualifier.size());
        out.push_back(item);
    }
    return out;
}

std::vector<std::string> charted(std::string_view first) {
    std::vector<std::string> out{std::string(first)};
    for (auto m : metrics::kChartedMetrics)
        out.emplace_back(m);
    return out;
}

TEST(DashboardsSql, SeriesColumnsAreTheChartedMetrics) {
    const std::string code = sql_code(dashboards::sql::agent_series);
    EXPECT_EQ(
        unqualified(between(code, "SELECT ", " FROM (SELECT * FROM performance_metrics"), "d."),
        charted("metric_date::text AS metric_date"));
}

}  // namespace
}  // namespace coach::test
