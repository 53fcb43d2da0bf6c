// Runs every tests/sql/*.sql file (hand-computed assertions on the schema's triggers,
// functions, views and constraints) in a fresh migrated database, as one PQexec, after
// tests/sql/support/assert_eq.sql (the pg_temp.assert_eq they share).
#include "support/test_env.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace coach::test {
namespace {

std::vector<std::string> sql_files() {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(COACH_SOURCE_DIR "/tests/sql"))
        if (e.path().extension() == ".sql")
            out.push_back(e.path().filename().string());
    std::sort(out.begin(), out.end());
    return out;
}

class SqlScript : public ::testing::TestWithParam<std::string> {};

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), {}};
}

TEST_P(SqlScript, AssertionsHold) {
    std::string helpers = read_text(COACH_SOURCE_DIR "/tests/sql/support/assert_eq.sql");
    std::string sql = read_text(std::string(COACH_SOURCE_DIR "/tests/sql/") + GetParam());
    ASSERT_FALSE(helpers.empty());
    ASSERT_FALSE(sql.empty());
    TestDatabase db;
    auto r = db.conn().exec_script(helpers + "\n" + sql);
    EXPECT_TRUE(r) << GetParam() << ": " << (r ? "" : r.error().message);
}

INSTANTIATE_TEST_SUITE_P(Schema, SqlScript, ::testing::ValuesIn(sql_files()), [](const auto& info) {
    std::string n = info.param.substr(0, info.param.size() - 4);
    std::replace(n.begin(), n.end(), '-', '_');
    return n;
});

}  // namespace
}  // namespace coach::test
