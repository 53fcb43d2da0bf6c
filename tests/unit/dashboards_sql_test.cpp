// The dashboards' named statements (src/dashboards/sql/) against the C++ they must agree with:
// the overview series' columns are metrics::kChartedMetrics (json.cpp writes them from that
// list), and a team's daily averages average and answer the same metrics.
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

TEST(DashboardsSql, TeamDailyAveragesAreOfTheChartedMetrics) {
    const std::string code = sql_code(dashboards::sql::team_daily_averages);
    std::vector<std::string> live{"pm.agent_id", "pm.metric_date"};
    std::vector<std::string> archived{"ar.agent_id", "ar.metric_date"};
    for (auto m : metrics::kChartedMetrics) {
        live.push_back("pm." + std::string(m));
        archived.push_back("ar." + std::string(m));
    }
    EXPECT_EQ(sql_items(between(code, "d AS ( SELECT ", " FROM performance_metrics pm")), live);
    EXPECT_EQ(sql_items(between(code, "UNION ALL SELECT ", " FROM performance_metrics_archive")),
              archived);
    std::vector<std::string> averaged{"d.metric_date", "count(*) AS agent_count"};
    // json_build_object's arguments: each key, then its value.
    std::vector<std::string> answered{"'metric_date'", "days.metric_date", "'agent_count'",
                                      "days.agent_count"};
    for (auto m : metrics::kChartedMetrics) {
        const std::string name(m);
        averaged.push_back("round(avg(d." + name + "), 2) AS " + name);
        answered.push_back("'" + name + "'");
        answered.push_back("days." + name);
    }
    EXPECT_EQ(sql_items(between(code, "days AS ( SELECT ", " FROM d GROUP BY")), averaged);
    EXPECT_EQ(sql_items(inside(code, "json_agg(json_build_object(")), answered);
}

}  // namespace
}  // namespace coach::test
