// A metrics write while a history job holds the history lock (a full rebuild takes minutes):
// the request does not wait for the job; the history follows once the lock is free, deletions
// included (history/refresh.hpp's background retries).
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace coach::test {
namespace {

constexpr const char* kTakeHistoryLock =
    "SELECT pg_advisory_xact_lock(hashtext('coach.job.history')::bigint)";

long long history_rows(TestDatabase& db, const std::string& agent) {
    return db
        .exec("SELECT count(*) FROM performance_history WHERE agent_id = $1::uuid",
              db::params(agent))
        .get_int(0, 0);
}

TEST(MetricsHistoryLock, WritesDoNotWaitForAHistoryJobAndHistoryFollows) {
    TestServer server;
    Org org = create_org(server.db());
    std::string token = login(server, "m1@org.test");

    auto job = db::SyncConnection::open(server.db().url());
    ASSERT_TRUE(job);
    ASSERT_TRUE(job->exec("BEGIN"));
    ASSERT_TRUE(job->exec(kTakeHistoryLock));

    // 2024-05-15 is a Wednesday: its week ends 05-19, its month 05-31, its quarter 06-30.
    auto put = server.as(
        token, "PUT", "/api/v1/performance-metrics",
        R"({"agent_id":")" + org.a1 + R"(","metric_date":"2024-05-15","service_score":80})");
    ASSERT_EQ(put.status, 200) << put.body;
    EXPECT_EQ(history_rows(server.db(), org.a1), 0);  // the job still holds the lock

    ASSERT_TRUE(job->exec("COMMIT"));
    EXPECT_TRUE(eventually([&] { return history_rows(server.db(), org.a1) == 3; }))
        << history_rows(server.db(), org.a1);
    auto week = server.db().exec(
        "SELECT avg_service_score::text FROM performance_history WHERE agent_id = $1::uuid "
        "AND period_type = 'WEEK' AND period_ending = '2024-05-19'",
        db::params(org.a1));
    ASSERT_EQ(week.rows(), 1);
    EXPECT_EQ(week.get(0, 0), "80.00");

    // A deletion while the lock is held: its periods go once the lock is free (the history
    // job could not find a deleted day by its updated_at).
    std::string id(put.json().at("items").at(0).at("id").as_string());
    ASSERT_TRUE(job->exec("BEGIN"));
    ASSERT_TRUE(job->exec(kTakeHistoryLock));
    EXPECT_EQ(server.as(token, "DELETE", "/api/v1/performance-metrics/" + id).status, 204);
    EXPECT_EQ(history_rows(server.db(), org.a1), 3);
    ASSERT_TRUE(job->exec("COMMIT"));
    EXPECT_TRUE(eventually([&] { return history_rows(server.db(), org.a1) == 0; }))
        << history_rows(server.db(), org.a1);
}

}  // namespace
}  // namespace coach::test
