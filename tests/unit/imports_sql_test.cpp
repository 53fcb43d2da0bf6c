// The imports' named statements whose column lists are written out in full, against the C++
// lists they must match: the PROFILES columns (profiles_columns(), the order the rows are
// written for COPY; kTableTargets, what a rollback restores) and metrics::kMetricColumns.
#include "imports/profiles_columns.hpp"
#include "imports/sql.hpp"
#include "imports/table_import.hpp"
#include "metrics/metric_row.hpp"
#include "sql_text.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace coach::test {
namespace {

std::vector<std::string> profile_columns(std::string_view prefix) {
    std::vector<std::string> out;
    auto specs = imports::profiles_columns();
    for (std::size_t c = imports::kProfileLearningStyle; c < specs.size(); ++c)
        out.push_back(std::string(prefix) + std::string(specs[c].name));
    return out;
}

std::vector<std::string> metric_columns(std::string_view prefix) {
    std::vector<std::string> out;
    for (auto c : metrics::kMetricColumns)
        out.push_back(std::string(prefix) + std::string(c));
    return out;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

TEST(ImportsSql, ProfilesCopyIsTheRowOrder) {
    const std::string code = sql_code(imports::sql::profiles_copy);
    EXPECT_EQ(sql_items(inside(code, "COPY import_staging (")),
              concat({"row_no", "agent_id"}, profile_columns("")));
}

TEST(ImportsSql, ProfilesUpsertWritesEveryProfileColumn) {
    const std::string code = sql_code(imports::sql::upsert_profiles);
    EXPECT_EQ(sql_items(inside(code, "INSERT INTO agent_profiles (")),
              concat(concat({"agent_id"}, profile_columns("")),
                     {"profile_created_by", "last_updated_by"}));
    EXPECT_EQ(sql_items(inside(code, "SET (")), concat(profile_columns(""), {"last_updated_by"}));
    EXPECT_EQ(sql_items(inside(code, ") = (")), concat(profile_columns("n."), {"$2::uuid"}));
}

TEST(ImportsSql, ProfilesUpsertRecordsWhatARollbackRestores) {
    // The before-image (the old CTE) holds every column the rollback writes back.
    const std::string code = sql_code(imports::sql::upsert_profiles);
    auto recorded = sql_items(between(code, "WITH old AS ( SELECT ", " FROM agent_profiles p"));
    const auto* target = imports::table_target("PROFILES");
    ASSERT_NE(target, nullptr);
    for (const auto& column : sql_items(target->columns))
        EXPECT_NE(std::find(recorded.begin(), recorded.end(), "p." + column), recorded.end())
            << column;
}

TEST(ImportsSql, MetricsRestoreIsEveryMetricColumn) {
    const std::string code = sql_code(imports::sql::restore_metrics);
    EXPECT_EQ(sql_items(inside(code, "INSERT INTO performance_metrics (")),
              concat(concat({"id", "agent_id", "metric_date"}, metric_columns("")),
                     {"created_at", "updated_at"}));
    EXPECT_EQ(sql_items(between(code, ") SELECT ", " FROM import_changes c")),
              concat(concat({"r.id", "r.agent_id", "r.metric_date"}, metric_columns("r.")),
                     {"r.created_at", "r.updated_at"}));
}

}  // namespace
}  // namespace coach::test
