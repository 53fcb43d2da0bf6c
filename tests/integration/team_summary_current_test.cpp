// GET /api/v1/team-performance-summary is computed on read (issue 15, step 3): right after
// metrics PUTs, new agents, an agent moved to another team, a plan activated and sessions
// completed or cancelled, the next read shows them. Each figure is compared with a
// recomputation from the raw rows and with hand-computed values; the materialized view, not
// refreshed since, still shows the old figures (what the endpoint answered before). The day rolls
// over with the clock: as_of moves and "yesterday" with it.
#include "core/clock.hpp"
#include "support/org_api_test.hpp"

#include <gtest/gtest.h>

#include <map>

namespace coach::test {
namespace {
namespace json = boost::json;

class TeamSummaryCurrent : public OrgApiTest<TeamSummaryCurrent> {
  protected:
    void TearDown() override { clock::set_offset(std::chrono::seconds(0)); }

    static TestDatabase& db() { return server_->db(); }
    // The organisation's today on the test's connection, plus `days`, as text.
    static std::string day(int days = 0) {
        return std::string(
            db().exec("SELECT (coach_today() + $1::int)::text", db::params(days)).get(0, 0));
    }
    // Every row the admin reads, by team leader id.
    static std::map<std::string, json::object> summary() {
        std::map<std::string, json::object> out;
        for (const auto& item :
             all_items(*server_, tokens_.at("admin"), "/api/v1/team-performance-summary"))
            out[std::string(item.at("team_leader_id").as_string())] = item.as_object();
        return out;
    }
    // The figures of `tl`'s team recomputed from the raw tables, for the day as_of and the
    // instant now() + offset_seconds, in the API's JSON shape.
    static json::object recomputed(const std::string& tl, const std::string& as_of,
                                   long long offset_seconds) {
        static const char* const sql =
            "WITH team AS (SELECT id FROM users WHERE team_leader_id = $1::uuid"
            "                AND role = 'AGENT' AND deleted_at IS NULL"
            "                AND status <> 'TERMINATED'),"
            "     yesterday AS (SELECT * FROM performance_metrics"
            "                    WHERE agent_id IN (SELECT id FROM team)"
            "                      AND metric_date = $2::date - 1),"
            "     instant AS (SELECT now() + make_interval(secs => $3) AS t) "
            "SELECT json_build_object("
            "  'agent_count', (SELECT count(*) FROM team),"
            "  'active_pips', (SELECT count(*) FROM action_plans"
            "                   WHERE agent_id IN (SELECT id FROM team)"
            "                     AND status IN ('ACTIVE', 'EXTENDED')),"
            "  'avg_team_score', (SELECT round(avg(composite_score), 2) FROM yesterday),"
            "  'avg_service_score', (SELECT round(avg(service_score), 2) FROM yesterday),"
            "  'avg_quality_score', (SELECT round(avg(quality_score), 2) FROM yesterday),"
            "  'sessions_last_week', (SELECT count(*) FROM coaching_sessions, instant"
            "                          WHERE team_leader_id = $1::uuid AND status <> 'CANCELLED'"
            "                            AND scheduled_date BETWEEN t - interval '7 days' AND t)"
            ")::text";
        return json::parse(db().exec(sql, db::params(tl, as_of, offset_seconds)).get(0, 0))
            .as_object();
    }
    // Expects `row`'s figures to be the recomputation's and returns them.
    static json::object expect_recomputed(const json::object& row, long long offset_seconds) {
        const std::string tl(row.at("team_leader_id").as_string());
        const std::string as_of(row.at("as_of").as_string());
        json::object want = recomputed(tl, as_of, offset_seconds);
        for (const auto& [key, value] : want)
            EXPECT_EQ(row.at(key), value) << key << " of " << row.at("team_leader_name");
        EXPECT_EQ(row.at("calculated_date"), row.at("as_of"));
        return want;
    }
    static std::string metric(const std::string& agent, const std::string& date, int all) {
        const std::string v = std::to_string(all);
        return "{\"agent_id\":\"" + agent + "\",\"metric_date\":\"" + date +
               "\",\"service_score\":" + v + ",\"productivity_score\":" + v +
               ",\"quality_score\":" + v + ",\"attendance_rate\":" + v +
               ",\"adherence_score\":" + v + "}";
    }
    static std::string new_agent(const std::string& name, const std::string& tl) {
        auto r = as("admin", "POST", "/api/v1/users",
                    json::serialize(json::object{{"email", name + "@org.test"},
                                                 {"name", name},
                                                 {"role", "AGENT"},
                                                 {"team_leader_id", tl},
                                                 {"password", "a long password"}}));
        EXPECT_EQ(r.status, 201) << r.body;
        return r.status == 201 ? std::string(r.json().at("id").as_string()) : "";
    }
};

// Before the writes (rows by SQL, then the view refreshed): yesterday a1 60, a2 80 (tl1), a3 70
// (tl2), every component equal so the composite is that value; a1 has a DRAFT plan; tl1 has two
// SCHEDULED sessions with a1, one and two hours ago. View: tl1 2 agents, 0 PIPs, 70, 2 sessions.
// Writes through the API (the plan by SQL: no route changes a plan's status):
//   PUT a1 yesterday all 90; new agents Nia (PUT yesterday all 40) and Noa (no metrics), on tl1;
//   a2 moved to tl2; a1's plan ACTIVE; the first session started and completed, the second one
//   cancelled.
// Then tl1: a1, Nia, Noa = 3 agents, 1 PIP, (90 + 40) / 2 = 65, 1 session;
//      tl2: a3, a2 = 2 agents, 0 PIPs, (70 + 80) / 2 = 75, 0 sessions.
TEST_F(TeamSummaryCurrent, EveryFigureFollowsTheWritesAtOnce) {
    const Org& o = *org_;
    const std::string yesterday = day(-1);
    db().exec(
        "INSERT INTO performance_metrics (agent_id, metric_date, service_score, "
        "productivity_score, quality_score, attendance_rate, adherence_score) "
        "SELECT a, $4::date, v, v, v, v, v FROM (VALUES ($1::uuid, 60), ($2::uuid, 80), "
        "($3::uuid, 70)) AS x(a, v)",
        db::params(o.a1, o.a2, o.a3, yesterday));
    const std::string plan(
        db().exec("INSERT INTO action_plans (agent_id, created_by, start_date, target_end_date, "
                  "status, reason_for_plan, target_metrics, success_criteria) VALUES "
                  "($1, $2, coach_today(), coach_today() + 30, 'DRAFT', 'r', '{}', '{}') "
                  "RETURNING id",
                  db::params(o.a1, o.tl1))
            .get(0, 0));
    auto session = [&](int hours_ago) {
        return std::string(
            db().exec("INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, "
                      "status) VALUES ($1, $2, now() - make_interval(hours => $3), 'SCHEDULED') "
                      "RETURNING id",
                      db::params(o.a1, o.tl1, hours_ago))
                .get(0, 0));
    };
    const std::string completed = session(1), cancelled = session(2);
    db().exec("REFRESH MATERIALIZED VIEW team_performance_summary");

    auto put =
        as("admin", "PUT", "/api/v1/performance-metrics", "[" + metric(o.a1, yesterday, 90) + "]");
    ASSERT_EQ(put.status, 200) << put.body;
    const std::string nia = new_agent("nia", o.tl1);
    new_agent("noa", o.tl1);
    put = as("admin", "PUT", "/api/v1/performance-metrics", "[" + metric(nia, yesterday, 40) + "]");
    ASSERT_EQ(put.status, 200) << put.body;
    auto moved = as("admin", "PATCH", "/api/v1/users/" + o.a2,
                    json::serialize(json::object{{"team_leader_id", o.tl2}}));
    ASSERT_EQ(moved.status, 200) << moved.body;
    db().exec("UPDATE action_plans SET status = 'ACTIVE' WHERE id = $1", db::params(plan));
    const std::string sessions = "/api/v1/coaching-sessions/";
    ASSERT_EQ(as("tl1", "POST", sessions + completed + "/start").status, 200);
    auto done = as("tl1", "POST", sessions + completed + "/complete",
                   R"({"summary": "Holds", "primary_issue": "AHT", )"
                   R"("intervention_method": "Role-play"})");
    ASSERT_EQ(done.status, 200) << done.body;
    ASSERT_EQ(as("tl1", "POST", sessions + cancelled + "/cancel", R"({"reason": "sick"})").status,
              200);

    auto rows = summary();
    ASSERT_EQ(rows.count(o.tl1), 1u);
    ASSERT_EQ(rows.count(o.tl2), 1u);
    for (const auto& [tl, row] : rows) {
        EXPECT_EQ(row.at("as_of"), json::value(day()));
        expect_recomputed(row, 0);
    }
    const json::object& tl1 = rows.at(o.tl1);
    EXPECT_EQ(tl1.at("agent_count"), 3);
    EXPECT_EQ(tl1.at("active_pips"), 1);
    EXPECT_EQ(tl1.at("avg_team_score"), 65.0);
    EXPECT_EQ(tl1.at("avg_service_score"), 65.0);
    EXPECT_EQ(tl1.at("avg_quality_score"), 65.0);
    EXPECT_EQ(tl1.at("sessions_last_week"), 1);
    const json::object& tl2 = rows.at(o.tl2);
    EXPECT_EQ(tl2.at("agent_count"), 2);
    EXPECT_EQ(tl2.at("active_pips"), 0);
    EXPECT_EQ(tl2.at("avg_team_score"), 75.0);
    EXPECT_EQ(tl2.at("sessions_last_week"), 0);
    // The view, refreshed before the writes, still has the old figures.
    EXPECT_EQ(db().exec("SELECT (agent_count, active_pips, avg_team_score::numeric(5, 2), "
                        "sessions_last_week)::text FROM team_performance_summary "
                        "WHERE team_leader_id = $1::uuid",
                        db::params(o.tl1))
                  .get(0, 0),
              "(2,0,70.00,2)");

    // The next day: as_of moves, "yesterday" is today (a1 all 30, the only one with a row), the
    // completed session (an hour before) is still in the week.
    put = as("admin", "PUT", "/api/v1/performance-metrics", "[" + metric(o.a1, day(), 30) + "]");
    ASSERT_EQ(put.status, 200) << put.body;
    const long long one_day = 24 * 60 * 60;
    clock::set_offset(std::chrono::seconds(one_day));
    rows = summary();
    for (const auto& [tl, row] : rows) {
        EXPECT_EQ(row.at("as_of"), json::value(day(1)));
        expect_recomputed(row, one_day);
    }
    EXPECT_EQ(rows.at(o.tl1).at("avg_team_score"), 30.0);
    EXPECT_EQ(rows.at(o.tl1).at("sessions_last_week"), 1);
    EXPECT_TRUE(rows.at(o.tl2).at("avg_team_score").is_null());
}

}  // namespace
}  // namespace coach::test
