// Named prepared statements per pooled connection (src/db/connection.cpp): results stay right
// over many runs, a statement PostgreSQL rejects is not cached, a failed transaction rolls
// back, a PostgreSQL restart (new connections) is survived, and the per-connection map stays
// bounded.
#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "support/test_env.hpp"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include <cstdlib>
#include <functional>

namespace coach::test {
namespace {
namespace asio = boost::asio;

// Runs body on a fresh io_context with a one-connection pool (so every call reuses the same
// connection and its prepared statements) and returns once it finished.
void with_pool(const std::string& url, std::function<asio::awaitable<void>(db::Pool&)> body) {
    asio::io_context ioc;
    db::Pool pool(ioc.get_executor(), db::ConnectOptions{url}, 1);
    auto done = asio::co_spawn(ioc, body(pool), asio::use_future);
    ioc.run();
    done.get();  // rethrows an exception of the body, if any
}

// The value of a one-row, one-column result, or -1 (and a failed expectation) on error.
long long value_of(const Result<db::PgResult>& r) {
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    if (!r || r->rows() != 1)
        return -1;
    return r->get_int(0, 0);
}

// How many named statements this session of PostgreSQL holds.
constexpr std::string_view kCountPrepared = "SELECT count(*) FROM pg_prepared_statements";
constexpr std::string_view kAdd = "SELECT $1::int + $2::int";

TEST(DbPrepared, SameStatementManyTimesOnOneConnection) {
    TestDatabase db;
    with_pool(db.url(), [](db::Pool& pool) -> asio::awaitable<void> {
        for (int i = 0; i < 50; ++i) {
            auto r = co_await pool.query(kAdd, db::params(i, 1000));
            EXPECT_EQ(value_of(r), 1000 + i);  // i + 1000
        }
        // Two statements prepared on this connection: kAdd, and the count itself (prepared in
        // the same pipeline just before it runs).
        auto n = co_await pool.query(kCountPrepared);
        EXPECT_EQ(value_of(n), 2);
        // The same text twice in one pipeline is prepared once and runs twice.
        std::vector<db::Query> twice;
        twice.push_back({kAdd, db::params(1, 2)});
        twice.push_back({kAdd, db::params(3, 4)});
        auto both = co_await pool.pipeline(std::move(twice));
        EXPECT_TRUE(both);
        if (both) {
            EXPECT_EQ((*both)[0].get_int(0, 0), 3);  // 1 + 2
            EXPECT_EQ((*both)[1].get_int(0, 0), 7);  // 3 + 4
        }
        // A text built at run time (a temporary std::string) is keyed by its content.
        for (int i = 0; i < 3; ++i) {
            std::string sql = "SELECT " + std::to_string(i) + " + $1::int";
            auto r = co_await pool.query(sql, db::params(10));
            EXPECT_EQ(value_of(r), 10 + i);
        }
        n = co_await pool.query(kCountPrepared);
        EXPECT_EQ(value_of(n), 5);  // kAdd, the count, three runtime texts
    });
}

TEST(DbPrepared, OptionalFilterStatementsStayUnnamed) {
    EXPECT_FALSE(db::should_prepare("SELECT 1 WHERE ($1::uuid IS NULL OR id = $1::uuid)"));
    EXPECT_FALSE(db::should_prepare("select 1 where ($1::text is null or x = $1)"));
    EXPECT_FALSE(db::should_prepare("SELECT 1 /*unprepared*/"));
    EXPECT_TRUE(db::should_prepare("SELECT 1 WHERE deleted_at IS NULL"));
    TestDatabase db;
    with_pool(db.url(), [](db::Pool& pool) -> asio::awaitable<void> {
        auto r = co_await pool.query("SELECT ($1::int IS NULL OR $1::int > 0)::int", db::params(5));
        EXPECT_EQ(value_of(r), 1);  // 5 > 0
        auto n = co_await pool.query(kCountPrepared);
        EXPECT_EQ(value_of(n), 1);  // only the count itself
    });
}

TEST(DbPrepared, AStatementWithAnSqlErrorIsNotCachedAndTheCorrectedOneRuns) {
    TestDatabase db;
    with_pool(db.url(), [](db::Pool& pool) -> asio::awaitable<void> {
        constexpr std::string_view kBad = "SELEC $1::int";
        for (int i = 0; i < 2; ++i) {  // the second run fails the same way: nothing was cached
            auto r = co_await pool.query(kBad, db::params(1));
            EXPECT_FALSE(r);
            if (!r) {
                EXPECT_EQ(r.error().sqlstate, "42601");  // syntax_error
                EXPECT_EQ(r.error().code, ErrorCode::Internal);
            }
        }
        // A bad statement after a good one in the same pipeline: the call fails, the bad one is
        // not cached, the one after it (skipped: pipeline aborted) is not cached either.
        std::vector<db::Query> mixed;
        mixed.push_back({kAdd, db::params(1, 1)});
        mixed.push_back({kBad, db::params(1)});
        mixed.push_back({"SELECT $1::int * 2", db::params(4)});
        auto r = co_await pool.pipeline(std::move(mixed));
        EXPECT_FALSE(r);
        auto good = co_await pool.query("SELECT $1::int * 2", db::params(4));
        EXPECT_EQ(value_of(good), 8);  // 4 * 2
        auto names = co_await pool.query(
            "SELECT string_agg(statement, ' | ' ORDER BY statement) FROM pg_prepared_statements");
        EXPECT_TRUE(names);
        if (names) {
            std::string all(names->get(0, 0));
            EXPECT_EQ(all.find("SELEC $1"), std::string::npos) << all;
            EXPECT_NE(all.find("SELECT $1::int + $2::int"), std::string::npos) << all;
            EXPECT_NE(all.find("SELECT $1::int * 2"), std::string::npos) << all;
        }
    });
}

TEST(DbPrepared, AFailingPreparedStatementRollsTheTransactionBack) {
    TestDatabase db;
    db.exec("CREATE TABLE prepared_probe (id int PRIMARY KEY)");
    with_pool(db.url(), [](db::Pool& pool) -> asio::awaitable<void> {
        constexpr std::string_view kInsert = "INSERT INTO prepared_probe (id) VALUES ($1::int)";
        constexpr std::string_view kCount = "SELECT count(*) FROM prepared_probe";
        for (int round = 0; round < 2; ++round) {  // first run prepares, second reuses
            auto tx = co_await db::Transaction::begin(pool);
            EXPECT_TRUE(tx);
            if (!tx)
                co_return;
            auto first = co_await tx->query(kInsert, db::params(100 + round));
            EXPECT_TRUE(first);
            std::vector<db::Query> last;
            last.push_back({kInsert, db::params(100 + round)});  // duplicate key
            auto c = co_await tx->commit(std::move(last));
            EXPECT_FALSE(c);
            if (!c) {
                EXPECT_EQ(c.error().sqlstate, "23505");  // unique_violation
            }
        }
        // Each rolled back: nothing inserted. The connection is usable again (the pool rolled
        // the failed transaction back before reusing it).
        auto n = co_await pool.query(kCount);
        EXPECT_EQ(value_of(n), 0);
        {
            auto tx = co_await db::Transaction::begin(pool);
            EXPECT_TRUE(tx);
            if (!tx)
                co_return;
            std::vector<db::Query> last;
            last.push_back({kInsert, db::params(7)});
            auto c = co_await tx->commit(std::move(last));
            EXPECT_TRUE(c) << (c ? "" : c.error().message);
        }  // the transaction gives its (only) connection back
        n = co_await pool.query(kCount);
        EXPECT_EQ(value_of(n), 1);  // the 7
    });
}

TEST(DbPrepared, TheMapIsBoundedPerConnection) {
    TestDatabase db;
    with_pool(db.url(), [](db::Pool& pool) -> asio::awaitable<void> {
        // kMaxPrepared + 10 distinct texts: the connection deallocates everything once.
        for (std::size_t i = 0; i < db::kMaxPrepared + 10; ++i) {
            std::string sql = "SELECT " + std::to_string(i) + "::int";
            auto r = co_await pool.query(sql);
            EXPECT_EQ(value_of(r), static_cast<long long>(i));
        }
        // 10 texts since the reset, plus the count itself.
        auto n = co_await pool.query(kCountPrepared);
        EXPECT_EQ(value_of(n), 11);
        auto again = co_await pool.query("SELECT 3::int");  // prepared anew after the reset
        EXPECT_EQ(value_of(again), 3);
    });
}

TEST(DbPrepared, PreparedStatementsWorkAfterAPostgresRestart) {
    const char* base = std::getenv("COACH_TEST_DATA_DIR");
    auto cluster = db::EmbeddedCluster::start(db::ClusterOptions{
        std::string(base ? base : "build/test-data") + "-prepared", "coach_prepared", true});
    ASSERT_TRUE(cluster) << cluster.error().message;
    std::string url = cluster->url();
    with_pool(url, [&](db::Pool& pool) -> asio::awaitable<void> {
        auto before = co_await pool.query(kAdd, db::params(2, 3));
        EXPECT_EQ(value_of(before), 5);  // 2 + 3
        cluster->stop();
        auto down = co_await pool.query(kAdd, db::params(2, 3));
        EXPECT_FALSE(down);
        if (!down) {
            EXPECT_EQ(down.error().code, ErrorCode::Unavailable);
        }
        EXPECT_TRUE(cluster->restart());
        // A new connection, an empty map: the statement is prepared again on it.
        auto after = co_await pool.query(kAdd, db::params(20, 3));
        EXPECT_EQ(value_of(after), 23);  // 20 + 3
    });
    cluster->stop();
}

}  // namespace
}  // namespace coach::test
