// Runs every tests/sql/*.sql file (hand-computed assertions on the schema's triggers,
// functions, views and constraints) in a fresh migrated database, as one PQexec, after the
// helpers they share (tests/sql/support/*.sql, in name order: pg_temp.assert_eq, pg_temp.ev).
#include "support/test_env.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace coach::test {
namespace {

// The .sql files of a folder, by name.
std::vector<std::string> sql_files(const std::string& dir = COACH_SOURCE_DIR "/tests/sql") {
    std::vector<std::string> out;
    for (const auto& e : std::filesystem::directory_iterator(dir))
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
    const std::string support = COACH_SOURCE_DIR "/tests/sql/support/";
    std::string helpers;
    for (const auto& f : sql_files(support))
        helpers += read_text(support + f) + "\n";
    std::string sql = read_text(std::string(COACH_SOURCE_DIR "/tests/sql/") + GetParam());
    ASSERT_FALSE(helpers.empty());
    ASSERT_FALSE(sql.empty());
    TestDatabase db;
    auto r = db.conn().exec_script(helpers + sql);
    EXPECT_TRUE(r) << GetParam() << ": " << (r ? "" : r.error().message);
}

INSTANTIATE_TEST_SUITE_P(Schema, SqlScript, ::testing::ValuesIn(sql_files()), [](const auto& info) {
    std::string n = info.param.substr(0, info.param.size() - 4);
    std::replace(n.begin(), n.end(), '-', '_');
    return n;
});

}  // namespace
}  // namespace coach::test
