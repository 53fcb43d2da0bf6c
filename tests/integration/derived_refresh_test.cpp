// The percentile ranking and the history annotations follow the writes that change them within
// seconds (derived_refresh_queue, migration 0031; jobs/derived.cpp): a metrics PUT, a METRICS
// import and its rollback, a USERS import changing a status, a PROFILES import opting in, a
// completed session. Each ranking is compared with one recomputed here from the raw rows. And
// drain_derived itself: the queue emptied, derived_as_of set, a busy lock leaving rows queued,
// writes that change no annotation queueing nothing.
#include "jobs/derived.hpp"
#include "support/imports_fixture.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace coach::test {
namespace {
namespace json = boost::json;
using namespace std::chrono_literals;

// How long a refresh may take to show: the drainer polls every 100 ms in tests.
constexpr auto kWithinSeconds = 5s;

std::string today(TestDatabase& db) {
    return std::string(db.exec("SELECT coach_today()::text").get(0, 0));
}

// a1's service percentile as the rule says (docs/domain.md, "Percentile ranking"), from the
// raw rows: the share of the other ranked agents (AGENT, ACTIVE or PIP, not deleted, with a
// service score in the 30 days up to today) whose average is lower, in whole percents; null
// when a1 is not ranked.
json::value expected_service(TestDatabase& db, const std::string& agent) {
    auto r = db.exec(
        "WITH avgs AS ("
        "  SELECT u.id, avg(m.service_score) AS v FROM users u"
        "    JOIN performance_metrics m ON m.agent_id = u.id"
        "     AND m.metric_date BETWEEN coach_today() - 29 AND coach_today()"
        "   WHERE u.role = 'AGENT' AND u.deleted_at IS NULL AND u.status IN ('ACTIVE', 'PIP')"
        "     AND m.service_score IS NOT NULL GROUP BY u.id)"
        "SELECT CASE WHEN (SELECT count(*) FROM avgs) = 1 THEN 0"
        "            ELSE round(100.0 * (SELECT count(*) FROM avgs b WHERE b.v < a.v)"
        "                       / ((SELECT count(*) FROM avgs) - 1))::int END AS p"
        "  FROM avgs a WHERE a.id = $1::uuid",
        db::params(agent));
    return r.empty() ? json::value(nullptr) : json::value(r.get_int(0, 0));
}

class DerivedRefresh : public ImportsFixture {
  protected:
    DerivedRefresh() : ImportsFixture({"admin"}) {
        // Profiles (the ranking is stored there), a1 and a2 opted in, a3 not yet.
        server_.db().exec(
            "INSERT INTO agent_profiles (agent_id, learning_style, peer_comparison_opt_in) "
            "VALUES ($1::uuid, 'VISUAL', true), ($2::uuid, 'VISUAL', true), "
            "($3::uuid, 'VISUAL', false)",
            db::params(org_.a1, org_.a2, org_.a3));
    }
    TestDatabase& db() { return server_.db(); }
    json::value overview(const std::string& agent) {
        auto r = as("admin", "GET", "/api/v1/agents/" + agent + "/overview");
        EXPECT_EQ(r.status, 200) << r.body;
        return r.status == 200 ? r.json() : json::value(nullptr);
    }
    // The service percentile the overview shows, "-" when it shows no ranking.
    json::value shown_service(const std::string& agent) {
        auto v = overview(agent);
        if (!v.is_object() || !v.at("percentile_ranking").is_object())
            return json::value(nullptr);
        return v.at("percentile_ranking").at("service");
    }
    // Whether the overview soon shows `agent`'s recomputed service percentile, for today.
    bool shows_recomputed(const std::string& agent) {
        return eventually(
            [&] {
                auto v = overview(agent);
                return v.is_object() && v.at("percentile_as_of") == json::value(today(db())) &&
                       shown_service(agent) == expected_service(db(), agent);
            },
            kWithinSeconds);
    }
    HttpResult put_service(const std::string& agent, int score) {
        return server_.as(tokens_.at("admin"), "PUT", "/api/v1/performance-metrics",
                          "[{\"agent_id\":\"" + agent + "\",\"metric_date\":\"" + today(db()) +
                              "\",\"service_score\":" + std::to_string(score) + "}]");
    }
};

TEST_F(DerivedRefresh, AMetricsPutIsRankedWithinSeconds) {
    ASSERT_EQ(put_service(org_.a1, 90).status, 200);
    ASSERT_EQ(put_service(org_.a2, 70).status, 200);
    ASSERT_TRUE(shows_recomputed(org_.a1)) << json::serialize(overview(org_.a1));
    EXPECT_EQ(shown_service(org_.a1), json::value(100));
    EXPECT_EQ(shown_service(org_.a2), json::value(0));
    // a1 falls below a2.
    ASSERT_EQ(put_service(org_.a1, 50).status, 200);
    ASSERT_TRUE(shows_recomputed(org_.a1)) << json::serialize(overview(org_.a1));
    EXPECT_EQ(shown_service(org_.a1), json::value(0));
    EXPECT_TRUE(shows_recomputed(org_.a2));
    EXPECT_EQ(shown_service(org_.a2), json::value(100));
}

TEST_F(DerivedRefresh, AMetricsImportAndItsRollbackAreRankedWithinSeconds) {
    ASSERT_EQ(put_service(org_.a1, 80).status, 200);
    ASSERT_EQ(put_service(org_.a2, 60).status, 200);
    ASSERT_TRUE(shows_recomputed(org_.a1));
    EXPECT_EQ(shown_service(org_.a1), json::value(100));
    // The import turns the order round (a1's value is replaced: one row per agent and day).
    auto r = upload("admin", "?type=METRICS",
                    "employee_id,metric_date,service_score\nE1," + today(db()) + ",40\nE2," +
                        today(db()) + ",95\n");
    ASSERT_EQ(r.status, 201) << r.body;
    ASSERT_EQ(r.json().at("status"), "SUCCESS") << r.body;
    ASSERT_TRUE(shows_recomputed(org_.a1)) << json::serialize(overview(org_.a1));
    EXPECT_EQ(shown_service(org_.a1), json::value(0));
    // Its rollback restores the values, and the ranking follows.
    auto rb = as("admin", "POST",
                 "/api/v1/imports/" + std::string(r.json().at("id").as_string()) + "/rollback");
    ASSERT_EQ(rb.status, 200) << rb.body;
    ASSERT_TRUE(shows_recomputed(org_.a1)) << json::serialize(overview(org_.a1));
    EXPECT_EQ(shown_service(org_.a1), json::value(100));
}

TEST_F(DerivedRefresh, AUsersImportChangingAStatusChangesWhoIsRanked) {
    ASSERT_EQ(put_service(org_.a1, 80).status, 200);
    ASSERT_EQ(put_service(org_.a2, 90).status, 200);
    ASSERT_EQ(put_service(org_.a3, 70).status, 200);
    ASSERT_TRUE(shows_recomputed(org_.a1));
    EXPECT_EQ(shown_service(org_.a1), json::value(50));  // above a3, below a2
    // a2 on leave: no longer ranked; a1 is now above everyone ranked.
    auto r = upload("admin", "?type=USERS",
                    "Employee ID,Email,Name,Role,Team Leader,Manager,Department,Hire Date,"
                    "Status\r\nE2,,,,,,,,LEAVE\r\n");
    ASSERT_EQ(r.status, 201) << r.body;
    ASSERT_EQ(r.json().at("status"), "SUCCESS") << r.body;
    ASSERT_TRUE(shows_recomputed(org_.a1)) << json::serialize(overview(org_.a1));
    EXPECT_EQ(shown_service(org_.a1), json::value(100));
    EXPECT_TRUE(db().exec("SELECT percentile_ranking FROM agent_profiles WHERE agent_id = "
                          "$1::uuid",
                          db::params(org_.a2))
                    .is_null(0, 0));
}

TEST_F(DerivedRefresh, AProfilesImportOptingInShowsTheRanking) {
    ASSERT_EQ(put_service(org_.a1, 80).status, 200);
    ASSERT_EQ(put_service(org_.a3, 90).status, 200);
    ASSERT_TRUE(shows_recomputed(org_.a1));
    // a3 opted out: ranked (a1 is 0), but not stored nor shown.
    EXPECT_EQ(shown_service(org_.a1), json::value(0));
    EXPECT_TRUE(shown_service(org_.a3).is_null());
    EXPECT_TRUE(db().exec("SELECT percentile_ranking FROM agent_profiles WHERE agent_id = "
                          "$1::uuid",
                          db::params(org_.a3))
                    .is_null(0, 0));
    auto r = upload("admin", "?type=PROFILES", "Employee ID,Peer Comparison\nE3,yes\n");
    ASSERT_EQ(r.status, 201) << r.body;
    ASSERT_EQ(r.json().at("status"), "SUCCESS") << r.body;
    ASSERT_TRUE(shows_recomputed(org_.a3)) << json::serialize(overview(org_.a3));
    EXPECT_EQ(shown_service(org_.a3), json::value(100));
}

TEST_F(DerivedRefresh, ACompletedSessionIsAnnotatedInTheHistoryWithinSeconds) {
    // A day of metrics today, so that today's periods have history rows to annotate.
    ASSERT_EQ(put_service(org_.a1, 80).status, 200);
    auto annotated = [&] {
        return db().exec(
                       "SELECT count(*) FROM performance_history WHERE agent_id = $1::uuid "
                       "AND period_type = 'WEEK' AND period_ending >= coach_today() "
                       "AND annotations->'events' @> '[{\"type\": \"SESSION_COMPLETED\"}]'",
                       db::params(org_.a1))
                   .get_int(0, 0) == 1;
    };
    ASSERT_TRUE(eventually(
        [&] {
            return db().exec(
                           "SELECT count(*) FROM performance_history WHERE agent_id = "
                           "$1::uuid AND period_type = 'WEEK' "
                           "AND period_ending >= coach_today()",
                           db::params(org_.a1))
                       .get_int(0, 0) == 1;
        },
        kWithinSeconds));
    EXPECT_FALSE(annotated());
    const std::string tl1 = login(server_, "tl1@org.test");
    // Scheduled tomorrow, started now: the event's day is today's (its start).
    const std::string tomorrow(
        db().exec("SELECT to_char((now() + interval '1 day') AT TIME ZONE 'UTC', "
                  "'YYYY-MM-DD\"T\"HH24:MI:00\"Z\"')")
            .get(0, 0));
    auto s = server_.as(tl1, "POST", "/api/v1/coaching-sessions",
                        json::serialize(json::object{{"agent_id", org_.a1},
                                                     {"scheduled_date", tomorrow},
                                                     {"planned_minutes", 30},
                                                     {"allow_overlap", true}}));
    ASSERT_EQ(s.status, 201) << s.body;
    const std::string path =
        "/api/v1/coaching-sessions/" + std::string(s.json().at("id").as_string());
    ASSERT_EQ(server_.as(tl1, "POST", path + "/start").status, 200);
    auto done = server_.as(tl1, "POST", path + "/complete",
                           json::serialize(json::object{{"summary", "Worked on holds."},
                                                        {"primary_issue", "AHT"},
                                                        {"intervention_method", "Role-play"}}));
    ASSERT_EQ(done.status, 200) << done.body;
    EXPECT_TRUE(eventually(annotated, kWithinSeconds));
}

// drain_derived on a database without a server.
class DrainDerived : public ::testing::Test {
  protected:
    void SetUp() override {
        org_ = create_org(db_);
        db_.exec(
            "INSERT INTO agent_profiles (agent_id, learning_style) "
            "VALUES ($1::uuid, 'VISUAL'), ($2::uuid, 'VISUAL')",
            db::params(org_.a1, org_.a2));
        // What creating them queued: each test counts its own rows.
        db_.exec("DELETE FROM derived_refresh_queue");
    }
    long long queued(const std::string& kind) {
        return db_
            .exec("SELECT count(*) FROM derived_refresh_queue WHERE kind = $1", db::params(kind))
            .get_int(0, 0);
    }
    void metric(const std::string& agent, int service) {
        db_.exec(
            "INSERT INTO performance_metrics (agent_id, metric_date, service_score) "
            "VALUES ($1::uuid, coach_today(), $2) ON CONFLICT (agent_id, metric_date) "
            "DO UPDATE SET service_score = EXCLUDED.service_score",
            db::params(agent, service));
    }
    jobs::DrainOutcome drain() {
        auto conn = db::SyncConnection::open(db_.url());
        EXPECT_TRUE(conn);
        auto r = conn ? jobs::drain_derived(*conn) : Result<jobs::DrainOutcome>(conn.error());
        EXPECT_TRUE(r) << (r ? "" : r.error().message);
        return r ? *r : jobs::DrainOutcome{};
    }
    TestDatabase db_;
    Org org_;
};

TEST_F(DrainDerived, TakesTheQueueRanksForTodayAndRecordsTheDay) {
    // One row per transaction, whatever its statements.
    db_.exec("BEGIN");
    metric(org_.a1, 90);
    metric(org_.a2, 70);
    db_.exec("COMMIT");
    EXPECT_EQ(queued("percentiles"), 1);
    auto out = drain();
    EXPECT_TRUE(out.percentiles_ran);
    EXPECT_FALSE(out.percentiles_busy);
    EXPECT_EQ(out.percentiles_changed, 2);
    EXPECT_EQ(queued("percentiles"), 0);
    EXPECT_EQ(db_.exec("SELECT (as_of = coach_today() AND computed_at <= now())::text "
                       "FROM derived_as_of WHERE name = 'percentiles'")
                  .get(0, 0),
              "true");
    EXPECT_EQ(db_.exec("SELECT percentile_ranking->>'service' FROM agent_profiles "
                       "WHERE agent_id = $1::uuid",
                       db::params(org_.a1))
                  .get(0, 0),
              "100");
    // Nothing queued and already today's: nothing to do.
    EXPECT_FALSE(drain().percentiles_ran);
    // A ranking of another day (the percentiles job run for a date, the day rolled over) is
    // redone for today.
    db_.exec("UPDATE derived_as_of SET as_of = coach_today() - 1");
    EXPECT_TRUE(drain().percentiles_ran);
    EXPECT_EQ(db_.exec("SELECT (as_of = coach_today())::text FROM derived_as_of").get(0, 0),
              "true");
}

TEST_F(DrainDerived, ABusyLockLeavesTheRowsForTheNextDrain) {
    metric(org_.a1, 90);
    auto holder = db::SyncConnection::open(db_.url());
    ASSERT_TRUE(holder);
    ASSERT_TRUE(holder->exec("BEGIN"));
    ASSERT_TRUE(
        holder->exec("SELECT pg_advisory_xact_lock(hashtext('coach.job.percentiles')::bigint)"));
    auto busy = drain();
    EXPECT_TRUE(busy.percentiles_busy);
    EXPECT_FALSE(busy.percentiles_ran);
    EXPECT_EQ(queued("percentiles"), 1);
    ASSERT_TRUE(holder->exec("COMMIT"));
    auto released = drain();
    EXPECT_FALSE(released.percentiles_busy);
    EXPECT_TRUE(released.percentiles_ran);
    EXPECT_EQ(queued("percentiles"), 0);
}

TEST_F(DrainDerived, HistoryAnnotationsOfTheQueuedAgentsAndDays) {
    metric(org_.a1, 90);
    // An action item completed today: queued for a1 today, and annotated by the drain.
    auto item = db_.exec(
        "INSERT INTO action_items (agent_id, assigned_by, title, description, due_date, status, "
        "completed_date) VALUES ($1::uuid, $2::uuid, 'Listen to calls', 'Three', "
        "coach_today() + 7, 'COMPLETED', coach_now()) RETURNING id",
        db::params(org_.a1, org_.tl1));
    EXPECT_EQ(db_.exec("SELECT count(*) FROM derived_refresh_queue WHERE kind = 'history' "
                       "AND agent_id = $1::uuid AND day = coach_today()",
                       db::params(org_.a1))
                  .get_int(0, 0),
              1);
    // The history lock held (a history job): the rows stay.
    auto holder = db::SyncConnection::open(db_.url());
    ASSERT_TRUE(holder);
    ASSERT_TRUE(holder->exec("BEGIN"));
    ASSERT_TRUE(
        holder->exec("SELECT pg_advisory_xact_lock(hashtext('coach.job.history')::bigint)"));
    EXPECT_TRUE(drain().history_busy);
    EXPECT_EQ(queued("history"), 1);
    ASSERT_TRUE(holder->exec("COMMIT"));
    auto out = drain();
    EXPECT_FALSE(out.history_busy);
    EXPECT_EQ(out.history_taken, 1);
    EXPECT_EQ(queued("history"), 0);
    EXPECT_EQ(db_.exec("SELECT count(*) FROM performance_history WHERE agent_id = $1::uuid "
                       "AND annotations->'events' @> "
                       "'[{\"type\": \"ACTION_ITEM_COMPLETED\"}]'",
                       db::params(org_.a1))
                  .get_int(0, 0),
              3);  // its WEEK, MONTH and QUARTER
    // A write that changes no annotation (the item's description) queues nothing; one that
    // does (its title is in the annotation) queues its day.
    db_.exec("UPDATE action_items SET description = 'Four' WHERE id = $1::uuid",
             db::params(std::string(item.get(0, 0))));
    EXPECT_EQ(queued("history"), 0);
    db_.exec("UPDATE action_items SET title = 'Listen to four calls' WHERE id = $1::uuid",
             db::params(std::string(item.get(0, 0))));
    EXPECT_EQ(queued("history"), 1);
}

// What queues a refresh and what does not (migration 0031's triggers).
TEST_F(DrainDerived, WhatQueuesARefresh) {
    auto history_days = [&] {
        return std::string(db_.exec("SELECT coalesce(string_agg(day::text, ',' ORDER BY day), '') "
                                    "FROM derived_refresh_queue WHERE kind = 'history'")
                               .get(0, 0));
    };
    // Percentiles: who is ranked and who sees it, not a move between teams (the ranking is
    // organisation-wide) nor other profile fields; one row per transaction.
    db_.exec("UPDATE users SET team_leader_id = $2::uuid WHERE id = $1::uuid",
             db::params(org_.a1, org_.tl2));
    db_.exec("UPDATE agent_profiles SET learning_style = 'AUDITORY'");
    EXPECT_EQ(queued("percentiles"), 0);
    db_.exec("UPDATE users SET status = 'LEAVE' WHERE id = $1::uuid", db::params(org_.a1));
    db_.exec("UPDATE agent_profiles SET peer_comparison_opt_in = false");
    EXPECT_EQ(queued("percentiles"), 2);
    db_.exec("DELETE FROM derived_refresh_queue");
    // The ranking itself writes agent_profiles without queueing again.
    EXPECT_TRUE(drain().percentiles_ran);
    EXPECT_EQ(queued("percentiles"), 0);

    // History: a draft plan has no event; approved and started, its start day; ended, its end
    // day; a change of its notes, nothing.
    auto plan = std::string(
        db_.exec("INSERT INTO action_plans (agent_id, created_by, start_date, target_end_date, "
                 "status, reason_for_plan, target_metrics, success_criteria) VALUES ($1::uuid, "
                 "$2::uuid, '2026-01-05', '2026-02-05', 'DRAFT', 'r', '{}', '{}') RETURNING id",
                 db::params(org_.a2, org_.tl1))
            .get(0, 0));
    EXPECT_EQ(history_days(), "");
    db_.exec("UPDATE action_plans SET status = 'ACTIVE' WHERE id = $1::uuid", db::params(plan));
    EXPECT_EQ(history_days(), "2026-01-05");
    db_.exec(
        "UPDATE action_plans SET status = 'COMPLETED', actual_end_date = '2026-01-30' "
        "WHERE id = $1::uuid",
        db::params(plan));
    // Ended: its end day (the start day is the row queued by the step before).
    EXPECT_EQ(history_days(), "2026-01-05,2026-01-30");
    db_.exec("DELETE FROM derived_refresh_queue");
    db_.exec("UPDATE action_plans SET outcome_notes = 'Done' WHERE id = $1::uuid",
             db::params(plan));
    EXPECT_EQ(history_days(), "");
    // A session: scheduled, nothing; completed, the day it started.
    auto session = std::string(
        db_.exec("INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date) "
                 "VALUES ($1::uuid, $2::uuid, '2026-03-02 10:00+00') RETURNING id",
                 db::params(org_.a2, org_.tl1))
            .get(0, 0));
    EXPECT_EQ(history_days(), "");
    db_.exec(
        "UPDATE coaching_sessions SET status = 'COMPLETED', "
        "actual_start_time = '2026-03-03 09:00+00', actual_end_time = '2026-03-03 09:30+00' "
        "WHERE id = $1::uuid",
        db::params(session));
    EXPECT_EQ(history_days(), "2026-03-03");
    // Its prep or notes written again, nothing (migration 0033's WHEN); moved to another day,
    // the day it leaves and the day it reaches.
    db_.exec("DELETE FROM derived_refresh_queue");
    db_.exec(
        "UPDATE coaching_sessions SET prep_data = '{}', discussion_notes = 'n' "
        "WHERE id = $1::uuid",
        db::params(session));
    EXPECT_EQ(history_days(), "");
    db_.exec(
        "UPDATE coaching_sessions SET actual_start_time = '2026-03-04 09:00+00', "
        "actual_end_time = '2026-03-04 09:30+00' WHERE id = $1::uuid",
        db::params(session));
    EXPECT_EQ(history_days(), "2026-03-03,2026-03-04");
}

// `coach import` drains what its import queued before it returns: no server runs here.
TEST_F(DrainDerived, TheCommandLineImportLeavesNothingQueued) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::temp_directory_path() / ("coach-derived-cli-" + db_.name());
    fs::create_directories(dir);
    const std::string today(db_.exec("SELECT coach_today()::text").get(0, 0));
    std::ofstream(dir / "today.csv")
        << "employee_id,metric_date,service_score\nE1," << today << ",60\nE2," << today << ",80\n";
    const std::string exe = fs::read_symlink("/proc/self/exe").parent_path() / "coach";
    const std::string cmd = "COACH_DATABASE_URL='" + db_.url() + "' COACH_DATA_DIR='" +
                            dir.string() + "' COACH_LOG_LEVEL=error '" + exe + "' import '" +
                            (dir / "today.csv").string() + "' --type METRICS >/dev/null 2>&1";
    const int status = std::system(cmd.c_str());
    fs::remove_all(dir);
    ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << cmd;
    EXPECT_EQ(queued("percentiles"), 0);
    EXPECT_EQ(db_.exec("SELECT (as_of = coach_today())::text FROM derived_as_of "
                       "WHERE name = 'percentiles'")
                  .get(0, 0),
              "true");
    EXPECT_EQ(db_.exec("SELECT percentile_ranking->>'service' FROM agent_profiles "
                       "WHERE agent_id = $1::uuid",
                       db::params(org_.a2))
                  .get(0, 0),
              "100");
}

}  // namespace
}  // namespace coach::test
