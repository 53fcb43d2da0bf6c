// The jobs on a real database: each job's effect computed by hand (with and without --date),
// the job_runs rows of SUCCESS, FAILED and SKIPPED runs, two instances running one job at
// once (exactly one runs), abandoned runs, and the after-import history recompute.
#include "jobs/history_job.hpp"
#include "jobs/runner.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace coach::test {
namespace {
namespace json = boost::json;
using jobs::RunStatus;

jobs::RunOutcome run(db::SyncConnection& conn, const std::string& name,
                     std::optional<std::string> date = std::nullopt, bool full = false,
                     const std::string& fallback_tz = "UTC") {
    jobs::RunOptions o;
    o.trigger = jobs::Trigger::Cli;
    o.request.date = std::move(date);
    o.request.full = full;
    o.fallback_timezone = fallback_tz;
    auto r = jobs::run_job(conn, *jobs::find_job(name), o);
    EXPECT_TRUE(r) << (r ? "" : r.error().message);
    return r ? *r : jobs::RunOutcome{};
}

json::object row_of(const jobs::RunOutcome& r) {
    return json::parse(r.run_json).as_object();
}

std::string str(const json::value& v) {
    return v.is_string() ? std::string(v.as_string()) : json::serialize(v);
}

// The test database's today (the jobs' today in UTC).
std::string today(TestDatabase& db) {
    return std::string(db.exec("SELECT (now() AT TIME ZONE 'UTC')::date::text").get(0, 0));
}

// One day of scores for an agent (composite is generated).
void metric(TestDatabase& db, const std::string& agent, const std::string& date,
            std::optional<double> s, std::optional<double> p, std::optional<double> q,
            std::optional<double> at, std::optional<double> ad) {
    db.exec(
        "INSERT INTO performance_metrics (agent_id, metric_date, service_score, "
        "productivity_score, quality_score, attendance_rate, adherence_score) "
        "VALUES ($1::uuid, $2::date, $3, $4, $5, $6, $7)",
        db::params(agent, date, s, p, q, at, ad));
}

class JobsRunner : public ::testing::Test {
  protected:
    void SetUp() override { org_ = create_org(db_); }
    db::SyncConnection& conn() { return db_.conn(); }
    TestDatabase db_;
    Org org_;
};

// An action item written with triggers off, as if nobody touched it since it was created.
std::string untouched_item(TestDatabase& db, const Org& o, const std::string& due,
                           const std::string& status, bool completed = false) {
    db.exec("SET session_replication_role = replica");
    auto r = db.exec(
        "INSERT INTO action_items (agent_id, assigned_by, title, description, due_date, status, "
        "completed_date) VALUES ($1::uuid, $2::uuid, 'Item', 'Do it', $3::date, "
        "$4::action_item_status, CASE WHEN $5 THEN now() END) RETURNING id",
        db::params(o.a1, o.tl1, due, status, completed));
    db.exec("SET session_replication_role = origin");
    return std::string(r.get(0, 0));
}

std::string status_of(TestDatabase& db, const std::string& item) {
    return std::string(
        db.exec("SELECT status::text FROM action_items WHERE id = $1::uuid", db::params(item))
            .get(0, 0));
}

TEST_F(JobsRunner, OverdueSweepMarksUntouchedPastDueItemsAndHonoursDate) {
    std::string t = today(db_);
    auto day = [&](int offset) {
        return std::string(
            db_.exec("SELECT ($1::date + $2::int)::text", db::params(t, offset)).get(0, 0));
    };
    std::string i1 = untouched_item(db_, org_, day(-1), "PENDING");
    std::string i2 = untouched_item(db_, org_, day(-10), "IN_PROGRESS");
    std::string i3 = untouched_item(db_, org_, day(0), "PENDING");  // due today: not late
    std::string i4 = untouched_item(db_, org_, day(3), "PENDING");  // future
    std::string i5 = untouched_item(db_, org_, day(-5), "COMPLETED", true);
    std::string i6 = untouched_item(db_, org_, day(-5), "CANCELLED");
    std::string i7 = untouched_item(db_, org_, day(-2), "PENDING", true);  // has completed_date
    std::string i8 = untouched_item(db_, org_, day(-3), "OVERDUE");        // already

    // --date = today - 5: only items due before that day: i2.
    auto dated = run(conn(), "overdue_sweep", day(-5));
    EXPECT_EQ(dated.status, RunStatus::Success);
    EXPECT_EQ(dated.rows_affected, 1);
    EXPECT_EQ(status_of(db_, i2), "OVERDUE");
    EXPECT_EQ(status_of(db_, i1), "PENDING");
    auto row = row_of(dated);
    EXPECT_EQ(str(row.at("status")), "SUCCESS");
    EXPECT_EQ(str(row.at("job_name")), "overdue_sweep");
    EXPECT_EQ(row.at("rows_affected").as_int64(), 1);
    EXPECT_TRUE(row.at("error").is_null());
    EXPECT_EQ(str(row.at("params").at("date")), day(-5));
    EXPECT_EQ(str(row.at("params").at("today")), day(-5));
    EXPECT_EQ(str(row.at("params").at("trigger")), "cli");
    EXPECT_EQ(str(row.at("params").at("timezone")), "UTC");
    EXPECT_FALSE(row.at("finished_at").is_null());
    EXPECT_NE(str(row.at("instance")).find("/cli"), std::string::npos);

    // Today: i1 (due yesterday) too. i2 and i8 are already OVERDUE, the rest not late, done
    // or cancelled; i7 has a completed_date (never OVERDUE, the trigger's rule).
    auto now = run(conn(), "overdue_sweep");
    EXPECT_EQ(now.rows_affected, 1);
    EXPECT_EQ(status_of(db_, i1), "OVERDUE");
    EXPECT_FALSE(row_of(now).at("params").as_object().contains("date"));
    EXPECT_EQ(str(row_of(now).at("params").at("today")), t);
    for (const auto& [item, expected] :
         std::vector<std::pair<std::string, std::string>>{{i3, "PENDING"},
                                                          {i4, "PENDING"},
                                                          {i5, "COMPLETED"},
                                                          {i6, "CANCELLED"},
                                                          {i7, "PENDING"},
                                                          {i8, "OVERDUE"}})
        EXPECT_EQ(status_of(db_, item), expected);
    EXPECT_EQ(run(conn(), "overdue_sweep").rows_affected, 0);  // nothing left
}

TEST_F(JobsRunner, SweepUsesTheOrganisationsTodayInsideTheTransaction) {
    // Kiritimati is UTC+14: from 10:00 UTC on its date is a day ahead of UTC. An item due on
    // the local yesterday is late there; were the trigger to see UTC's CURRENT_DATE it would
    // turn the item back to PENDING (due_date >= CURRENT_DATE).
    db_.exec(
        "INSERT INTO settings (key, value) VALUES ('timezone', '\"Pacific/Kiritimati\"'::jsonb)");
    std::string local = std::string(
        db_.exec("SELECT (now() AT TIME ZONE 'Pacific/Kiritimati')::date::text").get(0, 0));
    std::string yesterday =
        std::string(db_.exec("SELECT ($1::date - 1)::text", db::params(local)).get(0, 0));
    std::string item = untouched_item(db_, org_, yesterday, "PENDING");
    auto r = run(conn(), "overdue_sweep", std::nullopt, false, "Europe/Berlin");
    EXPECT_EQ(r.rows_affected, 1);
    EXPECT_EQ(status_of(db_, item), "OVERDUE");
    EXPECT_EQ(str(row_of(r).at("params").at("timezone")), "Pacific/Kiritimati");
    EXPECT_EQ(str(row_of(r).at("params").at("today")), local);
}

TEST_F(JobsRunner, TimeZoneFallsBackFromSettingToConfigToUtc) {
    auto tz = [&](const std::string& fallback) {
        return std::string(db_.exec("SELECT job_timezone($1)", db::params(fallback)).get(0, 0));
    };
    EXPECT_EQ(tz("Europe/Berlin"), "Europe/Berlin");  // no setting
    EXPECT_EQ(tz("Mars/Olympus"), "UTC");
    db_.exec("INSERT INTO settings (key, value) VALUES ('timezone', '\"Mars/Olympus\"'::jsonb)");
    EXPECT_EQ(tz("Europe/Berlin"), "Europe/Berlin");  // bad setting: the fallback
    // POSIX offsets and other values PostgreSQL would read as a zone are not zone names.
    for (const char* bad : {"5", "{\"a\": 1}", "\"UTC+3\"", "\"\""}) {
        db_.exec("UPDATE settings SET value = $1::jsonb WHERE key = 'timezone'", db::params(bad));
        EXPECT_EQ(tz("Europe/Berlin"), "Europe/Berlin") << bad;
    }
    EXPECT_EQ(tz("-05"), "UTC");
    db_.exec("UPDATE settings SET value = '\"America/New_York\"' WHERE key = 'timezone'");
    EXPECT_EQ(tz("Europe/Berlin"), "America/New_York");
    // A date after the organisation's today is refused before anything runs.
    jobs::RunOptions o;
    o.request.date = "2999-01-01";
    auto r = jobs::run_job(conn(), *jobs::find_job("retention"), o);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::ValidationFailed);
    ASSERT_EQ(r.error().details.size(), 1u);
    EXPECT_EQ(r.error().details[0].field, "date");
    EXPECT_EQ(db_.exec("SELECT count(*) FROM job_runs").get_int(0, 0), 0);
}

TEST_F(JobsRunner, TeamSummaryRefreshesTheViewConcurrently) {
    // Migrated with no users: the view is empty until refreshed.
    EXPECT_EQ(db_.exec("SELECT count(*) FROM team_performance_summary").get_int(0, 0), 0);
    std::string yesterday = std::string(db_.exec("SELECT (CURRENT_DATE - 1)::text").get(0, 0));
    metric(db_, org_.a1, yesterday, 80, 70, 90, 100, 60);  // composite 81.00
    metric(db_, org_.a2, yesterday, 50, 50, 50, 50, 50);   // composite 50.00
    auto r = run(conn(), "team_summary");
    EXPECT_EQ(r.status, RunStatus::Success);
    EXPECT_EQ(r.rows_affected, 2);  // tl1 and tl2
    auto v = db_.exec(
        "SELECT agent_count, avg_team_score::text, avg_service_score::text, "
        "avg_quality_score::text FROM team_performance_summary WHERE team_leader_id = $1::uuid",
        db::params(org_.tl1));
    EXPECT_EQ(v.get_int(0, 0), 2);                                // a1, a2 (gone is deleted)
    EXPECT_DOUBLE_EQ(std::stod(std::string(v.get(0, 1))), 65.5);  // (81 + 50) / 2
    EXPECT_DOUBLE_EQ(std::stod(std::string(v.get(0, 2))), 65.0);  // (80 + 50) / 2
    EXPECT_DOUBLE_EQ(std::stod(std::string(v.get(0, 3))), 70.0);  // (90 + 50) / 2
    auto t2 = db_.exec(
        "SELECT agent_count, avg_team_score IS NULL FROM team_performance_summary "
        "WHERE team_leader_id = $1::uuid",
        db::params(org_.tl2));
    EXPECT_EQ(t2.get_int(0, 0), 1);  // a3
    EXPECT_TRUE(t2.get_bool(0, 1));  // no metrics yesterday
}

TEST_F(JobsRunner, PercentilesRankThirtyDayAveragesAmongActiveAgents) {
    const Org& o = org_;
    auto user = [&](const std::string& key, const std::string& status) {
        return std::string(
            db_.exec("INSERT INTO users (email, name, role, password_hash, team_leader_id, "
                     "status) VALUES ($1, $1, 'AGENT', 'x', $2::uuid, $3::user_status) "
                     "RETURNING id",
                     db::params(key + "@org.test", o.tl2, status))
                .get(0, 0));
    };
    std::string a4 = user("a4", "ACTIVE"), a5 = user("a5", "PIP"), a6 = user("a6", "LEAVE"),
                a7 = user("a7", "ACTIVE");
    for (const auto& id : {o.a1, o.a2, o.a3, a4, a5, a6, a7})
        db_.exec("INSERT INTO agent_profiles (agent_id, learning_style) VALUES ($1, 'VISUAL')",
                 db::params(id));
    db_.exec(
        "UPDATE agent_profiles SET peer_comparison_opt_in = false, "
        "percentile_ranking = '{\"service\": 50}' WHERE agent_id = $1::uuid",
        db::params(o.a3));
    // Window for 2025-03-31: [2025-03-02, 2025-03-31].
    metric(db_, o.a1, "2025-03-31", 90, 60, 70, 100, 80);         // composite 80.5
    metric(db_, o.a1, "2025-03-01", 0, 0, 0, 0, 0);               // before the window
    metric(db_, o.a1, "2025-04-01", 0, 0, 0, 0, 0);               // after it
    metric(db_, o.a2, "2025-03-02", 70, 80, 70, 90, 80);          // composite 77.5
    metric(db_, o.a2, "2025-03-10", 90, 80, 90, 90, 80);          // composite 86.5 -> avg 82.0
    metric(db_, o.a3, "2025-03-15", 60, 90, 50, 80, 90);          // composite 72.5 (opted out)
    metric(db_, a4, "2025-03-20", 80, 70, 90, 95, std::nullopt);  // composite NULL
    metric(db_, a5, "2025-03-25", 100, 50, 60, 85, 70);           // composite 74.5
    metric(db_, a6, "2025-03-25", 100, 100, 100, 100, 100);       // on LEAVE: not ranked
    metric(db_, o.gone, "2025-03-25", 0, 0, 0, 0, 0);             // deleted: not ranked
    metric(db_, a7, "2025-01-01", 50, 50, 50, 50, 50);            // no data in the window

    auto r = run(conn(), "percentiles", "2025-03-31");
    EXPECT_EQ(r.status, RunStatus::Success);
    // a1, a2, a4, a5 get a ranking; a3's stale one is cleared; a6, a7 stay NULL.
    EXPECT_EQ(r.rows_affected, 5);
    auto ranking = [&](const std::string& id) {
        auto v = db_.exec(
            "SELECT percentile_ranking::text FROM agent_profiles WHERE agent_id = $1::uuid",
            db::params(id));
        return v.is_null(0, 0) ? json::value(nullptr) : json::parse(v.get(0, 0));
    };
    // percent_rank * 100 over the 30-day averages (n = agents with data for that score):
    // service (n=5): a3 60 -> 0, a2 80 & a4 80 -> 25, a1 90 -> 75, a5 100 -> 100
    // productivity (n=5): a5 50 -> 0, a1 60 -> 25, a4 70 -> 50, a2 80 -> 75, a3 90 -> 100
    // quality (n=5): a3 50 -> 0, a5 60 -> 25, a1 70 -> 50, a2 80 -> 75, a4 90 -> 100
    // attendance (n=5): a3 80 -> 0, a5 85 -> 25, a2 90 -> 50, a4 95 -> 75, a1 100 -> 100
    // adherence (n=4, a4 none): a5 70 -> 0, a1 80 & a2 80 -> 33.3 -> 33, a3 90 -> 100
    // composite (n=4): a3 72.5 -> 0, a5 74.5 -> 33, a1 80.5 -> 66.7 -> 67, a2 82.0 -> 100
    EXPECT_EQ(ranking(o.a1), json::parse(R"({"service": 75, "productivity": 25, "quality": 50,
        "attendance": 100, "adherence": 33, "composite": 67})"));
    EXPECT_EQ(ranking(o.a2), json::parse(R"({"service": 25, "productivity": 75, "quality": 75,
        "attendance": 50, "adherence": 33, "composite": 100})"));
    EXPECT_EQ(ranking(a4), json::parse(R"({"service": 25, "productivity": 50, "quality": 100,
        "attendance": 75, "adherence": null, "composite": null})"));
    EXPECT_EQ(ranking(a5), json::parse(R"({"service": 100, "productivity": 0, "quality": 25,
        "attendance": 25, "adherence": 0, "composite": 33})"));
    EXPECT_TRUE(ranking(o.a3).is_null());  // opted out
    EXPECT_TRUE(ranking(a6).is_null());    // not active
    EXPECT_TRUE(ranking(a7).is_null());    // no data in the window

    // The same day again changes nothing; a day later a1's 2025-04-01 zeros enter the window
    // and 2025-03-02 (a2's first day) leaves it.
    EXPECT_EQ(run(conn(), "percentiles", "2025-03-31").rows_affected, 0);
    run(conn(), "percentiles", "2025-04-01");
    // a1 service avg (90 + 0) / 2 = 45: lowest of 45, 60, 80, 90 (a2 now 90 alone), 100.
    EXPECT_EQ(ranking(o.a1).at("service").as_int64(), 0);
}

TEST_F(JobsRunner, RetentionArchivesMetricsAndDeletesOldHistory) {
    const Org& o = org_;
    metric(db_, o.a1, "2024-01-01", 70, 70, 70, 70, 70);  // < 2024-05-15: archived
    metric(db_, o.a1, "2024-05-14", 71, 71, 71, 71, 71);  // archived
    metric(db_, o.a1, "2024-05-15", 72, 72, 72, 72, 72);  // the cutoff day stays
    auto history = [&](const std::string& type, const std::string& ending) {
        db_.exec(
            "INSERT INTO performance_history (agent_id, period_type, period_ending, days_worked) "
            "VALUES ($1::uuid, $2::period_type, $3::date, 1)",
            db::params(o.a1, type, ending));
    };
    history("WEEK", "2022-06-12");     // < 2022-06-15: deleted
    history("MONTH", "2022-05-31");    // deleted
    history("WEEK", "2022-06-19");     // stays
    history("QUARTER", "2022-06-30");  // stays

    // today 2025-06-15: metrics before 2025-06-15 - 13 months = 2024-05-15 move; history
    // ending before 2025-06-15 - 3 years = 2022-06-15 goes.
    auto r = run(conn(), "retention", "2025-06-15");
    EXPECT_EQ(r.status, RunStatus::Success);
    EXPECT_EQ(r.rows_affected, 4);  // 2 archived + 2 deleted
    auto params = row_of(r).at("params");
    EXPECT_EQ(params.at("metrics_archived").as_int64(), 2);
    EXPECT_EQ(params.at("history_deleted").as_int64(), 2);
    EXPECT_EQ(std::string(db_.exec("SELECT string_agg(metric_date::text, ',' ORDER BY metric_date) "
                                   "FROM performance_metrics_archive")
                              .get(0, 0)),
              "2024-01-01,2024-05-14");
    EXPECT_EQ(
        std::string(db_.exec("SELECT string_agg(metric_date::text, ',') FROM performance_metrics")
                        .get(0, 0)),
        "2024-05-15");
    EXPECT_EQ(
        std::string(db_.exec("SELECT string_agg(period_ending::text, ',' ORDER BY period_ending) "
                             "FROM performance_history")
                        .get(0, 0)),
        "2022-06-19,2022-06-30");
    EXPECT_EQ(run(conn(), "retention", "2025-06-15").rows_affected, 0);
}

// Metric rows written "long ago" (updated_at 3 hours back, triggers off), so only later
// writes count as changes for the incremental history run.
void age_metrics(TestDatabase& db) {
    db.exec("SET session_replication_role = replica");
    db.exec("UPDATE performance_metrics SET updated_at = now() - interval '3 hours'");
    db.exec("SET session_replication_role = origin");
}

TEST_F(JobsRunner, HistoryFullThenIncrementalForTheChangedAgentsOnly) {
    const Org& o = org_;
    metric(db_, o.a1, "2025-03-03", 80, 80, 80, 80, 80);  // Monday; composite 80
    metric(db_, o.a1, "2025-03-04", 90, 90, 90, 90, 90);  // composite 90
    metric(db_, o.a2, "2025-03-05", 60, 60, 60, 60, 60);
    age_metrics(db_);

    // First run: no successful run yet, so a full rebuild: WEEK 2025-03-09, MONTH and QUARTER
    // 2025-03-31 for a1 and a2.
    auto full = run(conn(), "history");
    EXPECT_EQ(full.status, RunStatus::Success);
    EXPECT_EQ(full.rows_affected, 6);
    auto p = row_of(full).at("params");
    EXPECT_EQ(str(p.at("mode")), "full");
    EXPECT_EQ(str(p.at("from")), "2025-03-03");
    EXPECT_TRUE(p.at("agents").is_null());  // every agent
    auto week = [&](const std::string& agent) {
        return db_.exec(
            "SELECT avg_composite_score::text, days_worked, score_variance::text, "
            "updated_at::text FROM performance_history WHERE agent_id = $1::uuid AND "
            "period_type = 'WEEK' AND period_ending = '2025-03-09'",
            db::params(agent));
    };
    auto w1 = week(o.a1);
    EXPECT_EQ(w1.get(0, 0), "85.00");  // (80 + 90) / 2
    EXPECT_EQ(w1.get_int(0, 1), 2);
    EXPECT_EQ(w1.get(0, 2), "50.00");  // var_samp(80, 90) = ((-5)^2 + 5^2) / 1
    std::string a2_written = std::string(week(o.a2).get(0, 3));

    // Nothing changed since: the incremental run does nothing.
    auto idle = run(conn(), "history");
    EXPECT_EQ(idle.rows_affected, 0);
    EXPECT_EQ(str(row_of(idle).at("params").at("mode")), "incremental");
    EXPECT_TRUE(row_of(idle).at("params").at("from").is_null());

    // a1's Tuesday changes to 100 everywhere: a1's week, month and quarter are rewritten;
    // a2's rows are not touched.
    db_.exec(
        "UPDATE performance_metrics SET service_score = 100, productivity_score = 100, "
        "quality_score = 100, attendance_rate = 100, adherence_score = 100 "
        "WHERE agent_id = $1::uuid AND metric_date = '2025-03-04'",
        db::params(o.a1));
    auto inc = run(conn(), "history");
    EXPECT_EQ(inc.rows_affected, 3);
    auto ip = row_of(inc).at("params");
    EXPECT_EQ(str(ip.at("mode")), "incremental");
    EXPECT_EQ(str(ip.at("from")), "2025-03-04");
    EXPECT_EQ(str(ip.at("to")), "2025-03-04");
    EXPECT_EQ(ip.at("agents").as_int64(), 1);
    EXPECT_EQ(week(o.a1).get(0, 0), "90.00");  // (80 + 100) / 2
    EXPECT_EQ(week(o.a2).get(0, 3), a2_written);

    // --full rebuilds everything (unchanged rows are not rewritten by the function).
    auto rebuilt = run(conn(), "history", std::nullopt, true);
    EXPECT_EQ(str(row_of(rebuilt).at("params").at("mode")), "full");
    EXPECT_EQ(rebuilt.rows_affected, 0);
    db_.exec("DELETE FROM performance_history");
    EXPECT_EQ(run(conn(), "history", std::nullopt, true).rows_affected, 6);
}

// A session completed after its week was computed: the incremental run rewrites that week's
// annotations although no metric changed.
TEST_F(JobsRunner, HistoryIncrementalPicksUpNewAnnotationEvents) {
    const Org& o = org_;
    metric(db_, o.a1, "2025-03-04", 80, 80, 80, 80, 80);
    age_metrics(db_);
    ASSERT_EQ(run(conn(), "history").rows_affected, 3);  // full: week, month, quarter
    auto events = [&](const std::string& type) {
        return std::string(
            db_.exec("SELECT jsonb_path_query_array(annotations, '$.events[*].type')::text "
                     "FROM performance_history WHERE agent_id = $1::uuid AND "
                     "period_type = $2::period_type",
                     db::params(o.a1, type))
                .get(0, 0));
    };
    ASSERT_EQ(events("WEEK"), "[]");
    // Completed Wednesday 2025-03-05 at 10:00 UTC, inside the week ending 2025-03-09.
    db_.exec(
        "INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, status, "
        "actual_start_time, actual_end_time) VALUES ($1::uuid, $2::uuid, "
        "'2025-03-05 10:00+00', 'COMPLETED', '2025-03-05 10:00+00', '2025-03-05 10:30+00')",
        db::params(o.a1, o.tl1));
    auto inc = run(conn(), "history");
    auto ip = row_of(inc).at("params");
    EXPECT_EQ(str(ip.at("from")), "2025-03-05");
    EXPECT_EQ(str(ip.at("to")), "2025-03-05");
    EXPECT_EQ(inc.rows_affected, 3);  // the week, the month and the quarter get the event
    EXPECT_EQ(events("WEEK"), R"(["SESSION_COMPLETED"])");
    EXPECT_EQ(events("QUARTER"), R"(["SESSION_COMPLETED"])");
}

TEST_F(JobsRunner, RecomputeAfterImportRecordsAnImportRunThatIsNotTheNightlyRun) {
    const Org& o = org_;
    metric(db_, o.a1, "2025-03-03", 80, 80, 80, 80, 80);
    metric(db_, o.a2, "2025-03-03", 60, 60, 60, 60, 60);
    auto r = jobs::recompute_after_import(conn(), {o.a1}, "2025-03-03", "2025-03-03");
    ASSERT_TRUE(r) << r.error().message;
    // a1: WEEK 2025-03-09, MONTH and QUARTER 2025-03-31; a2 not asked for.
    EXPECT_EQ(db_.exec("SELECT count(*) FROM performance_history WHERE agent_id = $1::uuid",
                       db::params(o.a1))
                  .get_int(0, 0),
              3);
    EXPECT_EQ(db_.exec("SELECT count(*) FROM performance_history WHERE agent_id = $1::uuid",
                       db::params(o.a2))
                  .get_int(0, 0),
              0);
    auto run_row = db_.exec(
        "SELECT status::text, rows_affected, params->>'trigger', params->>'mode', "
        "params->>'agents' FROM job_runs WHERE job_name = 'history'");
    ASSERT_EQ(run_row.rows(), 1);
    EXPECT_EQ(run_row.get(0, 0), "SUCCESS");
    EXPECT_EQ(run_row.get_int(0, 1), 3);
    EXPECT_EQ(run_row.get(0, 2), "import");
    EXPECT_EQ(run_row.get(0, 3), "after_import");
    EXPECT_EQ(run_row.get(0, 4), "1");
    // It is not a watermark: the next history run is still the first full one.
    EXPECT_EQ(str(row_of(run(conn(), "history")).at("params").at("mode")), "full");

    // Inside the caller's transaction: recomputed there, rolled back with it, not recorded.
    db_.exec("DELETE FROM performance_history");
    db_.exec("BEGIN");
    ASSERT_TRUE(jobs::recompute_after_import(conn(), {o.a2}, "2025-03-03", "2025-03-03"));
    EXPECT_EQ(db_.exec("SELECT count(*) FROM performance_history").get_int(0, 0), 3);
    db_.exec("ROLLBACK");
    EXPECT_EQ(db_.exec("SELECT count(*) FROM performance_history").get_int(0, 0), 0);
    EXPECT_EQ(
        db_.exec("SELECT count(*) FROM job_runs WHERE params->>'trigger' = 'import'").get_int(0, 0),
        1);

    // Nothing to do, and bad input.
    EXPECT_TRUE(jobs::recompute_after_import(conn(), {}, "2025-03-03", "2025-03-03"));
    auto bad = jobs::recompute_after_import(conn(), {"nope"}, "2025-02-30", "2025-03-03");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::ValidationFailed);
    ASSERT_EQ(bad.error().details.size(), 2u);
    EXPECT_EQ(bad.error().details[0].field, "agent_ids");
    EXPECT_EQ(bad.error().details[1].field, "from");
}

TEST_F(JobsRunner, AFailedJobIsRecordedFailedAndLeavesNothingBehind) {
    db_.exec("ALTER MATERIALIZED VIEW team_performance_summary RENAME TO tps_away");
    auto r = run(conn(), "team_summary");
    db_.exec("ALTER MATERIALIZED VIEW tps_away RENAME TO team_performance_summary");
    EXPECT_EQ(r.status, RunStatus::Failed);
    auto row = row_of(r);
    EXPECT_EQ(str(row.at("status")), "FAILED");
    EXPECT_NE(str(row.at("error")).find("team_performance_summary"), std::string::npos)
        << str(row.at("error"));
    EXPECT_FALSE(row.at("finished_at").is_null());
    EXPECT_TRUE(row.at("rows_affected").is_null());
    // The RUNNING row survived the rolled-back job: one row, now FAILED.
    EXPECT_EQ(db_.exec("SELECT count(*) FROM job_runs").get_int(0, 0), 1);
    // The connection is usable again and the job runs.
    EXPECT_EQ(run(conn(), "team_summary").status, RunStatus::Success);
}

TEST_F(JobsRunner, AJobWhoseLockIsHeldIsSkippedAndDoesNothing) {
    std::string late = untouched_item(db_, org_, "2020-01-01", "PENDING");
    auto other = db::SyncConnection::open(db_.url());
    ASSERT_TRUE(other);
    ASSERT_TRUE(other->exec("BEGIN"));
    ASSERT_TRUE(
        other->exec("SELECT pg_advisory_xact_lock(hashtext('coach.job.overdue_sweep')::bigint)"));
    auto r = run(conn(), "overdue_sweep");
    EXPECT_EQ(r.status, RunStatus::Skipped);
    EXPECT_EQ(str(row_of(r).at("status")), "SKIPPED");
    EXPECT_EQ(str(row_of(r).at("error")), "already running");
    EXPECT_FALSE(row_of(r).at("finished_at").is_null());
    EXPECT_EQ(status_of(db_, late), "PENDING");
    // Other jobs are not blocked by it.
    EXPECT_EQ(run(conn(), "percentiles").status, RunStatus::Success);
    ASSERT_TRUE(other->exec("COMMIT"));
    EXPECT_EQ(run(conn(), "overdue_sweep").status, RunStatus::Success);
    EXPECT_EQ(status_of(db_, late), "OVERDUE");
}

// A scheduled run that gets the lock after another instance finished the same job since the
// run time it serves is SKIPPED: the late instance does not run the job a second time. Runs
// for another date or an import's recompute do not count as having run.
TEST_F(JobsRunner, AScheduledRunSkipsWhenAnotherInstanceRanTheJobSinceItsRunTime) {
    auto scheduled = [&](const std::string& since) {
        jobs::RunOptions o;
        o.trigger = jobs::Trigger::Schedule;
        o.scheduled_for = since;
        auto r = jobs::run_job(conn(), *jobs::find_job("percentiles"), o);
        EXPECT_TRUE(r) << (r ? "" : r.error().message);
        return r ? *r : jobs::RunOutcome{};
    };
    std::string before(db_.exec("SELECT (now() - interval '1 minute')::text").get(0, 0));
    // Only a run for another date exists: not "already ran".
    run(conn(), "percentiles", today(db_));
    EXPECT_EQ(scheduled(before).status, RunStatus::Success);
    // Now one (the run just above) finished since `before`: the next one skips.
    auto late = scheduled(before);
    EXPECT_EQ(late.status, RunStatus::Skipped);
    EXPECT_EQ(str(row_of(late).at("error")), "already ran since " + before);
    // Serving a run time no finished run started after: it runs.
    std::string later(db_.exec("SELECT (now() + interval '1 hour')::text").get(0, 0));
    EXPECT_EQ(scheduled(later).status, RunStatus::Success);
}

// Whether `sql` comes to return true (set-up synchronisation, not a timing assertion).
bool comes_true(TestDatabase& db, const std::string& sql) {
    return eventually([&] { return db.exec(sql).get_bool(0, 0); });
}

TEST_F(JobsRunner, TwoInstancesRunningOneJobAtOnceRunItOnce) {
    std::string late = untouched_item(db_, org_, "2020-01-01", "PENDING");
    // The test holds the item's row lock: the first instance's sweep, once inside its job,
    // waits on it while holding the job lock.
    auto blocker = db::SyncConnection::open(db_.url());
    ASSERT_TRUE(blocker);
    ASSERT_TRUE(blocker->exec("BEGIN"));
    ASSERT_TRUE(blocker->exec("SELECT 1 FROM action_items WHERE id = $1::uuid FOR UPDATE",
                              db::params(late)));

    auto first_conn = db::SyncConnection::open(db_.url());
    auto second_conn = db::SyncConnection::open(db_.url());
    ASSERT_TRUE(first_conn && second_conn);
    jobs::RunOptions o;
    o.instance = "first";
    Result<jobs::RunOutcome> first = make_error(ErrorCode::Internal, "not run");
    std::thread instance1(
        [&] { first = jobs::run_job(*first_conn, *jobs::find_job("overdue_sweep"), o); });
    // The first instance holds the job's advisory lock and waits on the row.
    ASSERT_TRUE(comes_true(
        db_,
        "SELECT EXISTS (SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
        "WHERE d.datname = current_database() AND l.locktype = 'advisory' AND l.granted "
        "AND l.objid::bigint = hashtext('coach.job.overdue_sweep')::bigint & 4294967295)"));
    ASSERT_TRUE(comes_true(db_,
                           "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE "
                           "datname = current_database() AND wait_event_type = 'Lock' "
                           "AND query LIKE '%UPDATE action_items%')"));
    jobs::RunOptions o2;
    o2.instance = "second";
    auto second = jobs::run_job(*second_conn, *jobs::find_job("overdue_sweep"), o2);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->status, RunStatus::Skipped);

    ASSERT_TRUE(blocker->exec("COMMIT"));
    instance1.join();
    ASSERT_TRUE(first) << first.error().message;
    EXPECT_EQ(first->status, RunStatus::Success);
    EXPECT_EQ(first->rows_affected, 1);
    EXPECT_EQ(status_of(db_, late), "OVERDUE");
    auto rows = db_.exec(
        "SELECT string_agg(instance || ' ' || status, ', ' ORDER BY instance) FROM job_runs "
        "WHERE job_name = 'overdue_sweep'");
    EXPECT_EQ(rows.get(0, 0), "first SUCCESS, second SKIPPED");
}

TEST_F(JobsRunner, RunsLeftRunningByAStoppedInstanceAreMarkedFailed) {
    // A RUNNING row of an instance that died (nobody holds the lock), one of an instance that
    // is still at it (its lock is held), and a brand-new one (under a minute old).
    db_.exec(
        "INSERT INTO job_runs (job_name, status, started_at, instance) VALUES "
        "('retention', 'RUNNING', now() - interval '2 hours', 'dead'), "
        "('percentiles', 'RUNNING', now() - interval '2 hours', 'alive'), "
        "('history', 'RUNNING', now(), 'starting')");
    auto alive = db::SyncConnection::open(db_.url());
    ASSERT_TRUE(alive);
    ASSERT_TRUE(alive->exec("BEGIN"));
    ASSERT_TRUE(
        alive->exec("SELECT pg_advisory_xact_lock(hashtext('coach.job.percentiles')::bigint)"));
    auto reaped = jobs::reap_abandoned_runs(conn());
    ASSERT_TRUE(reaped);
    EXPECT_EQ(*reaped, 1);
    auto rows = db_.exec(
        "SELECT string_agg(instance || ' ' || status || ' ' || coalesce(error, '-'), '; ' "
        "ORDER BY instance) FROM job_runs");
    EXPECT_EQ(rows.get(0, 0),
              "alive RUNNING -; dead FAILED abandoned: the instance running it stopped before "
              "it finished; starting RUNNING -");
    ASSERT_TRUE(alive->exec("ROLLBACK"));
}

}  // namespace
}  // namespace coach::test
