// src/metrics/sql/upsert_metrics.sql against metrics::kMetricColumns: each of its column lists
// is written out in full and must be that list, in its order.
#include "metrics/metric_row.hpp"
#include "metrics/sql.hpp"
#include "sql_text.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {

using metrics::kMetricColumns;

std::vector<std::string> columns(std::string_view prefix, std::string_view suffix = "") {
    std::vector<std::string> out;
    for (auto c : kMetricColumns)
        out.push_back(std::string(prefix) + std::string(c) + std::string(suffix));
    return out;
}

std::vector<std::string> with_key(std::string_view prefix, std::vector<std::string> rest) {
    rest.insert(rest.begin(),
                {std::string(prefix) + "agent_id", std::string(prefix) + "metric_date"});
    return rest;
}

TEST(MetricsSql, UpsertListsAreTheMetricColumns) {
    const std::string code = sql_code(metrics::sql::upsert_metrics);
    // The record definition: idx, agent_id, metric_date, then "<column> <type>".
    std::vector<std::string> record = sql_items(inside(code, "AS r("));
    ASSERT_EQ(record.size(), kMetricColumns.size() + 3);
    EXPECT_EQ(record[0], "idx integer");
    EXPECT_EQ(record[1], "agent_id uuid");
    EXPECT_EQ(record[2], "metric_date date");
    std::vector<std::string> names;
    for (std::size_t i = 3; i < record.size(); ++i)
        names.push_back(record[i].substr(0, record[i].find(' ')));
    EXPECT_EQ(names, columns(""));

    EXPECT_EQ(sql_items(inside(code, "INSERT INTO performance_metrics AS pm (")),
              with_key("", columns("")));
    EXPECT_EQ(sql_items(between(code, ") SELECT ", " FROM input i JOIN target")),
              with_key("i.", columns("i.")));
    std::vector<std::string> set;
    for (auto c : kMetricColumns)
        set.push_back(std::string(c) + " = EXCLUDED." + std::string(c));
    EXPECT_EQ(sql_items(between(code, "DO UPDATE SET ", " WHERE (")), set);
    EXPECT_EQ(sql_items(inside(code, "DO UPDATE SET " +
                                         between(code, "DO UPDATE SET ", " WHERE (") + " WHERE (")),
              columns("pm."));
    EXPECT_EQ(sql_items(inside(code, "IS DISTINCT FROM (")), columns("EXCLUDED."));
}

}  // namespace
}  // namespace coach::test
