// The SQL side of the dashboards (db/migrations/0006_dashboards.sql) against the C++ rules
// (src/dashboards/rules.hpp): levels, trends and the snapshot figures computed from the same
// daily rows; the coaching facts kept by triggers against a live count; refresh locking; the
// team dashboard statement against auth::may; the team dashboard plan's index use.
#include "auth/scope_sql.hpp"
#include "dashboards/date_range.hpp"
#include "dashboards/refresh.hpp"
#include "dashboards/rules.hpp"
#include "dashboards/sql.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <charconv>
#include <map>
#include <random>
#include <set>
#include <thread>

namespace coach::test {
namespace {
namespace json = boost::json;
using dashboards::Level;
using dashboards::Trend;

// "123.45" -> 12345 (the text of a NUMERIC(.,2) or an integer).
long long hundredths_of(std::string_view text) {
    auto dot = text.find('.');
    long long whole = 0, frac = 0;
    std::string_view w = text.substr(0, dot);
    std::from_chars(w.data(), w.data() + w.size(), whole);
    if (dot != std::string_view::npos) {
        std::string f(text.substr(dot + 1));
        f.resize(2, '0');
        std::from_chars(f.data(), f.data() + 2, frac);
    }
    return whole * 100 + frac;
}

std::string decimal_of(long long hundredths) {
    return fmt::format("{}.{:02}", hundredths / 100, hundredths % 100);
}

// team_cards() (migration 0018) must stay inlinable: called from FROM, it becomes part of the
// calling query (a function scan would hide its index probes from the planner, and from the
// dashboard's benchmark). A change that stops the inlining (STRICT, plpgsql, a SET clause, a
// result type that does not match) fails here.
TEST(DashboardRulesSql, TeamCardsAreInlinedIntoTheQuery) {
    TestDatabase db;
    Org o = create_org(db);
    const std::string text = db.plan_of(
        "SELECT tl.id, c.* FROM users tl LEFT JOIN LATERAL team_cards(tl.id) c ON true "
        "WHERE tl.id = '" +
        o.tl1 + "'::uuid");
    EXPECT_EQ(text.find("Function Scan"), std::string::npos) << text;
    EXPECT_NE(text.find("agent_dashboard_snapshot"), std::string::npos) << text;
    EXPECT_NE(text.find("agent_coaching_facts"), std::string::npos) << text;
}

TEST(DashboardRulesSql, LevelAndGapAgreeAtEveryBoundary) {
    TestDatabase db;
    const std::vector<std::optional<std::string>> values = {
        "0",     "0.01",  "59.99", "60",    "60.01", "69.99", "70",   "70.01", "79.99",     "80",
        "80.01", "89.99", "90",    "90.01", "99.99", "100",   "45.5", "85.25", std::nullopt};
    for (const auto& v : values) {
        auto r = db.exec(
            "SELECT performance_level_of($1::numeric), "
            "coaching_gap_days(performance_level_of($1::numeric))",
            db::params(v));
        std::optional<double> composite;
        if (v)
            composite = std::stod(*v);
        auto expected = dashboards::level_of(composite);
        ASSERT_EQ(r.is_null(0, 0), !expected.has_value()) << v.value_or("NULL");
        if (expected) {
            EXPECT_EQ(r.get(0, 0), dashboards::to_string(*expected)) << *v;
        }
        EXPECT_EQ(r.get_int(0, 1), dashboards::coaching_gap_days(expected)) << v.value_or("NULL");
    }
}

TEST(DashboardRulesSql, TrendFunctionAgreesOnRandomAndEdgeCases) {
    TestDatabase db;
    std::mt19937 rng(20260131);
    struct Case {
        std::vector<double> cur, prev;
        bool lower;
    };
    std::vector<Case> cases = {
        {{84, 84, 84}, {80, 80, 80}, false},           // exactly +5 %
        {{83.99, 84, 84}, {80, 80, 80}, false},        // just under
        {{76, 76, 76}, {80, 80, 80}, false},           // exactly -5 %
        {{285, 285, 285}, {300, 300, 300}, true},      // AHT -5 %: IMPROVING
        {{315, 315, 315}, {300, 300, 300}, true},      // AHT +5 %: DECLINING
        {{33, 33, 34}, {31.75, 31.75, 31.75}, false},  // non-terminating average
        {{33, 33, 34}, {31.74, 31.74, 31.74}, false},
        {{0, 0, 0}, {0, 0, 0}, false},
        {{0.01, 0, 0}, {0, 0, 0}, false},
        {{1, 0, 0}, {0, 0, 0}, true},
        {{90, 90}, {50, 50, 50}, false},  // too few points
        {{90, 90, 90}, {50, 50}, false},
        {{}, {}, false},
    };
    for (int i = 0; i < 400; ++i) {
        Case c;
        c.lower = rng() % 4 == 0;
        std::uniform_int_distribution<int> n(0, 8), cents(0, 10000), base(9000, 10000);
        int nc = n(rng), np = n(rng);
        // Half of the cases sit near +-5 %: previous avg b, current within b*(1 +- 0.06).
        bool near = rng() % 2 == 0;
        int b = base(rng);
        for (int k = 0; k < np; ++k)
            c.prev.push_back((near ? b : cents(rng)) / 100.0);
        std::uniform_int_distribution<int> delta(-600, 600);
        int target = b + b * delta(rng) / 10000;
        for (int k = 0; k < nc; ++k)
            c.cur.push_back((near ? target : cents(rng)) / 100.0);
        cases.push_back(std::move(c));
    }
    int improving = 0, declining = 0, stable = 0;
    for (const auto& c : cases) {
        auto cs = dashboards::period_sum(c.cur);
        auto ps = dashboards::period_sum(c.prev);
        auto r =
            db.exec("SELECT metric_trend_of($1::numeric, $2::bigint, $3::numeric, $4::bigint, $5)",
                    db::params(decimal_of(cs.hundredths), cs.count, decimal_of(ps.hundredths),
                               ps.count, c.lower));
        Trend expected = dashboards::trend_of(cs, ps, c.lower);
        EXPECT_EQ(r.get(0, 0), dashboards::to_string(expected))
            << decimal_of(cs.hundredths) << "/" << cs.count << " vs " << decimal_of(ps.hundredths)
            << "/" << ps.count << (c.lower ? " lower" : "");
        improving += expected == Trend::Improving;
        declining += expected == Trend::Declining;
        stable += expected == Trend::Stable;
    }
    // The random cases reach every outcome.
    EXPECT_GT(improving, 20);
    EXPECT_GT(declining, 20);
    EXPECT_GT(stable, 20);
}

// Random daily rows for 30 agents over 70 days around a fixed "today", then the snapshot
// against the C++ rules fed with the same rows (read back, composite included).
TEST(DashboardRulesSql, SnapshotAgreesWithTheRulesOnTheSameRows) {
    TestDatabase db;
    Org o = create_org(db);
    const std::string today = "2026-01-31";
    db.exec(
        "INSERT INTO users (email, name, role, password_hash, team_leader_id) "
        "SELECT 'r' || i || '@org.test', 'R' || i, 'AGENT', 'x', $1::uuid "
        "FROM generate_series(1, 30) i",
        db::params(o.tl1));
    std::mt19937 rng(7);
    std::string rows;
    auto r_agents = db.exec("SELECT id FROM users WHERE email LIKE 'r%@org.test' ORDER BY email");
    auto value = [&](int lo, int hi, int null_in) -> std::string {
        if (rng() % null_in == 0)
            return "\\N";
        std::uniform_int_distribution<int> d(lo * 100, hi * 100);
        return decimal_of(d(rng));
    };
    for (int a = 0; a < r_agents.rows(); ++a) {
        std::string id(r_agents.get(a, 0));
        // Agent 0: a row after today (ignored); agent 1: only rows older than 60 days.
        int from = a == 1 ? -75 : -65, to = a == 0 ? 2 : (a == 1 ? -61 : 0);
        for (int d = from; d <= to; ++d) {
            if (rng() % 5 == 0)
                continue;
            std::string aht = rng() % 10 == 0 ? "\\N" : std::to_string(100 + rng() % 500);
            rows += fmt::format("{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n", id,
                                dashboards::add_days(today, d), value(40, 100, 20),
                                value(40, 100, 20), value(40, 100, 20), value(40, 100, 20),
                                value(40, 100, 20), value(1, 5, 10), value(0, 100, 10), aht);
        }
    }
    bool sent = false;
    auto copied = db.conn().copy_in(
        "COPY performance_metrics (agent_id, metric_date, service_score, productivity_score, "
        "quality_score, attendance_rate, adherence_score, csat, fcr, aht) FROM STDIN",
        [&](std::string& chunk) {
            if (sent)
                return false;
            chunk = rows;
            sent = true;
            return true;
        });
    ASSERT_TRUE(copied) << copied.error().message;

    auto refreshed = dashboards::refresh_snapshots_sync(db.conn(), std::nullopt, today);
    ASSERT_TRUE(refreshed) << refreshed.error().message;
    EXPECT_EQ(*refreshed, 33);  // every live agent: a1, a2, a3 and the 30 (not "gone")

    // The rows as stored.
    auto stored = db.exec(
        "SELECT agent_id, metric_date, service_score, productivity_score, quality_score, "
        "attendance_rate, adherence_score, composite_score, csat, fcr, aht "
        "FROM performance_metrics ORDER BY agent_id, metric_date");
    struct Row {
        std::string date;
        std::array<std::optional<double>, 9> v;
        std::optional<std::string> composite_text;
    };
    std::map<std::string, std::vector<Row>> by_agent;
    for (int i = 0; i < stored.rows(); ++i) {
        Row r;
        r.date = std::string(stored.get(i, 1));
        for (int m = 0; m < 9; ++m)
            if (!stored.is_null(i, 2 + m))
                r.v[m] = std::stod(std::string(stored.get(i, 2 + m)));
        r.composite_text = stored.get_optional(i, 7);
        by_agent[std::string(stored.get(i, 0))].push_back(std::move(r));
    }
    const std::string cur_from = dashboards::add_days(today, -29);
    const std::string prev_from = dashboards::add_days(today, -59);

    auto snaps = db.exec(
        "SELECT agent_id, as_of, latest_metric_date, latest ->> 'composite_score', "
        "days_with_data, avg30_service_score, avg30_productivity_score, avg30_quality_score, "
        "avg30_attendance_rate, avg30_adherence_score, avg30_composite_score, avg30_csat, "
        "avg30_fcr, avg30_aht, trends::text, composite_trend, declining_metrics, "
        "performance_level FROM agent_dashboard_snapshot");
    ASSERT_EQ(snaps.rows(), 33);
    int checked = 0, with_level = 0, with_trend = 0;
    for (int s = 0; s < snaps.rows(); ++s) {
        std::string agent(snaps.get(s, 0));
        EXPECT_EQ(snaps.get(s, 1), today);
        const auto& rows_of = by_agent[agent];
        const Row* latest = nullptr;
        int days = 0;
        std::array<std::vector<double>, 9> cur, prev;
        for (const auto& r : rows_of) {
            if (r.date > today)
                continue;
            latest = &r;
            if (r.date >= cur_from)
                ++days;
            for (int m = 0; m < 9; ++m) {
                if (!r.v[m])
                    continue;
                if (r.date >= cur_from)
                    cur[m].push_back(*r.v[m]);
                else if (r.date >= prev_from)
                    prev[m].push_back(*r.v[m]);
            }
        }
        SCOPED_TRACE(agent);
        EXPECT_EQ(snaps.get_optional(s, 2), latest ? std::optional(latest->date) : std::nullopt);
        EXPECT_EQ(snaps.get_optional(s, 3), latest ? latest->composite_text : std::nullopt);
        EXPECT_EQ(snaps.get_int(s, 4), days);
        auto trends = json::parse(snaps.get(s, 14)).as_object();
        std::vector<std::string> declining;
        std::optional<double> avg_composite;
        for (int m = 0; m < 9; ++m) {
            const auto& info = dashboards::kMetrics[m];
            // Average rounded half away from zero to 2 decimals, from exact hundredths.
            std::optional<std::string> avg;
            if (!cur[m].empty()) {
                auto sum = dashboards::period_sum(cur[m]);
                long long n = sum.count;
                avg = decimal_of((2 * sum.hundredths + n) / (2 * n));
            }
            auto got = snaps.get_optional(s, 5 + m);
            if (got)
                got = decimal_of(hundredths_of(*got));
            EXPECT_EQ(got, avg) << info.column;
            if (info.column == "composite_score" && avg)
                avg_composite = std::stod(*avg);
            Trend t = dashboards::trend_of(cur[m], prev[m], info.lower_is_better);
            EXPECT_EQ(trends.at(info.column).as_string(), dashboards::to_string(t)) << info.column;
            if (info.column == "composite_score") {
                EXPECT_EQ(snaps.get(s, 15), dashboards::to_string(t));
                with_trend += t != Trend::InsufficientData;
            } else if (t == Trend::Declining) {
                declining.push_back(std::string(info.column));
            }
        }
        std::string declining_text = "{";
        for (std::size_t i = 0; i < declining.size(); ++i)
            declining_text += (i ? "," : "") + declining[i];
        declining_text += "}";
        EXPECT_EQ(snaps.get(s, 16), declining_text);
        auto level = dashboards::level_of(avg_composite);
        EXPECT_EQ(snaps.get_optional(s, 17),
                  level ? std::optional<std::string>(dashboards::to_string(*level)) : std::nullopt);
        with_level += level.has_value();
        ++checked;
    }
    EXPECT_EQ(checked, 33);
    EXPECT_GE(with_level, 28);  // the 30 random agents but the one with old rows only
    EXPECT_GE(with_trend, 20);
}

TEST(DashboardRulesSql, RefreshOfSomeAgentsAndOfGoneAgents) {
    TestDatabase db;
    Org o = create_org(db);
    // Hand-computed: a1 has 3 days at composite 80 (30-59 days ago) and 3 at 84 (this month):
    // avg30 84.00, GOOD, composite +5 % exactly: IMPROVING.
    db.exec(
        "INSERT INTO performance_metrics (agent_id, metric_date, service_score, "
        "productivity_score, quality_score, attendance_rate, adherence_score) "
        "SELECT $1::uuid, CURRENT_DATE - d, v, v, v, v, v "
        "FROM (VALUES (1, 84), (2, 84), (3, 84), (31, 80), (32, 80), (59, 80)) t(d, v)",
        db::params(o.a1));
    std::vector<std::string> one{o.a1};
    auto n = dashboards::refresh_snapshots_sync(db.conn(), one);
    ASSERT_TRUE(n) << n.error().message;
    EXPECT_EQ(*n, 1);
    auto r = db.exec(
        "SELECT avg30_composite_score, performance_level, composite_trend, trends ->> 'aht', "
        "days_with_data, latest_metric_date = CURRENT_DATE - 1 FROM agent_dashboard_snapshot "
        "WHERE agent_id = $1::uuid",
        db::params(o.a1));
    ASSERT_EQ(r.rows(), 1);
    EXPECT_EQ(r.get(0, 0), "84.00");
    EXPECT_EQ(r.get(0, 1), "GOOD");
    EXPECT_EQ(r.get(0, 2), "IMPROVING");
    EXPECT_EQ(r.get(0, 3), "INSUFFICIENT_DATA");  // no AHT at all
    EXPECT_EQ(r.get_int(0, 4), 3);
    EXPECT_TRUE(r.get_bool(0, 5));
    // The 59th day back is inside the previous period (CURRENT_DATE-59 .. CURRENT_DATE-30);
    // move it to the 60th and the previous period has 2 points: INSUFFICIENT_DATA.
    db.exec(
        "UPDATE performance_metrics SET metric_date = CURRENT_DATE - 60 "
        "WHERE agent_id = $1::uuid AND metric_date = CURRENT_DATE - 59",
        db::params(o.a1));
    ASSERT_TRUE(dashboards::refresh_snapshots_sync(db.conn(), one));
    EXPECT_EQ(db.exec("SELECT composite_trend FROM agent_dashboard_snapshot WHERE agent_id = $1",
                      db::params(o.a1))
                  .get(0, 0),
              "INSUFFICIENT_DATA");
    // Nothing to refresh: no statement runs.
    auto none = dashboards::refresh_snapshots_sync(db.conn(), std::vector<std::string>{});
    ASSERT_TRUE(none);
    EXPECT_EQ(*none, 0);
    // A deleted agent's snapshot goes away with the next refresh naming it (or a full one).
    db.exec("UPDATE users SET deleted_at = now() WHERE id = $1::uuid", db::params(o.a2));
    ASSERT_TRUE(dashboards::refresh_snapshots_sync(db.conn(), std::vector<std::string>{o.a2}));
    EXPECT_EQ(db.exec("SELECT count(*) FROM agent_dashboard_snapshot WHERE agent_id = $1",
                      db::params(o.a2))
                  .get_int(0, 0),
              0);
    auto all = dashboards::refresh_all_sync(db.conn());
    ASSERT_TRUE(all) << all.error().message;
    EXPECT_EQ(*all, 2);  // a1 and a3
    EXPECT_EQ(db.exec("SELECT count(*) FROM agent_coaching_facts").get_int(0, 0), 2);
}

// The coaching facts kept by the triggers equal a live count after every kind of write.
TEST(DashboardRulesSql, CoachingFactsFollowEveryWrite) {
    TestDatabase db;
    Org o = create_org(db);
    const std::string live = R"sql(
SELECT u.id,
       (SELECT max(coalesce(cs.actual_end_time, cs.scheduled_date)) FROM coaching_sessions cs
         WHERE cs.agent_id = u.id AND cs.status = 'COMPLETED')::text,
       (SELECT count(*) FROM quick_notes qn
         WHERE qn.agent_id = u.id AND NOT qn.addressed AND qn.priority = 'HIGH'),
       (SELECT count(*) FROM action_items ai WHERE ai.agent_id = u.id
           AND (ai.status = 'OVERDUE'
                OR (ai.status IN ('PENDING', 'IN_PROGRESS') AND ai.due_date < CURRENT_DATE))),
       EXISTS (SELECT 1 FROM action_plans ap
                WHERE ap.agent_id = u.id AND ap.status IN ('ACTIVE', 'EXTENDED'))
  FROM users u WHERE u.role = 'AGENT' ORDER BY u.id)sql";
    const std::string kept = R"sql(
SELECT u.id, f.last_coaching_at::text, coalesce(f.unaddressed_high_notes, 0),
       coalesce(f.overdue_action_items + width_bucket(CURRENT_DATE - 1, f.open_due_dates), 0),
       coalesce(f.active_pip, false)
  FROM users u LEFT JOIN agent_coaching_facts f ON f.agent_id = u.id
 WHERE u.role = 'AGENT' ORDER BY u.id)sql";
    auto same = [&](const std::string& step) {
        auto a = db.exec(live), b = db.exec(kept);
        ASSERT_EQ(a.rows(), b.rows());
        for (int i = 0; i < a.rows(); ++i)
            for (int c = 0; c < 5; ++c)
                EXPECT_EQ(a.get_optional(i, c), b.get_optional(i, c))
                    << step << ": agent " << a.get(i, 0) << " column " << c;
    };
    auto facts_of = [&](const std::string& agent) {
        return db.exec(
            "SELECT unaddressed_high_notes, overdue_action_items, active_pip, "
            "CURRENT_DATE - last_coaching_at::date FROM agent_coaching_facts "
            "WHERE agent_id = $1::uuid",
            db::params(agent));
    };
    same("start");

    // Sessions: two completed (5 and 2 days ago), one scheduled tomorrow; one statement.
    db.exec(
        "INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, status) VALUES "
        "($1, $3, now() - interval '5 days', 'COMPLETED'), "
        "($1, $3, now() - interval '2 days', 'COMPLETED'), "
        "($1, $3, now() + interval '1 day', 'SCHEDULED'), "
        "($2, $3, now() - interval '9 days', 'COMPLETED')",
        db::params(o.a1, o.a2, o.tl1));
    same("sessions inserted");
    EXPECT_EQ(facts_of(o.a1).get_int(0, 3), 2);  // the latest completed: 2 days ago
    // Cancel the latest: back to 5 days.
    db.exec(
        "UPDATE coaching_sessions SET status = 'CANCELLED' "
        "WHERE agent_id = $1 AND scheduled_date > now() - interval '3 days' "
        "AND status = 'COMPLETED'",
        db::params(o.a1));
    same("session cancelled");
    EXPECT_EQ(facts_of(o.a1).get_int(0, 3), 5);
    // Move a2's session to a1 (both change): a1 stays at 5 days, a2 has none left.
    db.exec("UPDATE coaching_sessions SET agent_id = $1 WHERE agent_id = $2",
            db::params(o.a1, o.a2));
    same("session moved");
    EXPECT_TRUE(facts_of(o.a2).is_null(0, 3));
    // actual_end_time wins over scheduled_date.
    db.exec(
        "UPDATE coaching_sessions SET actual_start_time = now() - interval '1 day 1 hour', "
        "actual_end_time = now() - interval '1 day' "
        "WHERE agent_id = $1 AND scheduled_date < now() - interval '8 days'",
        db::params(o.a1));
    same("actual end set");
    EXPECT_EQ(facts_of(o.a1).get_int(0, 3), 1);
    db.exec("DELETE FROM coaching_sessions WHERE actual_end_time IS NOT NULL");
    same("session deleted");
    // The scheduled one completed (an UPDATE whose old row did not count).
    db.exec("UPDATE coaching_sessions SET status = 'COMPLETED' WHERE status = 'SCHEDULED'");
    same("session completed");
    EXPECT_EQ(facts_of(o.a1).get_int(0, 3), -1);  // scheduled tomorrow
    // A write of a completed session that changes nothing the facts read queues nothing
    // (migration 0033's WHEN: its prep, its notes); a change of its date queues its agent.
    db.exec("BEGIN");
    db.exec("UPDATE coaching_sessions SET prep_data = '{}', discussion_notes = 'n'");
    EXPECT_EQ(db.exec("SELECT count(*) FROM coaching_facts_queue").get_int(0, 0), 0);
    db.exec("UPDATE coaching_sessions SET scheduled_date = scheduled_date + interval '1 hour'");
    EXPECT_EQ(db.exec("SELECT array_agg(agent_id::text) FROM coaching_facts_queue").get(0, 0),
              "{" + o.a1 + "}");
    db.exec("ROLLBACK");

    // Notes: HIGH open (counts), LOW open, HIGH addressed.
    db.exec(
        "INSERT INTO quick_notes (team_leader_id, agent_id, note_type, content, priority, "
        "addressed) VALUES ($2, $1, 'URGENT', 'x', 'HIGH', false), "
        "($2, $1, 'COMPLIANCE', 'x', 'HIGH', false), ($2, $1, 'GENERAL', 'x', 'LOW', false), "
        "($2, $1, 'URGENT', 'x', 'HIGH', true)",
        db::params(o.a1, o.tl1));
    same("notes inserted");
    EXPECT_EQ(facts_of(o.a1).get_int(0, 0), 2);
    db.exec("UPDATE quick_notes SET addressed = true WHERE note_type = 'COMPLIANCE'");
    same("note addressed");
    EXPECT_EQ(facts_of(o.a1).get_int(0, 0), 1);
    // Only HIGH open notes count (migration 0024 queues only those): a LOW note raised to
    // HIGH, moved to another agent, lowered again.
    db.exec("UPDATE quick_notes SET priority = 'HIGH' WHERE priority = 'LOW'");
    same("note raised");
    EXPECT_EQ(facts_of(o.a1).get_int(0, 0), 2);
    db.exec("UPDATE quick_notes SET agent_id = $1 WHERE note_type = 'GENERAL'", db::params(o.a2));
    same("note moved");
    EXPECT_EQ(facts_of(o.a2).get_int(0, 0), 1);
    db.exec("UPDATE quick_notes SET priority = 'MEDIUM' WHERE note_type = 'GENERAL'");
    same("note lowered");
    EXPECT_EQ(facts_of(o.a2).get_int(0, 0), 0);
    db.exec("DELETE FROM quick_notes WHERE priority = 'HIGH' AND NOT addressed");
    same("note deleted");
    EXPECT_EQ(facts_of(o.a1).get_int(0, 0), 0);

    // Action items: past due (OVERDUE by the schema trigger), due today, completed past due.
    db.exec(
        "INSERT INTO action_items (agent_id, assigned_by, title, description, due_date, status) "
        "VALUES ($1, $2, 't', 'd', CURRENT_DATE - 3, 'PENDING'), "
        "($1, $2, 't', 'd', CURRENT_DATE, 'IN_PROGRESS'), "
        "($1, $2, 't', 'd', CURRENT_DATE - 1, 'COMPLETED'), "
        "($3, $2, 't', 'd', CURRENT_DATE - 1, 'PENDING')",
        db::params(o.a1, o.tl1, o.a2));
    same("items inserted");
    EXPECT_EQ(facts_of(o.a1).get_int(0, 1), 1);
    EXPECT_EQ(facts_of(o.a2).get_int(0, 1), 1);
    db.exec("UPDATE action_items SET status = 'COMPLETED' WHERE agent_id = $1", db::params(o.a2));
    same("item completed");
    EXPECT_EQ(facts_of(o.a2).get_int(0, 1), 0);

    // Plans: DRAFT does not count, ACTIVE and EXTENDED do, COMPLETED does not.
    db.exec(
        "INSERT INTO action_plans (agent_id, created_by, start_date, target_end_date, status, "
        "reason_for_plan, target_metrics, success_criteria) VALUES "
        "($1, $2, CURRENT_DATE, CURRENT_DATE + 30, 'DRAFT', 'r', '{}', '{}')",
        db::params(o.a1, o.tl1));
    same("plan drafted");
    EXPECT_FALSE(facts_of(o.a1).get_bool(0, 2));
    db.exec("UPDATE action_plans SET status = 'ACTIVE'");
    same("plan approved");
    EXPECT_TRUE(facts_of(o.a1).get_bool(0, 2));
    db.exec("UPDATE action_plans SET status = 'EXTENDED'");
    EXPECT_TRUE(facts_of(o.a1).get_bool(0, 2));
    db.exec("UPDATE action_plans SET status = 'COMPLETED', actual_end_date = CURRENT_DATE");
    same("plan closed");
    EXPECT_FALSE(facts_of(o.a1).get_bool(0, 2));
    db.exec("DELETE FROM action_plans");
    same("plan deleted");

    // A later day: the item due today becomes overdue without any write. Simulated by moving
    // the facts one day back: computed yesterday, with an open item due yesterday.
    db.exec(
        "UPDATE agent_coaching_facts SET computed_on = CURRENT_DATE - 1, "
        "overdue_action_items = 1, open_due_dates = ARRAY[CURRENT_DATE - 1, CURRENT_DATE, "
        "CURRENT_DATE + 2]::date[] WHERE agent_id = $1",
        db::params(o.a1));
    auto r = db.exec(kept);
    int seen = 0;
    for (int i = 0; i < r.rows(); ++i) {
        if (r.get(i, 0) == o.a1) {
            EXPECT_EQ(r.get_int(i, 3), 2);  // 1 counted + 1 due date passed (not today's)
            ++seen;
        }
    }
    EXPECT_EQ(seen, 1);
}

// Two transactions adding a HIGH note for the same agent, both open at once: the facts are
// refreshed at each commit, and the last commit counts both notes (no lost update).
TEST(DashboardRulesSql, ConcurrentWritersDoNotLoseAFact) {
    TestDatabase db;
    Org o = create_org(db);
    auto c1 = db::SyncConnection::open(db.url());
    auto c2 = db::SyncConnection::open(db.url());
    ASSERT_TRUE(c1 && c2);
    const std::string note =
        "INSERT INTO quick_notes (team_leader_id, agent_id, note_type, content, priority) "
        "VALUES ($1, $2, 'URGENT', 'x', 'HIGH')";
    auto high_notes = [&] {
        auto r = db.exec(
            "SELECT unaddressed_high_notes FROM agent_coaching_facts "
            "WHERE agent_id = $1",
            db::params(o.a1));
        return r.empty() ? -1 : r.get_int(0, 0);
    };
    ASSERT_TRUE(c1->exec("BEGIN"));
    ASSERT_TRUE(c1->exec(note, db::params(o.tl1, o.a1)));
    ASSERT_TRUE(c2->exec("BEGIN"));
    ASSERT_TRUE(c2->exec(note, db::params(o.tl1, o.a1)));  // does not wait for c1
    EXPECT_EQ(high_notes(), -1);                           // nothing is refreshed before a commit
    ASSERT_TRUE(c2->exec("COMMIT"));
    EXPECT_EQ(high_notes(), 1);  // c2's note; c1's is not committed
    ASSERT_TRUE(c1->exec("COMMIT"));
    EXPECT_EQ(high_notes(), 2);
    EXPECT_EQ(db.exec("SELECT count(*) FROM coaching_facts_queue").get_int(0, 0), 0);
}

// The deadlock 0006's triggers allowed (fixed by 0009): T writes a note for a1 and then
// updates a1's action item, while S (the overdue sweep) updated that item in between. S must
// neither wait for T's note nor deadlock: T waits for S's row lock only, and both commit.
TEST(DashboardRulesSql, OverdueSweepAndAWriterOfTheSameAgentDoNotDeadlock) {
    TestDatabase db;
    Org o = create_org(db);
    std::string item(
        db.exec("INSERT INTO action_items (agent_id, assigned_by, title, description, due_date) "
                "VALUES ($1, $2, 't', 'd', CURRENT_DATE - 1) RETURNING id",
                db::params(o.a1, o.tl1))
            .get(0, 0));
    auto t = db::SyncConnection::open(db.url());
    auto s = db::SyncConnection::open(db.url());
    ASSERT_TRUE(t && s);
    // Were S to wait for T's note (0006), it would fail here instead of hanging.
    ASSERT_TRUE(s->exec("SET lock_timeout = '10s'"));
    ASSERT_TRUE(t->exec("BEGIN"));
    ASSERT_TRUE(
        t->exec("INSERT INTO quick_notes (team_leader_id, agent_id, note_type, content, "
                "priority) VALUES ($1, $2, 'URGENT', 'x', 'HIGH')",
                db::params(o.tl1, o.a1)));
    ASSERT_TRUE(s->exec("BEGIN"));
    auto swept =
        s->exec("UPDATE action_items SET status = 'OVERDUE' WHERE id = $1", db::params(item));
    ASSERT_TRUE(swept) << swept.error().message;
    Result<db::PgResult> edited = make_error(ErrorCode::Internal, "not run");
    std::thread writer([&] {
        // Waits for S's row lock, then succeeds.
        edited = t->exec("UPDATE action_items SET progress_percentage = 50 WHERE id = $1",
                         db::params(item));
    });
    auto committed = s->exec("COMMIT");
    writer.join();
    ASSERT_TRUE(committed) << committed.error().message;
    ASSERT_TRUE(edited) << edited.error().message;
    ASSERT_TRUE(t->exec("COMMIT"));
    // a1: one HIGH note, one OVERDUE item (S's status, T's progress).
    auto facts = db.exec(
        "SELECT f.unaddressed_high_notes, f.overdue_action_items, a.status::text, "
        "a.progress_percentage FROM agent_coaching_facts f, action_items a "
        "WHERE f.agent_id = $1 AND a.id = $2",
        db::params(o.a1, item));
    EXPECT_EQ(facts.get_int(0, 0), 1);
    EXPECT_EQ(facts.get_int(0, 1), 1);
    EXPECT_EQ(facts.get(0, 2), "OVERDUE");
    EXPECT_EQ(facts.get_int(0, 3), 50);
}

// The team dashboard statement finds a team leader's team exactly when auth::may() lets the
// viewer read it (Resource::Teams), for every (viewer, team leader) pair.
TEST(DashboardRulesSql, TeamDashboardAgreesWithMay) {
    TestDatabase db;
    Org o = create_org(db);
    db.exec(
        "INSERT INTO users (email, name, role, password_hash, manager_id, deleted_at) VALUES "
        "('gone.tl@org.test', 'G', 'TEAM_LEADER', 'x', $1, now()), "
        "('lonely.tl@org.test', 'L', 'TEAM_LEADER', 'x', NULL, NULL)",
        db::params(o.m1));
    auto all = db.exec("SELECT * FROM user_subjects ORDER BY subject_id");
    const auth::SubjectColumns cols(all);
    int pairs = 0;
    for (int v = 0; v < all.rows(); ++v) {
        auth::Subject viewer = auth::subject_at(all, v, cols);
        if (viewer.deleted)
            continue;
        auth::Principal p{viewer.id, viewer.role};
        for (int t = 0; t < all.rows(); ++t) {
            auth::Subject target = auth::subject_at(all, t, cols);
            if (target.role != auth::Role::TeamLeader)
                continue;
            auto rows = db.exec(dashboards::sql::team_dashboard,
                                db::params(target.id, p.id, auth::to_string(p.role)));
            EXPECT_EQ(!rows.empty(),
                      auth::may(p, auth::Resource::Teams, auth::Action::Read, target))
                << auth::to_string(p.role) << " " << p.id << " -> " << target.id;
            ++pairs;
        }
    }
    EXPECT_EQ(pairs,
              9 * 4);  // 9 live viewers (lonely too) x 4 team leaders (tl1, tl2, gone, lonely)
}

// The team dashboard statement on 2,000 agents in 40 teams: index scans only (EXPLAIN).
TEST(DashboardRulesSql, TeamDashboardPlanUsesIndexes) {
    TestDatabase db;
    Org o = create_org(db);
    db.exec(
        "INSERT INTO users (email, name, role, password_hash, manager_id) "
        "SELECT 'ptl' || i || '@org.test', 'PTL' || i, 'TEAM_LEADER', 'x', $1::uuid "
        "FROM generate_series(1, 40) i",
        db::params(o.m1));
    db.exec(
        "INSERT INTO users (email, name, role, password_hash, team_leader_id) "
        "SELECT 'pa' || i || '@org.test', 'PA' || i, 'AGENT', 'x', tl.id "
        "FROM generate_series(1, 2000) i "
        "JOIN users tl ON tl.email = 'ptl' || (i % 40 + 1) || '@org.test'");
    db.exec(
        "INSERT INTO action_items (agent_id, assigned_by, title, description, due_date) "
        "SELECT a.id, a.team_leader_id, 't', 'd', CURRENT_DATE + 3 FROM users a "
        "WHERE a.email LIKE 'pa%'");
    ASSERT_TRUE(dashboards::refresh_all_sync(db.conn()));
    db.exec("ANALYZE");
    std::string tl(db.exec("SELECT id FROM users WHERE email = 'ptl7@org.test'").get(0, 0));
    auto plan = db.exec("EXPLAIN (FORMAT JSON) " + std::string(dashboards::sql::team_dashboard),
                        db::params(tl, o.m1, "MANAGER"));
    std::string text(plan.get(0, 0));
    EXPECT_EQ(text.find("Seq Scan"), std::string::npos) << text;
    EXPECT_NE(text.find("idx_users_team_leader"), std::string::npos) << text;
    EXPECT_NE(text.find("agent_dashboard_snapshot_pkey"), std::string::npos) << text;
    EXPECT_NE(text.find("agent_coaching_facts_pkey"), std::string::npos) << text;
    EXPECT_NE(text.find("users_pkey"), std::string::npos) << text;
    // And it returns the team: 2000 / 40 = 50 agents.
    EXPECT_EQ(db.exec(dashboards::sql::team_dashboard, db::params(tl, o.m1, "MANAGER")).rows(), 50);

    // The statement the endpoint sends with the session lookup: the viewer comes from the
    // session of token hash $1 (idle limit $2 s). The same 50 rows for m1's live session, the
    // same index scans, and no row once the session is revoked or idle for too long.
    const std::string hash = "\\x" + std::string(64, 'a');
    db.exec(
        "INSERT INTO user_sessions (user_id, token_hash, csrf_token, expires_at) "
        "VALUES ($1, $2::bytea, 'c', now() + interval '1 hour')",
        db::params(o.m1, hash));
    // Other people's sessions, one per agent, as a real table has: the lookup is then an index
    // probe (on a table of one row the planner rightly scans it).
    db.exec(
        "INSERT INTO user_sessions (user_id, token_hash, csrf_token, expires_at) "
        "SELECT id, sha256(id::text::bytea), 'c', now() + interval '1 hour' FROM users "
        "WHERE email LIKE 'pa%'");
    db.exec("ANALYZE user_sessions");
    auto prefetch = [&] {
        return db.exec(dashboards::sql::team_dashboard_prefetch, db::params(hash, 3600, tl));
    };
    EXPECT_EQ(prefetch().rows(), 50);
    EXPECT_EQ(db.exec(dashboards::sql::team_dashboard, db::params(tl, o.m1, "MANAGER")).get(10, 4),
              prefetch().get(10, 4));
    plan = db.exec("EXPLAIN (FORMAT JSON) " + std::string(dashboards::sql::team_dashboard_prefetch),
                   db::params(hash, 3600, tl));
    text = std::string(plan.get(0, 0));
    EXPECT_EQ(text.find("Seq Scan"), std::string::npos) << text;
    EXPECT_NE(text.find("user_sessions_token_hash_key"), std::string::npos) << text;
    EXPECT_NE(text.find("idx_users_team_leader"), std::string::npos) << text;
    db.exec("UPDATE user_sessions SET last_seen_at = now() - interval '2 hours'");
    EXPECT_EQ(prefetch().rows(), 0);
    db.exec("UPDATE user_sessions SET last_seen_at = now(), revoked_at = now()");
    EXPECT_EQ(prefetch().rows(), 0);
    // An agent's session sees no team.
    db.exec("UPDATE user_sessions SET revoked_at = NULL, user_id = $1", db::params(o.a1));
    EXPECT_EQ(prefetch().rows(), 0);
}

}  // namespace
}  // namespace coach::test
