// When jobs run: daily run times in the organisation's zone across DST changes (computed by
// PostgreSQL), the scheduler's due rule (catch-up, retries, what counts as a run), a change of
// zone (no day run twice or left out), two scheduler instances on one database running each
// job once, and the scheduler in a server (woken by a zone change).
#include "core/clock.hpp"
#include "jobs/runner.hpp"
#include "jobs/schedule.hpp"
#include "jobs/scheduler.hpp"
#include "support/test_server.hpp"

#include <fmt/chrono.h>
#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>

#include <chrono>
#include <thread>

namespace coach::test {
namespace {

struct Runs {
    std::string prev, next;
};

Runs runs_at(TestDatabase& db, const std::string& at, const std::string& tz,
             const std::string& now) {
    auto r = db.exec(
        "SELECT to_json(job_prev_run($1::time, $2, $3::timestamptz)) #>> '{}', "
        "to_json(job_next_run($1::time, $2, $3::timestamptz)) #>> '{}'",
        db::params(at, tz, now));
    return {std::string(r.get(0, 0)), std::string(r.get(0, 1))};
}

TEST(JobsSchedule, DailyRunTimesInTheOrganisationsZoneAcrossDst) {
    TestDatabase db;
    // UTC: a run time equal to now is the previous one (it is due), the next is tomorrow.
    auto utc = runs_at(db, "00:15", "UTC", "2024-01-01 00:15:00+00");
    EXPECT_EQ(utc.prev, "2024-01-01T00:15:00+00:00");
    EXPECT_EQ(utc.next, "2024-01-02T00:15:00+00:00");

    // Europe/Berlin springs forward on 2024-03-31 at 02:00 (CET +1 -> CEST +2); 02:30 does
    // not exist that day and is read with the offset before the change: 01:30 UTC (03:30
    // CEST). The day before, 02:30 CET is 01:30 UTC too; the day after, 02:30 CEST is 00:30.
    auto before = runs_at(db, "02:30", "Europe/Berlin", "2024-03-31 00:00:00+00");
    EXPECT_EQ(before.prev, "2024-03-30T01:30:00+00:00");
    EXPECT_EQ(before.next, "2024-03-31T01:30:00+00:00");
    auto after = runs_at(db, "02:30", "Europe/Berlin", "2024-03-31 01:45:00+00");
    EXPECT_EQ(after.prev, "2024-03-31T01:30:00+00:00");
    EXPECT_EQ(after.next, "2024-04-01T00:30:00+00:00");  // 23 h later: summer time

    // It falls back on 2024-10-27 at 03:00 CEST -> 02:00 CET; 02:30 happens twice and is read
    // as the later one, 02:30 CET = 01:30 UTC: the job still runs once that day.
    auto first_pass = runs_at(db, "02:30", "Europe/Berlin", "2024-10-27 00:45:00+00");
    EXPECT_EQ(first_pass.prev, "2024-10-26T00:30:00+00:00");
    EXPECT_EQ(first_pass.next, "2024-10-27T01:30:00+00:00");  // 25 h after the previous
    auto second_pass = runs_at(db, "02:30", "Europe/Berlin", "2024-10-27 01:31:00+00");
    EXPECT_EQ(second_pass.prev, "2024-10-27T01:30:00+00:00");
    EXPECT_EQ(second_pass.next, "2024-10-28T01:30:00+00:00");

    // New York springs forward on 2024-03-10 at 02:00 EST -> 03:00 EDT: 09:00 is 14:00 UTC
    // the day before and 13:00 UTC that day.
    auto ny = runs_at(db, "09:00", "America/New_York", "2024-03-10 12:00:00+00");
    EXPECT_EQ(ny.prev, "2024-03-09T14:00:00+00:00");
    EXPECT_EQ(ny.next, "2024-03-10T13:00:00+00:00");

    // UTC+14: the local date is a day ahead of UTC's.
    auto kiritimati = runs_at(db, "01:00", "Pacific/Kiritimati", "2024-06-01 10:30:00+00");
    EXPECT_EQ(kiritimati.prev, "2024-05-31T11:00:00+00:00");
    EXPECT_EQ(kiritimati.next, "2024-06-01T11:00:00+00:00");
}

class JobsPlan : public ::testing::Test {
  protected:
    // history at 02:00 Berlin; on 2024-06-10 (CEST) that is 00:00 UTC.
    jobs::PlanItem plan(const std::string& now) {
        auto schedule = jobs::schedule_from("history=02:00");
        EXPECT_TRUE(schedule);
        auto p = jobs::plan_jobs(db_.conn(), *schedule, "Europe/Berlin", now);
        EXPECT_TRUE(p) << (p ? "" : p.error().message);
        for (const auto& item : *p)
            if (item.job->name == "history")
                return item;
        return {};
    }
    void runs(const std::string& values) {
        db_.exec(
            "INSERT INTO job_runs (job_name, status, params, started_at, finished_at) VALUES " +
            values);
    }
    TestDatabase db_;
};

TEST_F(JobsPlan, AJobIsDueOnceItsRunTimeHasPassedWithoutARun) {
    auto p = plan("2024-06-10 08:00:00+00");
    EXPECT_EQ(p.time, "02:00");
    EXPECT_EQ(p.timezone, "Europe/Berlin");
    EXPECT_EQ(p.prev_run, "2024-06-10T00:00:00+00:00");
    EXPECT_EQ(p.next_run, "2024-06-11T00:00:00+00:00");
    // Never run (a fresh install, or after downtime across 02:00): due now, once.
    EXPECT_TRUE(p.due);
    EXPECT_EQ(p.due_at, "2024-06-10T00:00:00+00:00");
    EXPECT_EQ(p.ms_until_due, -8 * 3600 * 1000);

    runs("('history', 'SUCCESS', '{}', '2024-06-10 00:00:05+00', '2024-06-10 00:01:00+00')");
    p = plan("2024-06-10 08:00:00+00");
    EXPECT_FALSE(p.due);
    EXPECT_EQ(p.due_at, "2024-06-11T00:00:00+00:00");
    EXPECT_EQ(p.ms_until_due, 16LL * 3600 * 1000);
    // Just before 02:00 the day before, that run did not exist yet.
    EXPECT_TRUE(plan("2024-06-09 23:59:00+00").due);
}

TEST_F(JobsPlan, FailedRunsAreRetriedTenMinutesLaterThreeTimesSkippedOnesAfterAMinute) {
    runs("('history', 'FAILED', '{}', '2024-06-10 00:00:05+00', '2024-06-10 00:01:00+00')");
    auto p = plan("2024-06-10 00:05:00+00");
    EXPECT_FALSE(p.due);
    EXPECT_EQ(p.due_at, "2024-06-10T00:11:00+00:00");
    EXPECT_EQ(p.ms_until_due, 6 * 60 * 1000);
    EXPECT_TRUE(plan("2024-06-10 00:11:00+00").due);
    runs(
        "('history', 'FAILED', '{}', '2024-06-10 00:11:00+00', '2024-06-10 00:12:00+00'), "
        "('history', 'FAILED', '{}', '2024-06-10 00:22:00+00', '2024-06-10 00:23:00+00')");
    p = plan("2024-06-10 08:00:00+00");
    EXPECT_FALSE(p.due);  // three attempts: wait for tomorrow's run time
    EXPECT_EQ(p.due_at, "2024-06-11T00:00:00+00:00");

    db_.exec("DELETE FROM job_runs");
    runs("('history', 'SKIPPED', '{}', '2024-06-10 00:00:05+00', '2024-06-10 00:00:10+00')");
    EXPECT_EQ(plan("2024-06-10 00:00:30+00").due_at, "2024-06-10T00:01:10+00:00");
    // Another instance RUNNING it: not due.
    runs("('history', 'RUNNING', '{}', '2024-06-10 00:00:20+00', NULL)");
    EXPECT_FALSE(plan("2024-06-10 08:00:00+00").due);
}

TEST_F(JobsPlan, RunsForAnotherDateOrAnImportDoNotCountAndTheSettingSetsTheZone) {
    runs(
        "('history', 'SUCCESS', '{\"date\": \"2024-06-01\"}', '2024-06-10 00:00:05+00', "
        "'2024-06-10 00:01:00+00'), "
        "('history', 'SUCCESS', '{\"trigger\": \"import\"}', '2024-06-10 00:02:00+00', "
        "'2024-06-10 00:03:00+00')");
    EXPECT_TRUE(plan("2024-06-10 08:00:00+00").due);
    // A manual run after the run time counts.
    runs(
        "('history', 'SUCCESS', '{\"trigger\": \"api\"}', '2024-06-10 07:00:00+00', "
        "'2024-06-10 07:01:00+00')");
    EXPECT_FALSE(plan("2024-06-10 08:00:00+00").due);

    db_.exec("INSERT INTO settings (key, value) VALUES ('timezone', '\"UTC\"'::jsonb)");
    auto p = plan("2024-06-10 08:00:00+00");
    EXPECT_EQ(p.timezone, "UTC");
    EXPECT_EQ(p.prev_run, "2024-06-10T02:00:00+00:00");
}

// A change of the organisation's zone (jobs/schedule.hpp): runs count by the local day they
// served, so moving west never runs a day twice and moving east runs the new day at once. The
// overdue sweep at its default 00:15; each pass plans at a fixed instant and runs the sweep
// when due, as Scheduler::tick() does.
class JobsZoneChange : public ::testing::Test {
  protected:
    jobs::PlanItem sweep(const std::string& now) {
        auto schedule = jobs::schedule_from("");
        EXPECT_TRUE(schedule);
        auto p = jobs::plan_jobs(db_.conn(), *schedule, "UTC", now);
        EXPECT_TRUE(p) << (p ? "" : p.error().message);
        for (const auto& item : *p)
            if (item.job->name == "overdue_sweep")
                return item;
        ADD_FAILURE() << "no overdue_sweep in the plan";
        return {};
    }
    // One scheduler pass at `now`: the local day it ran the sweep for, "" when not due.
    std::string pass(const std::string& now) {
        auto p = sweep(now);
        if (!p.due)
            return "";
        jobs::RunOptions o;
        o.trigger = jobs::Trigger::Schedule;
        o.scheduled_for = p.prev_run;
        o.local_day = p.prev_day;
        o.now = now;
        auto r = jobs::run_job(db_.conn(), *p.job, o);
        EXPECT_TRUE(r && r->status == jobs::RunStatus::Success)
            << (r ? r->run_json : r.error().message);
        return p.prev_day;
    }
    void set_zone(const std::string& zone) {
        db_.exec(
            "INSERT INTO settings (key, value) VALUES ('timezone', to_jsonb($1::text)) "
            "ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
            db::params(zone));
    }
    // The local days the sweep's runs recorded, in order.
    std::string days() {
        auto r = db_.exec(
            "SELECT coalesce(string_agg(local_day::text, ',' ORDER BY local_day), '') FROM "
            "job_runs WHERE job_name = 'overdue_sweep'");
        return std::string(r.get(0, 0));
    }
    TestDatabase db_;
};

TEST_F(JobsZoneChange, MovingWestDoesNotRunADayServedInTheOldZoneAgain) {
    set_zone("UTC");
    EXPECT_EQ(pass("2024-01-10 00:15:00+00"), "2024-01-10");
    EXPECT_EQ(pass("2024-01-10 00:16:00+00"), "");
    // Los Angeles (UTC-8 in January): at 00:20 there on the 10th the sweep's run time of the
    // 10th has passed, but the UTC run served that day (by its start, 8 hours before that run
    // time, it would not have counted).
    set_zone("America/Los_Angeles");
    auto p = sweep("2024-01-10 08:20:00+00");
    EXPECT_EQ(p.prev_run, "2024-01-10T08:15:00+00:00");
    EXPECT_EQ(p.prev_day, "2024-01-10");
    EXPECT_FALSE(p.due);
    EXPECT_EQ(p.due_at, "2024-01-11T08:15:00+00:00");
    EXPECT_EQ(pass("2024-01-10 23:00:00+00"), "");
    EXPECT_EQ(pass("2024-01-11 08:15:00+00"), "2024-01-11");
    EXPECT_EQ(days(), "2024-01-10,2024-01-11");
}

TEST_F(JobsZoneChange, MovingEastRunsTheNewDayAtOnce) {
    set_zone("America/Los_Angeles");
    EXPECT_EQ(pass("2024-01-10 08:15:00+00"), "2024-01-10");
    // Kiritimati (UTC+14): at 12:00 UTC it is 02:00 on the 11th there, past that day's run
    // time, for which nothing ran: due at once, not at tomorrow's run time.
    set_zone("Pacific/Kiritimati");
    auto p = sweep("2024-01-10 12:00:00+00");
    EXPECT_EQ(p.prev_day, "2024-01-11");
    EXPECT_TRUE(p.due);
    EXPECT_EQ(p.due_at, "2024-01-10T10:15:00+00:00");
    EXPECT_EQ(pass("2024-01-10 12:00:00+00"), "2024-01-11");
    EXPECT_EQ(pass("2024-01-10 12:01:00+00"), "");
    EXPECT_EQ(pass("2024-01-11 10:14:00+00"), "");
    EXPECT_EQ(pass("2024-01-11 10:15:00+00"), "2024-01-12");
    EXPECT_EQ(days(), "2024-01-10,2024-01-11,2024-01-12");
}

TEST_F(JobsZoneChange, AcrossParisMidnightTheSweepRunsForThatDayOnce) {
    // UTC until 21:30 UTC on 10 June (23:30 in Paris, UTC+2), then Paris; a pass every 15
    // minutes until 23:00 UTC on the 11th (01:00 on the 12th in Paris).
    set_zone("UTC");
    EXPECT_EQ(pass("2024-06-10 00:15:00+00"), "2024-06-10");
    auto at = db_.exec(
        "SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS+00') FROM "
        "generate_series('2024-06-10 21:00+00'::timestamptz, '2024-06-11 23:00+00', "
        "'15 minutes') AS t ORDER BY t");
    std::vector<std::string> ran;
    for (int i = 0; i < at.rows(); ++i) {
        const std::string now(at.get(i, 0));
        if (now == "2024-06-10 21:30:00+00")
            set_zone("Europe/Paris");
        if (auto day = pass(now); !day.empty())
            ran.push_back(now + " " + day);
    }
    // Paris's 00:15 on the 11th (22:15 UTC on the 10th) and on the 12th; not UTC's 00:15.
    EXPECT_EQ(ran, (std::vector<std::string>{"2024-06-10 22:15:00+00 2024-06-11",
                                             "2024-06-11 22:15:00+00 2024-06-12"}));
    EXPECT_EQ(days(), "2024-06-10,2024-06-11,2024-06-12");
}

TEST_F(JobsZoneChange, ManualRunsServeTheDayOfTheLatestRunTimeAndDatedRunsNone) {
    set_zone("Europe/Paris");
    // At 00:10 in Paris (22:10 UTC) the latest run time of the sweep is the day before's.
    jobs::RunOptions o;
    o.trigger = jobs::Trigger::Api;
    o.now = "2024-06-10 22:10:00+00";
    auto r = jobs::run_job(db_.conn(), *jobs::find_job("overdue_sweep"), o);
    ASSERT_TRUE(r && r->status == jobs::RunStatus::Success);
    EXPECT_EQ(days(), "2024-06-10");
    EXPECT_TRUE(sweep("2024-06-10 22:15:00+00").due);
    // Another job time (COACH_JOB_TIMES) moves the day: 00:05 had passed.
    o.job_time = "00:05";
    r = jobs::run_job(db_.conn(), *jobs::find_job("overdue_sweep"), o);
    ASSERT_TRUE(r && r->status == jobs::RunStatus::Success);
    EXPECT_EQ(days(), "2024-06-10,2024-06-11");
    // A run for another date serves no day.
    db_.exec("DELETE FROM job_runs");
    o.request.date = "2024-06-10";
    r = jobs::run_job(db_.conn(), *jobs::find_job("overdue_sweep"), o);
    ASSERT_TRUE(r && r->status == jobs::RunStatus::Success);
    EXPECT_EQ(db_.exec("SELECT count(*) FROM job_runs WHERE local_day IS NULL").get_int(0, 0), 1);
    EXPECT_TRUE(sweep("2024-06-10 22:15:00+00").due);
}

std::map<std::string, std::string> outcomes(TestDatabase& db) {
    auto r = db.exec(
        "SELECT job_name, string_agg(status::text, ',' ORDER BY status) FROM job_runs "
        "GROUP BY job_name");
    std::map<std::string, std::string> out;
    for (int i = 0; i < r.rows(); ++i)
        out[std::string(r.get(i, 0))] = std::string(r.get(i, 1));
    return out;
}

TEST(JobsScheduler, TwoSchedulerInstancesOnOneDatabaseRunEachJobOnce) {
    TestDatabase db;
    (void)create_org(db);
    boost::asio::io_context io;  // not run: tick() is called directly
    Config config;
    config.jobs_enabled = true;
    auto a = jobs::Scheduler::create(io, db.url(), config);
    auto b = jobs::Scheduler::create(io, db.url(), config);
    ASSERT_TRUE(a && b && *a && *b);
    // Nothing ran yet: every job is due on both (catch-up) and both go at once.
    std::chrono::milliseconds sleep_a{}, sleep_b{};
    std::thread ta([&] { sleep_a = (*a)->tick(); });
    std::thread tb([&] { sleep_b = (*b)->tick(); });
    ta.join();
    tb.join();
    auto seen = outcomes(db);
    ASSERT_EQ(seen.size(), jobs::all_jobs().size());
    for (const auto& [job, statuses] : seen) {
        // One SUCCESS; the other instance found it running (SKIPPED), already done (SKIPPED),
        // or not due any more (no row).
        EXPECT_TRUE(statuses == "SUCCESS" || statuses == "SUCCESS,SKIPPED") << job << statuses;
    }
    EXPECT_LE(sleep_a, std::chrono::milliseconds(jobs::kMaxSleep));
    EXPECT_GE(sleep_a, std::chrono::milliseconds(1000));
    EXPECT_LE(sleep_b, std::chrono::milliseconds(jobs::kMaxSleep));
    // A later pass finds nothing due.
    auto rows = db.exec("SELECT count(*) FROM job_runs").get_int(0, 0);
    (*a)->tick();
    EXPECT_EQ(db.exec("SELECT count(*) FROM job_runs").get_int(0, 0), rows);
    EXPECT_EQ(db.exec("SELECT count(*) FROM job_runs WHERE params->>'trigger' <> 'schedule'")
                  .get_int(0, 0),
              0);
}

TEST(JobsScheduler, AServerWithJobsOnCatchesUpAtStartAndStopsCleanly) {
    Config config = test_config();
    config.jobs_enabled = true;
    auto server = std::make_unique<TestServer>(config);
    bool done = false;
    for (int i = 0; i < 3000 && !done; ++i) {
        done = server->db()
                   .exec("SELECT count(*) FROM job_runs WHERE status = 'SUCCESS'")
                   .get_int(0, 0) == static_cast<long long>(jobs::all_jobs().size());
        if (!done)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    EXPECT_TRUE(done);
    auto instance = server->db().exec("SELECT DISTINCT instance FROM job_runs");
    ASSERT_EQ(instance.rows(), 1);
    EXPECT_NE(std::string(instance.get(0, 0)).find("/scheduler"), std::string::npos);
    server.reset();  // stop() ends the scheduler's loop; nothing hangs

    Config bad = test_config();
    bad.job_times = "history=26:00";
    EXPECT_THROW(TestServer{bad}, std::runtime_error);
}

TEST(JobsScheduler, AServerRunsAJobAtOnceWhenAZoneChangeMovesItsRunTimeIntoThePast) {
    // The sweep's time is 2 minutes before the time in Kiritimati (UTC+14) now: in UTC its
    // latest run time was 14 hours later on the clock, a day earlier. The server starts in
    // UTC and catches up (a run for that earlier day); moving to Kiritimati makes the sweep due
    // for the next day, and the scheduler, which may just have gone to sleep for a minute, is
    // woken by the change.
    const auto kiritimati = std::chrono::floor<std::chrono::minutes>(
        clock::now() + std::chrono::hours(14) - std::chrono::minutes(2));
    const std::string at = fmt::format("{:%H:%M}", kiritimati),
                      day = fmt::format("{:%Y-%m-%d}", kiritimati);
    Config config = test_config();
    config.jobs_enabled = true;
    config.job_times = "overdue_sweep=" + at;
    TestServer server(config);
    (void)create_org(server.db());
    auto count = [&](const std::string& where) {
        return server.db()
            .exec("SELECT count(*) FROM job_runs WHERE job_name = 'overdue_sweep' AND " + where,
                  db::params(day))
            .get_int(0, 0);
    };
    auto all_ran = [&] {
        return server.db()
                   .exec("SELECT count(DISTINCT job_name) FROM job_runs WHERE status = 'SUCCESS'")
                   .get_int(0, 0) == static_cast<long long>(jobs::all_jobs().size());
    };
    ASSERT_TRUE(eventually(all_ran));
    ASSERT_EQ(count("local_day < $1::date AND status = 'SUCCESS'"), 1);
    ASSERT_EQ(count("local_day = $1::date"), 0);

    const std::string admin = login(server, "admin@org.test");
    auto r =
        server.as(admin, "PATCH", "/api/v1/settings", R"({"time_zone": "Pacific/Kiritimati"})");
    ASSERT_EQ(r.status, 200) << r.body;
    // Generous, yet well within the minute the scheduler may sleep without the wake-up.
    EXPECT_TRUE(
        eventually([&] { return count("local_day = $1::date AND status = 'SUCCESS'") == 1; },
                   std::chrono::seconds(5)));
}

TEST(JobsScheduler, StoppingTheServerCancelsTheRunningJob) {
    TestServer plain;  // jobs off: only its database is used
    auto blocker = db::SyncConnection::open(plain.db().url());
    ASSERT_TRUE(blocker);
    ASSERT_TRUE(blocker->exec("BEGIN"));
    ASSERT_TRUE(blocker->exec("LOCK TABLE action_items IN ACCESS EXCLUSIVE MODE"));
    Config config = test_config();
    config.jobs_enabled = true;
    auto app = std::make_unique<App>(config, plain.db().url());
    ASSERT_TRUE(app->start());
    // The first job (overdue_sweep) waits on the table lock.
    bool waiting = false;
    for (int i = 0; i < 3000 && !waiting; ++i) {
        waiting = plain.db()
                      .exec(
                          "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = "
                          "current_database() AND wait_event_type = 'Lock' AND query LIKE "
                          "'%UPDATE action_items%')")
                      .get_bool(0, 0);
        if (!waiting)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    ASSERT_TRUE(waiting);
    app->stop();
    app->join();
    app.reset();
    ASSERT_TRUE(blocker->exec("ROLLBACK"));
    auto r = plain.db().exec("SELECT job_name, status::text, error FROM job_runs");
    ASSERT_EQ(r.rows(), 1);  // nothing after it started
    EXPECT_EQ(r.get(0, 0), "overdue_sweep");
    EXPECT_EQ(r.get(0, 1), "FAILED");
    EXPECT_EQ(std::string(r.get(0, 2)).substr(0, 39), "stopped: the coach instance shut down (");
}

}  // namespace
}  // namespace coach::test
