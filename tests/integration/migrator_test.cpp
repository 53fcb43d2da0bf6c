// `coach migrate`: idempotent, checksummed, one transaction per migration.
#include "db/migrator.hpp"
#include "support/test_env.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {

// A database with nothing in it (not from the migrated template).
class EmptyDatabase : public ::testing::Test {
  protected:
    void SetUp() override {
        db_.exec("DROP SCHEMA public CASCADE");
        db_.exec("CREATE SCHEMA public");
    }
    TestDatabase db_;
};

TEST_F(EmptyDatabase, AppliesEveryMigrationOnceAndRecordsChecksums) {
    auto first = db::migrate(db_.conn(), db::embedded_migrations());
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->applied.size(), db::embedded_migrations().size());
    auto second = db::migrate(db_.conn(), db::embedded_migrations());
    ASSERT_TRUE(second);
    EXPECT_TRUE(second->applied.empty());
    EXPECT_EQ(second->already, db::embedded_migrations().size());
    auto rows = db_.exec("SELECT version, checksum FROM schema_migrations ORDER BY version");
    ASSERT_EQ(rows.rows(), static_cast<int>(db::embedded_migrations().size()));
    EXPECT_EQ(rows.get(0, 0), "0001_schema.sql");
    EXPECT_EQ(rows.get(0, 1), db::migration_checksum(db::embedded_migrations()[0].sql));
    EXPECT_EQ(rows.get(0, 1).size(), 64u);
}

TEST_F(EmptyDatabase, RefusesWhenALandedMigrationChanged) {
    std::vector<db::EmbeddedMigration> v1 = {{"0001_a.sql", "CREATE TABLE a (x int);"}};
    ASSERT_TRUE(db::migrate(db_.conn(), v1));
    std::vector<db::EmbeddedMigration> edited = {{"0001_a.sql", "CREATE TABLE a (x bigint);"}};
    auto r = db::migrate(db_.conn(), edited);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::Conflict);
    EXPECT_NE(r.error().message.find("0001_a.sql changed"), std::string::npos);
    auto pending = db::pending_migrations(db_.conn(), edited);
    EXPECT_FALSE(pending);
}

TEST_F(EmptyDatabase, AFailingMigrationLeavesNothingBehind) {
    std::vector<db::EmbeddedMigration> ms = {
        {"0001_ok.sql", "CREATE TABLE ok (x int);"},
        {"0002_bad.sql", "CREATE TABLE half (x int); SELECT * FROM no_such_table;"}};
    auto r = db::migrate(db_.conn(), ms);
    ASSERT_FALSE(r);
    EXPECT_NE(r.error().message.find("0002_bad.sql"), std::string::npos);
    auto tables = db_.exec(
        "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables "
        "WHERE schemaname = 'public'");
    EXPECT_EQ(tables.get(0, 0), "ok,schema_migrations");
    auto recorded = db_.exec("SELECT string_agg(version, ',') FROM schema_migrations");
    EXPECT_EQ(recorded.get(0, 0), "0001_ok.sql");
    auto pending = db::pending_migrations(db_.conn(), ms);
    ASSERT_TRUE(pending);
    EXPECT_EQ(*pending, std::vector<std::string>{"0002_bad.sql"});
}

}  // namespace
}  // namespace coach::test
