// GET /api/v1/agents/{id}/overview: scorecard, daily series (live and archived days),
// history, percentile (opt-in only), for every role in and out of scope; bad input.
#include "dashboards/refresh.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {
namespace json = boost::json;

class OverviewApi : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        org_ = new Org(create_org(server_->db()));
        TestDatabase& db = server_->db();
        const Org& o = *org_;
        // a1: days 1-3 back live at 70, 80, 90 (all components equal: composite = value);
        // day 401 back both live (60) and archived (10: hidden by the live row); day 400 back
        // archived only (20).
        db.exec(
            "INSERT INTO performance_metrics (agent_id, metric_date, service_score, "
            "productivity_score, quality_score, attendance_rate, adherence_score, csat, fcr, aht) "
            "SELECT $1::uuid, CURRENT_DATE - d, v, v, v, v, v, 4.5, 80, 300 "
            "FROM (VALUES (1, 90), (2, 80), (3, 70), (401, 60)) t(d, v)",
            db::params(o.a1));
        db.exec(
            "INSERT INTO performance_metrics_archive (agent_id, metric_date, service_score, "
            "productivity_score, quality_score, attendance_rate, adherence_score) "
            "SELECT $1::uuid, CURRENT_DATE - d, v, v, v, v, v "
            "FROM (VALUES (400, 20), (401, 10)) t(d, v)",
            db::params(o.a1));
        db.exec(
            "INSERT INTO agent_profiles (agent_id, learning_style, peer_comparison_opt_in) "
            "VALUES ($1, 'VISUAL', true), ($2, 'AUDITORY', false)",
            db::params(o.a1, o.a2));
        db.exec(
            "INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, status) "
            "VALUES ($1, $2, now() - interval '4 days', 'COMPLETED')",
            db::params(o.a1, o.tl1));
        // The server's drainer ranks and annotates what these writes queued (0031); once it
        // is done, the suite's own history and rankings replace what it wrote.
        ASSERT_TRUE(eventually([&] {
            return db.exec(
                         "SELECT NOT EXISTS (SELECT 1 FROM derived_refresh_queue) AND "
                         "(SELECT as_of FROM derived_as_of WHERE name = 'percentiles') "
                         "IS NOT DISTINCT FROM coach_today()")
                       .get(0, 0) == "t";
        }));
        db.exec("DELETE FROM performance_history");
        // A WEEK of history ending last Sunday.
        db.exec(
            "INSERT INTO performance_history (agent_id, period_type, period_ending, "
            "avg_composite_score, days_worked) "
            "VALUES ($1, 'WEEK', date_trunc('week', CURRENT_DATE)::date - 1, 80, 3)",
            db::params(o.a1));
        db.exec(
            "UPDATE agent_profiles SET percentile_ranking = CASE agent_id WHEN $1::uuid "
            "THEN '{\"service\": 75}'::jsonb ELSE '{\"service\": 40}' END",
            db::params(o.a1));
        ASSERT_TRUE(dashboards::refresh_snapshots_sync(db.conn(), std::nullopt));
        for (auto who : {"admin", "m1", "m2", "tl1", "tl2", "a1", "a2", "a3"})
            (*tokens_)[who] = login(*server_, std::string(who) + "@org.test");
    }
    static void TearDownTestSuite() {
        delete org_;
        delete server_;
        tokens_->clear();
    }
    static HttpResult as(const std::string& who, const std::string& target) {
        return server_->as(tokens_->at(who), "GET", target);
    }
    static std::string overview(const std::string& id, const std::string& query = "") {
        return "/api/v1/agents/" + id + "/overview" + query;
    }
    static std::string day(int back) {
        return std::string(server_->db()
                               .exec("SELECT (CURRENT_DATE - $1::int)::text", db::params(back))
                               .get(0, 0));
    }
    static TestServer* server_;
    static Org* org_;
    static std::map<std::string, std::string>* tokens_;
};
TestServer* OverviewApi::server_ = nullptr;
Org* OverviewApi::org_ = nullptr;
std::map<std::string, std::string>* OverviewApi::tokens_ = new std::map<std::string, std::string>();

TEST_F(OverviewApi, OwnOverviewWithDefaultRange) {
    auto r = as("a1", overview(org_->a1));
    ASSERT_EQ(r.status, 200) << r.body;
    auto v = r.json().as_object();
    EXPECT_EQ(v.at("agent").at("name").as_string(), "Ann Agent");
    EXPECT_EQ(v.at("from").as_string(), day(89));  // 90 days, today included
    EXPECT_EQ(v.at("to").as_string(), day(0));
    const auto& series = v.at("series").as_array();
    ASSERT_EQ(series.size(), 3u);  // days 3, 2, 1 back, oldest first
    EXPECT_EQ(series.at(0).at("metric_date").as_string(), day(3));
    EXPECT_EQ(series.at(0).at("composite_score").as_double(), 70.0);
    EXPECT_EQ(series.at(2).at("composite_score").as_double(), 90.0);
    EXPECT_EQ(series.at(2).at("aht").as_int64(), 300);
    EXPECT_EQ(series.at(2).at("csat").as_double(), 4.5);
    // Scorecard: avg (90 + 80 + 70) / 3 = 80.00 -> GOOD; latest = yesterday (90).
    const auto& card = v.at("scorecard").as_object();
    EXPECT_EQ(card.at("performance_level").as_string(), "GOOD");
    EXPECT_EQ(card.at("avg_30d").at("composite_score").as_double(), 80.0);
    EXPECT_EQ(card.at("latest").at("metric_date").as_string(), day(1));
    EXPECT_EQ(card.at("trends").at("composite_score").as_string(), "INSUFFICIENT_DATA");
    EXPECT_EQ(card.at("days_since_last_coaching").as_int64(), 4);
    const auto& history = v.at("history").as_array();
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history.at(0).at("period_type").as_string(), "WEEK");
    EXPECT_EQ(history.at(0).at("days_worked").as_int64(), 3);
    EXPECT_EQ(json::serialize(v.at("percentile_ranking")), R"({"service":75})");
    EXPECT_EQ(v.at("percentile_as_of").as_string(), day(0));  // ranked today by the drainer
}

TEST_F(OverviewApi, OlderRangesReadTheArchive) {
    auto r = as("tl1", overview(org_->a1, "?from=" + day(410) + "&to=" + day(390)));
    ASSERT_EQ(r.status, 200) << r.body;
    json::array series = r.json().at("series").as_array();
    ASSERT_EQ(series.size(), 2u);
    EXPECT_EQ(series.at(0).at("metric_date").as_string(), day(401));
    EXPECT_EQ(series.at(0).at("composite_score").as_double(), 60.0);  // live beats archive (10)
    EXPECT_EQ(series.at(1).at("metric_date").as_string(), day(400));
    EXPECT_EQ(series.at(1).at("composite_score").as_double(), 20.0);  // archive only
    EXPECT_TRUE(r.json().at("history").as_array().empty());
}

TEST_F(OverviewApi, PercentileOnlyWhenOptedIn) {
    auto r = as("tl1", overview(org_->a2));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_TRUE(r.json().at("percentile_ranking").is_null());  // a2 opted out
    EXPECT_TRUE(as("m2", overview(org_->a3)).json().at("percentile_ranking").is_null());  // none
}

TEST_F(OverviewApi, Scope) {
    const Org& o = *org_;
    EXPECT_EQ(as("a1", overview(o.a2)).status, 404);
    EXPECT_EQ(as("tl1", overview(o.a1)).status, 200);
    EXPECT_EQ(as("tl1", overview(o.a3)).status, 404);
    EXPECT_EQ(as("tl2", overview(o.a3)).status, 200);
    EXPECT_EQ(as("m1", overview(o.a2)).status, 200);
    EXPECT_EQ(as("m1", overview(o.a3)).status, 404);
    EXPECT_EQ(as("m2", overview(o.a1)).status, 404);
    EXPECT_EQ(as("admin", overview(o.a3)).status, 200);
    EXPECT_EQ(as("admin", overview(o.gone)).status, 200);  // admins see deleted users
    EXPECT_EQ(as("tl1", overview(o.gone)).status, 404);
    EXPECT_EQ(as("admin", overview(o.tl1)).status, 404);  // not an agent
    EXPECT_EQ(as("tl1", overview(o.tl1)).status, 404);
    EXPECT_EQ(as("admin", overview("6f1c7a3e-0000-4000-8000-000000000001")).status, 404);
    EXPECT_EQ(server_->request("GET", overview(o.a1)).status, 401);
}

TEST_F(OverviewApi, BadInput) {
    const Org& o = *org_;
    auto r = as("admin", overview("123"));
    EXPECT_EQ(r.status, 400);
    EXPECT_EQ(
        r.body,
        R"({"error":{"code":"bad_request","message":"The id must be a UUID.","details":[]}})");
    expect_series_range_checks(
        [&](const std::string& query) { return as("admin", overview(o.a1, query)); });
}

}  // namespace
}  // namespace coach::test
