// GET /api/v1/teams/{team_leader_id}/dashboard, /api/v1/dashboard and
// /api/v1/team-performance-summary for every role, in and out of scope, on a handcrafted team
// whose urgency order is computed by hand (see the comment on Uma's team below).
#include "auth/authenticate.hpp"
#include "dashboards/refresh.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {
namespace json = boost::json;

// Uma (tl3, under m1) leads eight live agents, plus a terminated and a deleted one (hidden).
// 30-day composites come from days 1-10 back with every component at the same value (so the
// composite equals it); Fred also has days 31-40 back. Hand-computed urgency (rules.hpp):
//   Carl  CRITICAL 55.00, last coached 7 days ago    40 + 30 (7 > 1: cap)       = 70
//   Pam   POOR 65.00, coached 1 day ago (gap 3),
//         1 HIGH note open, active PIP                30 + 10 + 10               = 50
//   Fred  service 72 now vs 100 before, others 75:
//         composite 74.25 vs 81.25 (-8.6 %) FAIR,
//         service -28 %, coached 9 days ago          15 + 10 + 2 + (10 + 40/7 = 15) = 42
//   Nick  created after the snapshot refresh: no snapshot, never coached   5 + 30 = 35
//   Eve   EXCELLENT 95.00, never coached (a cancelled session does not count)   30
//   Gina  GOOD 84.00, coached 2 days ago, 1 item past due                         5
//   Hal   GOOD 84.00, same as Gina: after her by name                             5
//   Gail  GOOD 86.00, same but a better composite: last                           5
// Carl outranks everyone: CRITICAL and a week without coaching. Pam's open urgent note and
// PIP put her before Fred, who is 2 days past his weekly cadence and declining. An agent with
// nothing on record (Nick) comes before an excellent one never coached, and the GOOD agents
// with one late task come last.
class DashboardApi : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        org_ = new Org(create_org(server_->db()));
        TestDatabase& db = server_->db();
        const Org& o = *org_;
        std::string hash(
            db.exec("SELECT password_hash FROM users WHERE id = $1", db::params(o.tl1)).get(0, 0));
        tl3_ = db.exec(
                     "INSERT INTO users (email, name, role, password_hash, manager_id) VALUES "
                     "('tl3@org.test', 'Uma Leader', 'TEAM_LEADER', $1, $2) RETURNING id",
                     db::params(hash, o.m1))
                   .get(0, 0);
        auto agent = [&](const std::string& name, const std::string& extra = "") {
            return std::string(
                db.exec("INSERT INTO users (email, name, role, password_hash, team_leader_id" +
                            std::string(extra.empty() ? "" : ", status") +
                            ") VALUES (lower($1) || '@org.test', $1, 'AGENT', 'x', $2" +
                            (extra.empty() ? "" : ", '" + extra + "'") + ") RETURNING id",
                        db::params(name, tl3_))
                    .get(0, 0));
        };
        for (auto name : {"Carl", "Pam", "Fred", "Eve", "Gina", "Hal", "Gail"})
            (*ids_)[name] = agent(name);
        (*ids_)["Terry"] = agent("Terry", "TERMINATED");
        (*ids_)["Dora"] = agent("Dora");
        db.exec("UPDATE users SET deleted_at = now() WHERE id = $1", db::params(id("Dora")));
        auto metrics = [&](const std::string& who, int from, int to, int service, int other) {
            db.exec(
                "INSERT INTO performance_metrics (agent_id, metric_date, service_score, "
                "productivity_score, quality_score, attendance_rate, adherence_score) "
                "SELECT $1::uuid, CURRENT_DATE - d, $4, $5, $5, $5, $5 "
                "FROM generate_series($2::int, $3::int) d",
                db::params(id(who), from, to, service, other));
        };
        metrics("Carl", 1, 10, 55, 55);
        metrics("Pam", 1, 10, 65, 65);
        metrics("Fred", 1, 10, 72, 75);
        metrics("Fred", 31, 40, 100, 75);
        metrics("Eve", 1, 10, 95, 95);
        metrics("Gina", 1, 10, 84, 84);
        metrics("Hal", 1, 10, 84, 84);
        metrics("Gail", 1, 10, 86, 86);
        auto refreshed = dashboards::refresh_snapshots_sync(db.conn(), std::nullopt);
        ASSERT_TRUE(refreshed) << refreshed.error().message;
        (*ids_)["Nick"] = agent("Nick");  // after the refresh: no snapshot

        auto session = [&](const std::string& who, int days_ago, const char* status) {
            db.exec(
                "INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, status) "
                "VALUES ($1, $2, now() - make_interval(days => $3), $4::session_status)",
                db::params(id(who), tl3_, days_ago, status));
        };
        session("Carl", 7, "COMPLETED");
        session("Pam", 1, "COMPLETED");
        session("Fred", 9, "COMPLETED");
        session("Gina", 2, "COMPLETED");
        session("Hal", 2, "COMPLETED");
        session("Gail", 2, "COMPLETED");
        session("Eve", 1, "CANCELLED");
        db.exec(
            "INSERT INTO quick_notes (team_leader_id, agent_id, note_type, content, priority, "
            "addressed) VALUES ($1, $2, 'URGENT', 'x', 'HIGH', false), "
            "($1, $2, 'GENERAL', 'x', 'LOW', false), ($1, $2, 'COMPLIANCE', 'x', 'HIGH', true)",
            db::params(tl3_, id("Pam")));
        for (auto who : {"Gina", "Hal", "Gail"})
            db.exec(
                "INSERT INTO action_items (agent_id, assigned_by, title, description, due_date) "
                "VALUES ($1, $2, 't', 'd', CURRENT_DATE - 3)",
                db::params(id(who), tl3_));
        db.exec(
            "INSERT INTO action_items (agent_id, assigned_by, title, description, due_date) "
            "VALUES ($1, $2, 't', 'd', CURRENT_DATE + 1)",
            db::params(id("Carl"), tl3_));
        db.exec(
            "INSERT INTO action_plans (agent_id, created_by, start_date, target_end_date, status, "
            "reason_for_plan, target_metrics, success_criteria) VALUES "
            "($1, $3, CURRENT_DATE - 5, CURRENT_DATE + 25, 'ACTIVE', 'r', '{}', '{}'), "
            "($2, $3, CURRENT_DATE, CURRENT_DATE + 30, 'DRAFT', 'r', '{}', '{}')",
            db::params(id("Pam"), id("Fred"), tl3_));
        for (auto who : {"admin", "m1", "m2", "tl1", "tl2", "tl3", "a1", "a2", "a3"})
            (*tokens_)[who] = login(*server_, std::string(who) + "@org.test");
    }
    static void TearDownTestSuite() {
        delete org_;
        delete server_;
        tokens_->clear();
        ids_->clear();
    }
    static const std::string& id(const std::string& name) { return ids_->at(name); }
    static HttpResult as(const std::string& who, const std::string& target) {
        return server_->as(tokens_->at(who), "GET", target);
    }
    static std::string team(const std::string& tl) { return "/api/v1/teams/" + tl + "/dashboard"; }
    static std::vector<std::pair<std::string, int64_t>> order_of(const json::array& agents) {
        std::vector<std::pair<std::string, int64_t>> out;
        for (const auto& a : agents)
            out.emplace_back(std::string(a.at("name").as_string()),
                             a.at("urgency_score").as_int64());
        return out;
    }
    static const json::object& agent_named(const json::array& agents, std::string_view name) {
        for (const auto& a : agents)
            if (a.at("name").as_string() == name)
                return a.as_object();
        ADD_FAILURE() << name << " missing";
        return agents.at(0).as_object();
    }
    static TestServer* server_;
    static Org* org_;
    static std::string tl3_;
    static std::map<std::string, std::string>* tokens_;
    static std::map<std::string, std::string>* ids_;
};
TestServer* DashboardApi::server_ = nullptr;
Org* DashboardApi::org_ = nullptr;
std::string DashboardApi::tl3_;
std::map<std::string, std::string>* DashboardApi::tokens_ =
    new std::map<std::string, std::string>();
std::map<std::string, std::string>* DashboardApi::ids_ = new std::map<std::string, std::string>();

TEST_F(DashboardApi, TeamIsRankedByUrgencyWithReasons) {
    auto r = as("tl3", team(tl3_));
    ASSERT_EQ(r.status, 200) << r.body;
    auto v = r.json().as_object();
    EXPECT_EQ(v.at("team_leader").at("id").as_string(), tl3_);
    EXPECT_EQ(v.at("team_leader").at("name").as_string(), "Uma Leader");
    const auto& agents = v.at("agents").as_array();
    std::vector<std::pair<std::string, int64_t>> expected = {
        {"Carl", 70}, {"Pam", 50}, {"Fred", 42}, {"Nick", 35},
        {"Eve", 30},  {"Gina", 5}, {"Hal", 5},   {"Gail", 5}};  // see the class comment
    EXPECT_EQ(order_of(agents), expected);

    const auto& fred = agent_named(agents, "Fred");
    EXPECT_EQ(fred.at("performance_level").as_string(), "FAIR");
    EXPECT_EQ(fred.at("avg_30d").at("composite_score").as_double(), 74.25);
    EXPECT_EQ(fred.at("avg_30d").at("days_with_data").as_int64(), 10);
    EXPECT_EQ(fred.at("trends").at("composite_score").as_string(), "DECLINING");
    EXPECT_EQ(fred.at("trends").at("service_score").as_string(), "DECLINING");
    EXPECT_EQ(fred.at("trends").at("quality_score").as_string(), "STABLE");
    EXPECT_EQ(fred.at("trends").at("aht").as_string(), "INSUFFICIENT_DATA");
    EXPECT_EQ(fred.at("days_since_last_coaching").as_int64(), 9);
    EXPECT_EQ(
        json::serialize(fred.at("urgency_reasons")),
        R"j([{"code":"LOW_PERFORMANCE","text":"30-day composite 74.25 (FAIR)","points":15},)j"
        R"j({"code":"DECLINING_COMPOSITE","text":"Composite declining against the previous 30 days","points":10},)j"
        R"j({"code":"DECLINING_METRICS","text":"Declining against the previous 30 days: service","points":2},)j"
        R"j({"code":"OVERDUE_COACHING","text":"9 days since last coaching (FAIR: every 7 days)","points":15}])j");

    const auto& carl = agent_named(agents, "Carl");
    EXPECT_EQ(carl.at("latest").at("composite_score").as_double(), 55.0);
    EXPECT_EQ(carl.at("performance_level").as_string(), "CRITICAL");
    EXPECT_EQ(carl.at("overdue_action_items").as_int64(), 0);  // due tomorrow
    EXPECT_EQ(carl.at("urgency_reasons").at(1).at("text").as_string(),
              "7 days since last coaching (CRITICAL: every day)");

    const auto& pam = agent_named(agents, "Pam");
    EXPECT_EQ(pam.at("unaddressed_high_notes").as_int64(), 1);  // not the LOW, not the addressed
    EXPECT_EQ(pam.at("active_pip").as_bool(), true);
    EXPECT_EQ(pam.at("days_since_last_coaching").as_int64(), 1);
    EXPECT_EQ(agent_named(agents, "Fred").at("active_pip").as_bool(), false);  // DRAFT only

    const auto& nick = agent_named(agents, "Nick");  // no snapshot: shown, with nulls
    for (auto key : {"snapshot_as_of", "performance_level", "latest", "avg_30d", "trends",
                     "last_coaching_at", "days_since_last_coaching"})
        EXPECT_TRUE(nick.at(key).is_null()) << key;
    EXPECT_EQ(
        json::serialize(nick.at("urgency_reasons")),
        R"j([{"code":"NO_METRICS","text":"No composite score in the last 30 days","points":5},)j"
        R"j({"code":"NEVER_COACHED","text":"Never coached (no level yet: every 14 days)","points":30}])j");

    EXPECT_EQ(agent_named(agents, "Eve").at("urgency_reasons").at(0).at("text").as_string(),
              "Never coached (EXCELLENT: every 30 days)");
    EXPECT_EQ(agent_named(agents, "Gina").at("overdue_action_items").as_int64(), 1);
}

TEST_F(DashboardApi, TeamDashboardScope) {
    const Org& o = *org_;
    EXPECT_EQ(as("m1", team(tl3_)).status, 200);
    EXPECT_EQ(as("admin", team(tl3_)).status, 200);
    EXPECT_EQ(as("m2", team(tl3_)).status, 404);
    EXPECT_EQ(as("tl1", team(tl3_)).status, 404);
    EXPECT_EQ(as("tl2", team(o.tl1)).status, 404);
    EXPECT_EQ(as("m1", team(o.tl2)).status, 404);
    auto agent = as("a1", team(o.tl1));
    EXPECT_EQ(agent.status, 403);
    EXPECT_EQ(agent.error_code(), "forbidden");
    // Not a team leader: 404 even in scope.
    EXPECT_EQ(as("m1", team(o.a1)).status, 404);
    EXPECT_EQ(as("m1", team(o.m1)).status, 404);
    EXPECT_EQ(as("admin", team("6f1c7a3e-0000-4000-8000-000000000001")).status, 404);
    auto bad = as("admin", team("not-a-uuid"));
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(
        bad.body,
        R"({"error":{"code":"bad_request","message":"The team_leader_id must be a UUID.","details":[]}})");
    EXPECT_EQ(server_->request("GET", team(o.tl1)).status, 401);
    // The dashboard's statement goes with the session lookup; the lookup decides: an unknown
    // or revoked token is 401, not 404.
    EXPECT_EQ(server_->as("no-such-token", "GET", team(o.tl1)).status, 401);
    std::string revoked = login(*server_, "m1@org.test");
    ASSERT_EQ(server_->as(revoked, "GET", team(o.tl1)).status, 200);
    server_->db().exec("UPDATE user_sessions SET revoked_at = now() WHERE token_hash = $1::bytea",
                       db::params(auth::token_hash_param(revoked)));
    EXPECT_EQ(server_->as(revoked, "GET", team(o.tl1)).status, 401);

    // tl1's own team: a1 and a2 (not the deleted agent), neither with metrics or sessions.
    auto r = as("tl1", team(o.tl1));
    ASSERT_EQ(r.status, 200);
    json::array agents = r.json().at("agents").as_array();
    std::vector<std::pair<std::string, int64_t>> expected = {{"Ann Agent", 35}, {"Bob Agent", 35}};
    EXPECT_EQ(order_of(agents), expected);
    EXPECT_EQ(agents.at(0).at("snapshot_as_of").is_null(), false);  // refreshed, empty figures
    EXPECT_TRUE(agents.at(0).at("latest").is_null());
    // The same body for a manager and an admin.
    EXPECT_EQ(as("m1", team(o.tl1)).body, r.body);
    EXPECT_EQ(as("admin", team(o.tl1)).body, r.body);
}

// When the dashboard's statement fails in the pipeline with the session lookup, the lookup
// alone still decides the caller (401 for a bad token, not a 500), and a signed-in caller gets
// the handler's own query (here failing the same way: a 500, with the internals not told).
TEST_F(DashboardApi, AFailingPrefetchLeavesAuthenticationToTheLookup) {
    const Org& o = *org_;
    TestDatabase& db = server_->db();
    db.exec("ALTER TABLE agent_coaching_facts RENAME TO agent_coaching_facts_away");
    auto bad_token = server_->as("no-such-token", "GET", team(o.tl1));
    auto signed_in = as("m1", team(o.tl1));
    db.exec("ALTER TABLE agent_coaching_facts_away RENAME TO agent_coaching_facts");
    EXPECT_EQ(bad_token.status, 401) << bad_token.body;
    EXPECT_EQ(signed_in.status, 500) << signed_in.body;
    EXPECT_EQ(signed_in.error_code(), "internal");
    EXPECT_EQ(signed_in.body.find("agent_coaching_facts"), std::string::npos);
    EXPECT_EQ(as("m1", team(o.tl1)).status, 200);
}

TEST_F(DashboardApi, HomeOfATeamLeaderIsTheirTeam) {
    auto home = as("tl3", "/api/v1/dashboard");
    ASSERT_EQ(home.status, 200) << home.body;
    auto v = home.json().as_object();
    EXPECT_EQ(v.at("role").as_string(), "TEAM_LEADER");
    v.erase("role");
    EXPECT_EQ(json::value(v), as("tl3", team(tl3_)).json());
}

TEST_F(DashboardApi, HomeOfAManagerIsTheMatrixWithTopThree) {
    auto r = as("m1", "/api/v1/dashboard");
    ASSERT_EQ(r.status, 200) << r.body;
    auto v = r.json().as_object();
    EXPECT_EQ(v.at("role").as_string(), "MANAGER");
    const auto& teams = v.at("teams").as_array();
    ASSERT_EQ(teams.size(), 2u);  // Tom Leader (tl1), Uma Leader (tl3), by name
    EXPECT_EQ(teams.at(0).at("team_leader_name").as_string(), "Tom Leader");
    const auto& uma = teams.at(1).as_object();
    EXPECT_EQ(uma.at("team_leader_id").as_string(), tl3_);
    EXPECT_EQ(uma.at("agent_count").as_int64(), 8);
    EXPECT_EQ(uma.at("active_pips").as_int64(), 1);
    EXPECT_EQ(json::serialize(uma.at("levels")),
              R"({"EXCELLENT":1,"GOOD":3,"FAIR":1,"POOR":1,"CRITICAL":1,"NONE":1})");
    // (55 + 65 + 74.25 + 95 + 84 + 84 + 86) / 7 = 543.25 / 7 = 77.607... -> 77.61
    EXPECT_EQ(uma.at("avg_30d").at("composite_score").as_double(), 77.61);
    EXPECT_TRUE(uma.at("avg_30d").at("aht").is_null());
    std::vector<std::pair<std::string, int64_t>> top = {{"Carl", 70}, {"Pam", 50}, {"Fred", 42}};
    EXPECT_EQ(order_of(uma.at("top_urgent_agents").as_array()), top);
    EXPECT_EQ(teams.at(0).at("top_urgent_agents").as_array().size(), 2u);

    auto m2 = as("m2", "/api/v1/dashboard").json();
    ASSERT_EQ(m2.at("teams").as_array().size(), 1u);
    EXPECT_EQ(m2.at("teams").at(0).at("team_leader_id").as_string(), org_->tl2);
    EXPECT_EQ(m2.at("teams").at(0).at("agent_count").as_int64(), 1);
}

TEST_F(DashboardApi, HomeOfAnAgentAndOfAnAdmin) {
    auto a = as("a1", "/api/v1/dashboard");
    ASSERT_EQ(a.status, 200) << a.body;
    EXPECT_EQ(a.json().at("role").as_string(), "AGENT");
    EXPECT_EQ(a.json().at("agent").at("id").as_string(), org_->a1);
    EXPECT_TRUE(a.json().at("series").as_array().empty());

    auto r = as("admin", "/api/v1/dashboard");
    ASSERT_EQ(r.status, 200) << r.body;
    auto v = r.json();
    EXPECT_EQ(v.at("role").as_string(), "ADMIN");
    // agents: a1, a2, a3 + Uma's eight (Terry terminated, Dora and gone deleted).
    EXPECT_EQ(json::serialize(v.at("counts")),
              R"({"agents":11,"team_leaders":3,"managers":2,"active_pips":1,)"
              R"("imports_last_7_days":0,"failed_imports_last_7_days":0})");
}

// The summary is computed on read (team_summary_of; team_summary_current_test.cpp follows
// writes). Uma's row by hand:
//   agent_count 8 (live, not terminated); active_pips 1 (Pam);
//   yesterday's composites 55, 65, 74.25, 95, 84, 84, 86 -> 543.25 / 7 = 77.61;
//   service 55 + 65 + 72 + 95 + 84 + 84 + 86 = 541 / 7 = 77.29;
//   quality 55 + 65 + 75 + 95 + 84 + 84 + 86 = 544 / 7 = 77.71;
//   sessions in the last 7 days, not cancelled: Pam (1 day), Gina, Hal, Gail (2 days) = 4
//   (Carl's, 7 days before the data went in, is just outside; Eve's is cancelled).
TEST_F(DashboardApi, TeamPerformanceSummaryByScope) {
    auto r = as("admin", "/api/v1/team-performance-summary");
    ASSERT_EQ(r.status, 200) << r.body;
    json::array items = r.json().at("items").as_array();
    ASSERT_EQ(items.size(), 3u);
    EXPECT_EQ(items.at(0).at("team_leader_name").as_string(), "Tina Leader");
    EXPECT_EQ(items.at(1).at("team_leader_name").as_string(), "Tom Leader");
    const auto& uma = items.at(2).as_object();
    EXPECT_EQ(uma.at("team_leader_id").as_string(), tl3_);
    EXPECT_EQ(uma.at("manager_id").as_string(), org_->m1);
    EXPECT_EQ(uma.at("agent_count").as_int64(), 8);
    EXPECT_EQ(uma.at("active_pips").as_int64(), 1);
    EXPECT_EQ(uma.at("avg_team_score").as_double(), 77.61);
    EXPECT_EQ(uma.at("avg_service_score").as_double(), 77.29);
    EXPECT_EQ(uma.at("avg_quality_score").as_double(), 77.71);
    EXPECT_EQ(uma.at("sessions_last_week").as_int64(), 4);
    const std::string today(server_->db().exec("SELECT coach_today()::text").get(0, 0));
    EXPECT_EQ(uma.at("as_of").as_string(), today);
    EXPECT_EQ(uma.at("calculated_date").as_string(), today);
    EXPECT_TRUE(items.at(1).at("avg_team_score").is_null());  // tl1: no metrics yesterday

    auto names = [&](const std::string& who) {
        std::vector<std::string> out;
        json::value v = as(who, "/api/v1/team-performance-summary").json();
        for (const auto& i : v.at("items").as_array())
            out.emplace_back(i.at("team_leader_name").as_string());
        return out;
    };
    EXPECT_EQ(names("m1"), (std::vector<std::string>{"Tom Leader", "Uma Leader"}));
    EXPECT_EQ(names("m2"), (std::vector<std::string>{"Tina Leader"}));
    EXPECT_EQ(names("tl3"), (std::vector<std::string>{"Uma Leader"}));
    EXPECT_EQ(as("a1", "/api/v1/team-performance-summary").status, 403);

    // Pages of one.
    std::vector<std::string> paged;
    std::string target = "/api/v1/team-performance-summary?limit=1";
    for (int i = 0; i < 5; ++i) {
        auto p = as("admin", target).json();
        for (const auto& item : p.at("items").as_array())
            paged.emplace_back(item.at("team_leader_name").as_string());
        if (p.at("next_cursor").is_null())
            break;
        target = "/api/v1/team-performance-summary?limit=1&cursor=" +
                 std::string(p.at("next_cursor").as_string());
    }
    EXPECT_EQ(paged, (std::vector<std::string>{"Tina Leader", "Tom Leader", "Uma Leader"}));
    auto bad = as("admin", "/api/v1/team-performance-summary?limit=0&cursor=%21");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.body,
              R"({"error":{"code":"validation_failed","message":"The request has invalid fields.",)"
              R"("details":[{"field":"limit","message":"must be an integer between 1 and 500"},)"
              R"({"field":"cursor","message":"is not a cursor returned by this collection"}]}})");
}

TEST_F(DashboardApi, SnapshotRefreshShowsNewMetrics) {
    // A new day for Nick through the metrics table, then the refresh the metrics API runs.
    TestDatabase& db = server_->db();
    db.exec(
        "INSERT INTO performance_metrics (agent_id, metric_date, service_score, "
        "productivity_score, quality_score, attendance_rate, adherence_score) "
        "VALUES ($1, CURRENT_DATE, 50, 50, 50, 50, 50)",
        db::params(id("Nick")));
    auto before = agent_named(as("tl3", team(tl3_)).json().at("agents").as_array(), "Nick");
    EXPECT_TRUE(before.at("latest").is_null());  // not refreshed yet
    ASSERT_TRUE(
        dashboards::refresh_snapshots_sync(db.conn(), std::vector<std::string>{id("Nick")}));
    auto agents = as("tl3", team(tl3_)).json().at("agents").as_array();
    const auto& nick = agent_named(agents, "Nick");
    EXPECT_EQ(nick.at("performance_level").as_string(), "CRITICAL");
    // 40 (CRITICAL 50.00) + 30 (never coached) = 70: level with Carl, before him by composite.
    EXPECT_EQ(nick.at("urgency_score").as_int64(), 70);
    EXPECT_EQ(agents.at(0).at("name").as_string(), "Nick");
    EXPECT_EQ(agents.at(1).at("name").as_string(), "Carl");
    // Back to no metrics for the other tests.
    db.exec("DELETE FROM performance_metrics WHERE agent_id = $1", db::params(id("Nick")));
    ASSERT_TRUE(
        dashboards::refresh_snapshots_sync(db.conn(), std::vector<std::string>{id("Nick")}));
}

}  // namespace
}  // namespace coach::test
