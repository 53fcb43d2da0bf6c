// When jobs run: daily run times in the organisation's zone across DST changes (computed by
// PostgreSQL), the scheduler's due rule (catch-up, retries, what counts as a run), two
// scheduler instances on one database running each job once, and the scheduler in a server.
#include "jobs/schedule.hpp"
#include "jobs/scheduler.hpp"
#include "support/test_server.hpp"

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
