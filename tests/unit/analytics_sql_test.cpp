// src/analytics/sql/correlations.sql against analytics::kCorrelatedMetrics: its columns, its
// list of metrics and its pairs (every two metrics, in the list's order) are written out in
// full and must follow the list.
#include "analytics/correlations.hpp"
#include "analytics/sql.hpp"
#include "sql_text.hpp"

#include <gtest/gtest.h>

#include <regex>

namespace coach::test {
namespace {

using analytics::kCorrelatedMetrics;

TEST(AnalyticsSql, ColumnsAreTheCorrelatedMetrics) {
    const std::string code = sql_code(analytics::sql::correlations);
    for (std::string_view t : {"pm", "ar"}) {
        std::vector<std::string> expected;
        for (auto m : kCorrelatedMetrics)
            expected.push_back(std::string(t) + "." + std::string(m) + "::float8 AS " +
                               std::string(m));
        const std::string table =
            t == "pm" ? " FROM performance_metrics pm" : " FROM performance_metrics_archive ar";
        EXPECT_EQ(sql_items(between(code, "SELECT " + std::string(t) + ".agent_id, ", table)),
                  expected)
            << t;
    }
    std::vector<std::string> names;
    for (auto m : kCorrelatedMetrics)
        names.push_back("'" + std::string(m) + "'");
    EXPECT_EQ(sql_items(inside(code, "'metrics', json_build_array(")), names);
}

TEST(AnalyticsSql, PairsAreEveryTwoMetricsInOrder) {
    const std::string code = sql_code(analytics::sql::correlations);
    const std::string pairs = inside(code, "'pairs', json_build_array(");
    const std::regex pair(
        R"(^json_build_object\('metric_x', '(\w+)', 'metric_y', '(\w+)', 'r', )"
        R"(round\(corr\(d\.(\w+), d\.(\w+)\)::numeric, 4\), 'n', regr_count\(d\.(\w+), d\.(\w+)\)\)$)");
    std::vector<std::string> found;
    for (const std::string& item : sql_items(pairs)) {
        std::smatch m;
        ASSERT_TRUE(std::regex_match(item, m, pair)) << item;
        // corr(y, x) and regr_count(y, x) of metric_x = x, metric_y = y.
        EXPECT_EQ(m[3], m[2]) << item;
        EXPECT_EQ(m[4], m[1]) << item;
        EXPECT_EQ(m[5], m[2]) << item;
        EXPECT_EQ(m[6], m[1]) << item;
        found.push_back(m[1].str() + "/" + m[2].str());
    }
    std::vector<std::string> expected;
    for (std::size_t i = 0; i < kCorrelatedMetrics.size(); ++i)
        for (std::size_t j = i + 1; j < kCorrelatedMetrics.size(); ++j)
            expected.push_back(std::string(kCorrelatedMetrics[i]) + "/" +
                               std::string(kCorrelatedMetrics[j]));
    EXPECT_EQ(found, expected);
    EXPECT_EQ(found.size(), 36U);
}

}  // namespace
}  // namespace coach::test
