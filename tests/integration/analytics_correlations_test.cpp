// GET /api/v1/analytics/correlations: Pearson r and sample sizes over the caller's scope,
// hand-computed; roles; bad input.
#include "support/test_server.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {
namespace json = boost::json;

// Daily rows (service s; productivity 100 - s; quality q; attendance 90; adherence s; no
// CSAT/FCR/AHT). composite = 0.25 s + 0.20 (100 - s) + 0.20 q + 0.20 * 90 + 0.15 s.
//   a1 (tl1): s = q = 60, 70, 80   a2 (tl1): s = q = 50, 90   a3 (tl2): s = 70, q = 10
//   gone (tl1, deleted): s = 0, q = 100 (never counted)
// tl1's scope (a1, a2): 5 rows, q = s: r(service, quality) = 1, r(service, productivity) = -1,
//   attendance constant: r = null (no variance), composite = 0.4 s + 38: r = 1.
// Everyone (admin): 6 rows. s: 60 70 80 50 90 70 (mean 70), q: 60 70 80 50 90 10 (mean 60);
//   deviations s: -10 0 10 -20 20 0, q: 0 10 20 -10 30 -50;
//   sum ds*dq = 0 + 0 + 200 + 200 + 600 + 0 = 1000, sum ds^2 = 1000, sum dq^2 = 4000;
//   r = 1000 / sqrt(1000 * 4000) = 0.5.
// m2's scope (a3): 1 row: r = null, n = 1.
class AnalyticsCorrelations : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        org_ = new Org(create_org(server_->db()));
        const Org& o = *org_;
        server_->db().exec(
            "INSERT INTO performance_metrics (agent_id, metric_date, service_score, "
            "productivity_score, quality_score, attendance_rate, adherence_score) "
            "SELECT a, CURRENT_DATE - d, s, 100 - s, q, 90, s FROM (VALUES "
            "($1::uuid, 1, 60, 60), ($1::uuid, 2, 70, 70), ($1::uuid, 3, 80, 80), "
            "($2::uuid, 1, 50, 50), ($2::uuid, 2, 90, 90), ($3::uuid, 1, 70, 10), "
            "($4::uuid, 1, 0, 100)) t(a, d, s, q)",
            db::params(o.a1, o.a2, o.a3, o.gone));
        // An archived day (400 back) for a1: s = 40, q = 40.
        server_->db().exec(
            "INSERT INTO performance_metrics_archive (agent_id, metric_date, service_score, "
            "quality_score) VALUES ($1, CURRENT_DATE - 400, 40, 40)",
            db::params(o.a1));
        for (auto who : {"admin", "m1", "m2", "tl1", "tl2", "a1"})
            (*tokens_)[who] = login(*server_, std::string(who) + "@org.test");
    }
    static void TearDownTestSuite() {
        delete org_;
        delete server_;
        tokens_->clear();
    }
    static HttpResult as(const std::string& who, const std::string& query = "") {
        return server_->as(tokens_->at(who), "GET", "/api/v1/analytics/correlations" + query);
    }
    static const json::object& pair(const json::value& v, std::string_view x, std::string_view y) {
        for (const auto& p : v.at("pairs").as_array())
            if (p.at("metric_x").as_string() == x && p.at("metric_y").as_string() == y)
                return p.as_object();
        ADD_FAILURE() << x << "/" << y;
        return v.at("pairs").at(0).as_object();
    }
    static TestServer* server_;
    static Org* org_;
    static std::map<std::string, std::string>* tokens_;
};
TestServer* AnalyticsCorrelations::server_ = nullptr;
Org* AnalyticsCorrelations::org_ = nullptr;
std::map<std::string, std::string>* AnalyticsCorrelations::tokens_ =
    new std::map<std::string, std::string>();

TEST_F(AnalyticsCorrelations, TeamLeaderSeesOwnTeam) {
    auto r = as("tl1");
    ASSERT_EQ(r.status, 200) << r.body;
    auto v = r.json();
    EXPECT_EQ(v.at("rows").as_int64(), 5);
    EXPECT_EQ(v.at("agents").as_int64(), 2);
    EXPECT_EQ(v.at("metrics").as_array().size(), 9u);
    EXPECT_EQ(v.at("pairs").as_array().size(), 36u);  // 9 * 8 / 2
    EXPECT_EQ(pair(v, "service_score", "quality_score").at("r").as_double(), 1.0);
    EXPECT_EQ(pair(v, "service_score", "quality_score").at("n").as_int64(), 5);
    EXPECT_EQ(pair(v, "service_score", "productivity_score").at("r").as_double(), -1.0);
    EXPECT_EQ(pair(v, "service_score", "composite_score").at("r").as_double(), 1.0);
    EXPECT_TRUE(pair(v, "service_score", "attendance_rate").at("r").is_null());
    EXPECT_EQ(pair(v, "service_score", "attendance_rate").at("n").as_int64(), 5);
    EXPECT_TRUE(pair(v, "csat", "fcr").at("r").is_null());
    EXPECT_EQ(pair(v, "csat", "fcr").at("n").as_int64(), 0);
    // The same for their manager.
    EXPECT_EQ(as("m1").body, r.body);
}

TEST_F(AnalyticsCorrelations, AdminSeesEveryLiveAgent) {
    auto v = as("admin").json();
    EXPECT_EQ(v.at("rows").as_int64(), 6);  // not the deleted agent's row
    EXPECT_EQ(pair(v, "service_score", "quality_score").at("r").as_double(), 0.5);
    auto m2 = as("m2").json();
    EXPECT_EQ(m2.at("rows").as_int64(), 1);
    EXPECT_TRUE(pair(m2, "service_score", "quality_score").at("r").is_null());
    EXPECT_EQ(pair(m2, "service_score", "quality_score").at("n").as_int64(), 1);
    EXPECT_EQ(as("tl2").body, as("m2").body);
}

TEST_F(AnalyticsCorrelations, RangeReachesTheArchive) {
    std::string day(server_->db().exec("SELECT (CURRENT_DATE - 400)::text").get(0, 0));
    auto v = as("tl1", "?from=" + day + "&to=" + day).json();
    EXPECT_EQ(v.at("rows").as_int64(), 1);
    EXPECT_EQ(v.at("from").as_string(), day);
    EXPECT_EQ(pair(v, "service_score", "quality_score").at("n").as_int64(), 1);
    // An empty range: no rows, every r null.
    auto empty = as("tl1", "?from=2020-01-01&to=2020-01-31").json();
    EXPECT_EQ(empty.at("rows").as_int64(), 0);
    EXPECT_TRUE(pair(empty, "service_score", "quality_score").at("r").is_null());
}

TEST_F(AnalyticsCorrelations, AgentsAndBadInput) {
    auto r = as("a1");
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(r.error_code(), "forbidden");
    r = as("tl1", "?from=2026-02-30");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(
        r.body,
        R"j({"error":{"code":"validation_failed","message":"The request has invalid fields.",)j"
        R"j("details":[{"field":"from","message":"must be a date (YYYY-MM-DD)"}]}})j");
    r = as("tl1", "?from=2025-01-01&to=2026-01-01");  // 366 days: allowed
    EXPECT_EQ(r.status, 200);
    r = as("tl1", "?from=2024-12-31&to=2026-01-01");  // 367
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.json().at("error").at("details").at(0).at("message").as_string(),
              "the range may cover at most 366 days");
    EXPECT_EQ(as("tl1", "?from=2026-01-02&to=2026-01-01").status, 422);
    EXPECT_EQ(server_->request("GET", "/api/v1/analytics/correlations").status, 401);
}

}  // namespace
}  // namespace coach::test
