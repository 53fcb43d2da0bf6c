// The demo organisation: shape, consistency with the schema's rules, determinism per seed.
#include "demo/demo_data.hpp"
#include "auth/password.hpp"
#include "demo/derived.hpp"
#include "support/test_env.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

namespace coach::test {
namespace {

// A cheap bcrypt hash (cost 4): the loader only copies it.
const std::string& cheap_hash() {
    static const std::string hash = auth::hash_password(demo::kDemoPassword, 4);
    return hash;
}

// Fingerprints compared across loads.
constexpr std::string_view kMetricsDigest =
    "SELECT md5(string_agg(id::text || composite_score::text, ',' "
    "ORDER BY agent_id, metric_date)) FROM performance_metrics";
constexpr std::string_view kUsersDigest =
    "SELECT md5(string_agg(id::text || email, ',' ORDER BY email)) FROM users";

std::string query_text(TestDatabase& db, std::string_view sql) {
    auto r = db.exec(sql);
    if (r.rows() != 1 || r.is_null(0, 0))
        return "<none>";
    return std::string(r.get(0, 0));
}

long long query_int(TestDatabase& db, std::string_view sql) {
    auto r = db.exec(sql);
    if (r.rows() != 1 || r.is_null(0, 0)) {
        ADD_FAILURE() << "expected one non-NULL value from: " << sql;
        return -1;
    }
    return r.get_int(0, 0);
}

// One organisation (seed 7) shared by the read-only checks: loading takes seconds.
class DemoData : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        db_ = std::make_unique<TestDatabase>();
        auto empty = demo::database_is_empty(db_->conn());
        empty_before_ = empty && *empty;
        auto started = std::chrono::steady_clock::now();
        auto r = demo::load(db_->conn(), 7, cheap_hash());
        if (r)
            r = demo::derive(db_->conn(), "UTC");
        load_seconds_ =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        load_error_ = r ? "" : r.error().message;
        loaded_ = r.has_value();
    }
    static void TearDownTestSuite() { db_.reset(); }
    void SetUp() override { ASSERT_TRUE(loaded_) << "demo::load failed: " << load_error_; }

    static long long count(std::string_view sql) { return query_int(*db_, sql); }

    static inline std::unique_ptr<TestDatabase> db_;
    static inline bool loaded_ = false;
    static inline bool empty_before_ = false;
    static inline double load_seconds_ = 0;
    static inline std::string load_error_;
};

TEST_F(DemoData, EmptyBeforeAndNotAfter) {
    EXPECT_TRUE(empty_before_);
    auto empty = demo::database_is_empty(db_->conn());
    ASSERT_TRUE(empty) << empty.error().message;
    EXPECT_FALSE(*empty);
    RecordProperty("load_seconds", std::to_string(load_seconds_));
    std::printf("[ demo     ] loaded in %.2f s\n", load_seconds_);
}

TEST_F(DemoData, UsersPerRole) {
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE role = 'ADMIN'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE role = 'MANAGER'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE role = 'TEAM_LEADER'"), 6);
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE role = 'AGENT'"), 80);
    auto r =
        db_->exec("SELECT count(*) FROM users WHERE password_hash <> $1", db::params(cheap_hash()));
    ASSERT_EQ(r.rows(), 1);
    EXPECT_EQ(r.get_int(0, 0), 0);
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE deleted_at IS NULL"), 89);
    EXPECT_EQ(count("SELECT count(DISTINCT employee_id) FROM users"), 89);
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE role = 'AGENT' "
                    "AND email ~ '^agent[0-9]{2}@coach\\.demo$' AND employee_id ~ '^E1[0-9]{3}$'"),
              80);
}

TEST_F(DemoData, AccountsExistWithTheirRoles) {
    for (const auto& account : demo::accounts()) {
        auto r =
            db_->exec("SELECT role::text FROM users WHERE email = $1", db::params(account.email));
        ASSERT_EQ(r.rows(), 1) << account.email;
        EXPECT_EQ(r.get(0, 0), account.role) << account.email;
    }
    EXPECT_EQ(demo::accounts().size(), 4u);
}

TEST_F(DemoData, HierarchyIsComplete) {
    // every agent has a team leader whose manager exists
    EXPECT_EQ(count("SELECT count(*) FROM users a "
                    "JOIN users tl ON tl.id = a.team_leader_id AND tl.role = 'TEAM_LEADER' "
                    "JOIN users m ON m.id = tl.manager_id AND m.role = 'MANAGER' "
                    "WHERE a.role = 'AGENT'"),
              80);
    // 3 team leaders per manager, 13-14 agents per team leader
    EXPECT_EQ(count("SELECT count(*) FROM (SELECT manager_id FROM users WHERE role = "
                    "'TEAM_LEADER' GROUP BY 1 HAVING count(*) = 3) x"),
              2);
    EXPECT_EQ(count("SELECT count(*) FROM (SELECT team_leader_id FROM users WHERE role = "
                    "'AGENT' GROUP BY 1 HAVING count(*) BETWEEN 13 AND 14) x"),
              6);
}

TEST_F(DemoData, MetricsCoverThirteenMonthsEndingYesterday) {
    EXPECT_EQ(count("SELECT (min(metric_date) <= (CURRENT_DATE - 1 - INTERVAL '13 months')::date "
                    "AND max(metric_date) = CURRENT_DATE - 1)::int FROM performance_metrics"),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM performance_metrics WHERE metric_date >= CURRENT_DATE"),
              0);
    // Yesterday has data even on a weekend (weekend rota), so the team summary is filled.
    EXPECT_GT(count("SELECT count(*) FROM performance_metrics "
                    "WHERE metric_date = CURRENT_DATE - 1"),
              5);
    EXPECT_EQ(count("SELECT count(DISTINCT agent_id) FROM performance_metrics"), 80);
    // The window is 13 months and a week (~404 days, ~288 weekdays). An agent works the
    // weekdays minus two vacation weeks (10 days) and 1-8 % sick days, plus one weekend in
    // five (~23 days): 255..300 expected; the bounds leave a margin.
    EXPECT_EQ(count("SELECT count(*) FROM (SELECT agent_id FROM performance_metrics "
                    "GROUP BY 1 HAVING count(*) NOT BETWEEN 240 AND 315) x"),
              0);
    // Mostly Monday to Friday: weekend rows are a small share.
    EXPECT_LT(count("SELECT count(*) FROM performance_metrics "
                    "WHERE extract(isodow FROM metric_date) >= 6") *
                  8,
              count("SELECT count(*) FROM performance_metrics"));
}

TEST_F(DemoData, MetricValuesArePlausible) {
    EXPECT_EQ(count("SELECT count(*) FROM performance_metrics WHERE composite_score IS NULL "
                    "OR csat IS NULL OR fcr IS NULL OR aht IS NULL OR calls_handled IS NULL "
                    "OR qa_score IS NULL OR compliance_score IS NULL OR script_adherence IS NULL "
                    "OR actual_hours IS NULL OR break_time_minutes IS NULL"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM performance_metrics WHERE scheduled_hours <> 8 "
                    "OR aht NOT BETWEEN 150 AND 900 OR calls_handled > 200 "
                    "OR calls_transferred > calls_handled OR calls_escalated > calls_handled"),
              0);
    // worse agents handle calls more slowly
    EXPECT_GT(count("SELECT (avg(aht) FILTER (WHERE composite_score < 65) "
                    "- avg(aht) FILTER (WHERE composite_score > 85))::int "
                    "FROM performance_metrics"),
              40);
}

TEST_F(DemoData, ShapeMondaysWorseThanFridays) {
    EXPECT_EQ(count("SELECT (avg(composite_score) FILTER (WHERE extract(isodow FROM metric_date) "
                    "= 1) < avg(composite_score) FILTER (WHERE extract(isodow FROM metric_date) "
                    "= 5))::int FROM performance_metrics"),
              1);
}

TEST_F(DemoData, ShapeCriticalAndHealthyAgents) {
    constexpr std::string_view last30 =
        "SELECT agent_id, avg(composite_score) AS a FROM performance_metrics "
        "WHERE metric_date >= CURRENT_DATE - 30 GROUP BY agent_id";
    EXPECT_GE(count("SELECT count(*) FROM (" + std::string(last30) + ") x WHERE a < 60"), 1);
    EXPECT_GE(
        count("SELECT count(*) FROM (" + std::string(last30) + ") x WHERE a BETWEEN 70 AND 95"),
        50);
    // Some agents improve and some decline over the year (first vs last 60 days, >= 5 points).
    constexpr std::string_view change =
        "SELECT agent_id, avg(composite_score) FILTER (WHERE metric_date >= CURRENT_DATE - 60) "
        "- avg(composite_score) FILTER (WHERE metric_date < (SELECT min(metric_date) + 60 "
        "FROM performance_metrics)) AS d FROM performance_metrics GROUP BY agent_id";
    EXPECT_GE(count("SELECT count(*) FROM (" + std::string(change) + ") x WHERE d >= 5"), 3);
    EXPECT_GE(count("SELECT count(*) FROM (" + std::string(change) + ") x WHERE d <= -5"), 3);
}

TEST_F(DemoData, PipsOneActiveApprovedByTheManagerOneDraft) {
    // Only an approved (ACTIVE) plan puts the agent on PIP status (docs/domain.md, "To come":
    // performance improvement plans).
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE status = 'PIP'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE status NOT IN ('ACTIVE', 'PIP')"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM action_plans"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM action_plans p "
                    "JOIN users a ON a.id = p.agent_id AND a.status = 'PIP' "
                    "JOIN users tl ON tl.id = a.team_leader_id "
                    "WHERE p.status = 'ACTIVE' AND p.approved_by = tl.manager_id "
                    "AND p.created_by = tl.id AND p.start_date <= CURRENT_DATE "
                    "AND p.target_end_date > CURRENT_DATE "
                    "AND p.next_check_in_date >= CURRENT_DATE "
                    "AND jsonb_typeof(p.progress_updates) = 'array' "
                    "AND jsonb_array_length(p.progress_updates) >= 1 "
                    "AND p.current_score BETWEEN 0 AND 100 "
                    "AND (p.target_metrics -> 'quality_score' ->> 'target') IS NOT NULL "
                    "AND (p.target_metrics -> 'quality_score' ->> 'current') IS NOT NULL "
                    "AND jsonb_array_length(p.success_criteria -> 'mandatory') >= 1"),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM action_plans p "
                    "JOIN users a ON a.id = p.agent_id AND a.status = 'ACTIVE' "
                    "WHERE p.status = 'DRAFT' AND p.approved_by IS NULL"),
              1);
    EXPECT_EQ(count("SELECT count(DISTINCT agent_id) FROM action_plans"), 2);
    // the summary view was refreshed and counts the running PIP
    EXPECT_EQ(count("SELECT sum(active_pips) FROM team_performance_summary"), 1);
    EXPECT_EQ(count("SELECT sum(agent_count) FROM team_performance_summary"), 80);
    EXPECT_EQ(count("SELECT count(*) FROM team_performance_summary "
                    "WHERE avg_team_score IS NOT NULL"),
              6);
}

TEST_F(DemoData, SessionsAreConsistent) {
    EXPECT_GT(count("SELECT count(*) FROM coaching_sessions WHERE status = 'COMPLETED'"), 1000);
    EXPECT_GT(count("SELECT count(*) FROM coaching_sessions WHERE status = 'SCHEDULED'"), 20);
    EXPECT_GT(count("SELECT count(*) FROM coaching_sessions WHERE status = 'CANCELLED'"), 0);
    EXPECT_GT(count("SELECT count(*) FROM coaching_sessions WHERE status = 'NO_SHOW'"), 0);
    // scheduled ones are in the next two weeks, past ones are not scheduled any more
    EXPECT_EQ(count("SELECT count(*) FROM coaching_sessions WHERE status = 'SCHEDULED' AND "
                    "(scheduled_date < CURRENT_DATE OR scheduled_date >= CURRENT_DATE + 16)"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM coaching_sessions WHERE status <> 'SCHEDULED' "
                    "AND scheduled_date >= CURRENT_DATE"),
              0);
    // completed: started on the scheduled day, scores and topics filled
    EXPECT_EQ(count("SELECT count(*) FROM coaching_sessions WHERE status = 'COMPLETED' AND NOT ("
                    "actual_start_time >= scheduled_date "
                    "AND actual_start_time < scheduled_date + INTERVAL '1 hour' "
                    "AND duration_minutes BETWEEN 10 AND 60 "
                    "AND cardinality(topics_covered) >= 1 AND discussion_notes IS NOT NULL "
                    "AND overall_effectiveness BETWEEN 1 AND 5)"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM coaching_sessions WHERE status <> 'COMPLETED' "
                    "AND (actual_start_time IS NOT NULL OR engagement_score IS NOT NULL)"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM coaching_sessions WHERE "
                    "(status = 'CANCELLED') <> (cancelled_reason IS NOT NULL) "
                    "OR (status = 'NO_SHOW') <> (no_show_reason IS NOT NULL)"),
              0);
    // each session is with the agent's own team leader, who never double-books
    EXPECT_EQ(count("SELECT count(*) FROM coaching_sessions s JOIN users a ON a.id = s.agent_id "
                    "WHERE s.team_leader_id <> a.team_leader_id"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM (SELECT team_leader_id, scheduled_date "
                    "FROM coaching_sessions GROUP BY 1, 2 HAVING count(*) > 1) x"),
              0);
}

TEST_F(DemoData, QuickNotesFollowTheRules) {
    EXPECT_GT(count("SELECT count(DISTINCT note_type) FROM quick_notes"), 4);
    EXPECT_EQ(count("SELECT count(*) FROM quick_notes "
                    "WHERE note_type IN ('URGENT', 'COMPLIANCE') AND priority <> 'HIGH'"),
              0);
    EXPECT_GT(count("SELECT count(*) FROM quick_notes WHERE linked_session_id IS NOT NULL"), 0);
    EXPECT_GT(count("SELECT count(*) FROM quick_notes WHERE NOT addressed"), 0);
    // linked notes were addressed by a completed session after they were written
    EXPECT_EQ(count("SELECT count(*) FROM quick_notes n JOIN coaching_sessions s "
                    "ON s.id = n.linked_session_id WHERE NOT n.addressed "
                    "OR s.status <> 'COMPLETED' OR s.agent_id <> n.agent_id "
                    "OR s.scheduled_date < n.timestamp_occurred"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM quick_notes WHERE addressed <> "
                    "(addressed_date IS NOT NULL) OR addressed_date > now() "
                    "OR timestamp_occurred > now()"),
              0);
}

// The last weeks' coaching is lived in: answers (a few disputes), some still waiting, the
// notifications those events wrote, every team leader with something to read.
TEST_F(DemoData, RecentSessionsAreAnsweredAndPeopleWereTold) {
    EXPECT_EQ(count("SELECT count(*) FROM coaching_sessions WHERE status = 'COMPLETED' "
                    "AND summary IS NULL"),
              0);
    EXPECT_GT(
        count("SELECT count(*) FROM coaching_sessions WHERE acknowledgement = 'ACKNOWLEDGED'"), 10);
    EXPECT_GT(count("SELECT count(*) FROM coaching_sessions WHERE acknowledgement = 'DISPUTED' "
                    "AND acknowledgement_comment IS NOT NULL"),
              0);
    EXPECT_GT(count("SELECT count(*) FROM coaching_sessions WHERE acknowledgement IS NULL "
                    "AND acknowledgement_requested_at IS NOT NULL"),
              0);
    // Answers only to what was asked, never before the session ended or in the future.
    EXPECT_EQ(count("SELECT count(*) FROM coaching_sessions WHERE acknowledgement IS NOT NULL "
                    "AND (acknowledgement_requested_at IS NULL "
                    "OR acknowledged_at < actual_end_time OR acknowledged_at > now())"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM users u WHERE u.role = 'TEAM_LEADER' AND NOT EXISTS "
                    "(SELECT 1 FROM notifications n WHERE n.recipient_id = u.id)"),
              0);
    EXPECT_GT(count("SELECT count(*) FROM notifications n JOIN users u ON u.id = n.recipient_id "
                    "WHERE u.role = 'AGENT' AND n.read_at IS NULL"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM notifications WHERE created_at > now() "
                    "OR read_at < created_at"),
              0);
}

TEST_F(DemoData, ActionItemsIncludeOverdueOnes) {
    EXPECT_GT(count("SELECT count(*) FROM action_items WHERE status = 'OVERDUE'"), 0);
    EXPECT_GT(count("SELECT count(*) FROM action_items WHERE status = 'COMPLETED'"), 0);
    EXPECT_GT(count("SELECT count(*) FROM action_items "
                    "WHERE status IN ('PENDING', 'IN_PROGRESS') AND due_date >= CURRENT_DATE"),
              0);
    // the schema's trigger decided OVERDUE: open, past due, not completed
    EXPECT_EQ(count("SELECT count(*) FROM action_items WHERE status = 'OVERDUE' "
                    "AND (due_date >= CURRENT_DATE OR completed_date IS NOT NULL)"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM action_items "
                    "WHERE status IN ('PENDING', 'IN_PROGRESS') AND due_date < CURRENT_DATE"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM action_items WHERE status = 'COMPLETED' AND "
                    "(completed_date IS NULL OR completed_date > now() "
                    "OR progress_percentage <> 100)"),
              0);
}

TEST_F(DemoData, EffectivenessAndProfiles) {
    EXPECT_GT(count("SELECT count(*) FROM coaching_effectiveness"), 100);
    EXPECT_EQ(count("SELECT count(*) FROM coaching_effectiveness e "
                    "JOIN coaching_sessions s ON s.id = e.session_id "
                    "WHERE s.status <> 'COMPLETED' OR s.agent_id <> e.agent_id"),
              0);
    EXPECT_GE(count("SELECT count(DISTINCT intervention_method) FROM coaching_effectiveness"), 4);
    EXPECT_GE(count("SELECT count(DISTINCT primary_issue) FROM coaching_effectiveness"), 3);
    EXPECT_GT(count("SELECT count(*) FROM coaching_effectiveness "
                    "WHERE improvement_percentage IS NOT NULL "
                    "AND metrics_before ? 'quality_score' AND metrics_after ? 'quality_score'"),
              100);
    EXPECT_EQ(count("SELECT count(*) FROM agent_profiles"), 80);
    EXPECT_EQ(count("SELECT count(*) FROM agent_profiles p JOIN users u ON u.id = p.agent_id "
                    "WHERE u.role = 'AGENT' AND upper(u.learning_style) = p.learning_style::text "
                    "AND cardinality(p.primary_motivators) >= 1"),
              80);
}

// Derived at once: every agent has a snapshot and a history; the jobs are recorded.
TEST_F(DemoData, DerivedFiguresExistBeforeTheFirstNight) {
    EXPECT_EQ(count("SELECT count(*) FROM agent_dashboard_snapshot s JOIN users u "
                    "ON u.id = s.agent_id WHERE u.role = 'AGENT' AND s.latest_metric_date IS "
                    "NOT NULL"),
              80);
    // 13 months and a week of data: every agent has one MONTH row per calendar month with
    // metrics, 14 or 15 of them (15 when the week before reaches into an earlier month).
    EXPECT_EQ(count("SELECT count(*) FROM (SELECT h.agent_id FROM performance_history h "
                    "WHERE h.period_type = 'MONTH' GROUP BY h.agent_id "
                    "HAVING count(*) BETWEEN 14 AND 15 AND count(*) = (SELECT count(DISTINCT "
                    "date_trunc('month', m.metric_date)) FROM performance_metrics m "
                    "WHERE m.agent_id = h.agent_id)) a"),
              80);
    EXPECT_EQ(count("SELECT count(DISTINCT job_name) FROM job_runs WHERE status = 'SUCCESS'"), 4);
    EXPECT_GT(count("SELECT count(*) FROM team_performance_summary"), 0);
}

// The coming week's sessions come prepared, as their team leaders would have them; no other
// session has a prep.
TEST_F(DemoData, TheComingWeeksSessionsArePrepared) {
    const std::string coming =
        "status = 'SCHEDULED' AND scheduled_date < now() + interval '7 days'";
    const auto upcoming = count("SELECT count(*) FROM coaching_sessions WHERE " + coming);
    EXPECT_GT(upcoming, 0);
    // Each with an agenda that shares its planned minutes, and the figures it compares.
    EXPECT_EQ(count("SELECT count(*) FROM coaching_sessions WHERE " + coming +
                    " AND jsonb_array_length(prep_data->'metrics_snapshot') > 0 AND "
                    "(SELECT sum((i->>'minutes')::int) FROM jsonb_array_elements("
                    "prep_data->'agenda') i) = planned_minutes"),
              upcoming);
    EXPECT_EQ(count("SELECT count(*) FROM coaching_sessions WHERE prep_data IS NOT NULL AND NOT (" +
                    coming + ")"),
              0);
}

TEST_F(DemoData, RefusesANonEmptyDatabase) {
    auto r = demo::load(db_->conn(), 7, cheap_hash());
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::Conflict);
    // nothing changed and the connection is usable (rolled back)
    EXPECT_EQ(count("SELECT count(*) FROM users"), 89);
}

TEST_F(DemoData, DeterministicForASeed) {
    TestDatabase again;
    auto r = demo::load(again.conn(), 7, cheap_hash());
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_EQ(query_text(again, kMetricsDigest), query_text(*db_, kMetricsDigest));
    EXPECT_EQ(query_text(again, kUsersDigest), query_text(*db_, kUsersDigest));
    constexpr std::string_view sessions =
        "SELECT md5(string_agg(id::text || status::text || scheduled_date::text, ',' "
        "ORDER BY id)) FROM coaching_sessions";
    EXPECT_EQ(query_text(again, sessions), query_text(*db_, sessions));
}

TEST_F(DemoData, AnotherSeedGivesOtherData) {
    TestDatabase other;
    auto r = demo::load(other.conn(), 8, cheap_hash());
    ASSERT_TRUE(r) << r.error().message;
    EXPECT_NE(query_text(other, kMetricsDigest), query_text(*db_, kMetricsDigest));
    EXPECT_NE(query_text(other, kUsersDigest), query_text(*db_, kUsersDigest));
    // same organisation shape
    EXPECT_EQ(query_int(other, "SELECT count(*) FROM users"), 89);
    EXPECT_EQ(query_int(other, "SELECT count(*) FROM users WHERE status = 'PIP'"), 1);
}

}  // namespace
}  // namespace coach::test
