// After an import commits, and after its rollback, the dashboards' snapshots and the history
// of the agents and days it changed are recomputed at once (imports/recompute.hpp), not at
// night.
#include "app/app.hpp"
#include "db/advisory_locks.hpp"
#include "imports/importer.hpp"
#include "imports/recompute.hpp"
#include "support/test_server.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace coach::test {
namespace {
namespace fs = std::filesystem;

struct Imported {
    TestDatabase db;
    Org org = create_org(db);
    fs::path dir = fs::temp_directory_path() / ("coach-recompute-" + std::to_string(getpid()));
    imports::Actor actor{org.admin, auth::Role::Admin, "", "test", ""};

    Result<std::string> import(const std::string& csv) {
        fs::remove_all(dir);
        fs::create_directories(dir);
        std::ofstream(dir / "m.csv") << csv;
        imports::ImportOptions o;
        o.actor = actor;
        o.file_name = "m.csv";
        o.data_dir = dir.string();
        o.force = true;
        return imports::run_import(db.url(), o, imports::Upload{{}, (dir / "m.csv").string()});
    }
    // "period_ending avg_service_score" of a1's history of one type, in order.
    std::string history(std::string_view type) {
        auto r = db.exec(
            "SELECT coalesce(string_agg(period_ending || ' ' || avg_service_score, ', ' ORDER BY "
            "period_ending), '-') FROM performance_history WHERE agent_id = $1::uuid AND "
            "period_type = $2::period_type",
            db::params(org.a1, type));
        return std::string(r.get(0, 0));
    }
    // "latest_metric_date days_with_data avg30_service_score" of a1's snapshot.
    std::string snapshot() {
        auto r = db.exec(
            "SELECT coalesce(latest_metric_date::text, '-') || ' ' || days_with_data || ' ' || "
            "coalesce(avg30_service_score::text, '-') FROM agent_dashboard_snapshot "
            "WHERE agent_id = $1::uuid",
            db::params(org.a1));
        return r.empty() ? "none" : std::string(r.get(0, 0));
    }
    std::string period_end(std::string_view type, const std::string& day) {
        return std::string(db.exec("SELECT history_period_end($1::period_type, $2::date)::text",
                                   db::params(type, day))
                               .get(0, 0));
    }
    std::string yesterday() {
        return std::string(db.exec("SELECT (CURRENT_DATE - 1)::text").get(0, 0));
    }
    ~Imported() { fs::remove_all(dir); }
};

TEST(ImportsRecompute, ImportRefreshesHistoryAndSnapshotsOfItsAgents) {
    Imported t;
    ASSERT_EQ(t.history("WEEK"), "-");
    ASSERT_EQ(t.snapshot(), "none");
    // Tue 2025-03-04 and Wed 2025-03-05: ISO week ending Sun 2025-03-09, March, Q1.
    auto id = t.import(fmt::format(
        "employee_id,metric_date,service_score\nE1,2025-03-04,80\nE1,2025-03-05,91\nE1,{},70\n",
        t.yesterday()));
    ASSERT_TRUE(id) << id.error().message;
    // (80 + 91) / 2 = 85.50 for the week, the month and the quarter.
    // Then the periods of yesterday: 70.00 each.
    for (auto [type, end] : {std::pair{"WEEK", "2025-03-09"}, std::pair{"MONTH", "2025-03-31"},
                             std::pair{"QUARTER", "2025-03-31"}})
        EXPECT_EQ(t.history(type),
                  fmt::format("{} 85.50, {} 70.00", end, t.period_end(type, t.yesterday())));
    // Only yesterday is in the 30-day window: one day, average 70.
    EXPECT_EQ(t.snapshot(), t.yesterday() + " 1 70.00");
    // Recorded as an import-triggered history run, which the nightly schedule ignores.
    auto run = t.db.exec(
        "SELECT status::text, params->>'trigger', params->>'mode' FROM job_runs "
        "WHERE job_name = 'history'");
    ASSERT_EQ(run.rows(), 1);
    EXPECT_EQ(run.get(0, 0), "SUCCESS");
    EXPECT_EQ(run.get(0, 1), "import");
    EXPECT_EQ(run.get(0, 2), "after_import");
}

TEST(ImportsRecompute, RollbackRefreshesThemAgain) {
    Imported t;
    auto first = t.import("employee_id,metric_date,service_score\nE1,2025-03-04,80\n");
    ASSERT_TRUE(first) << first.error().message;
    ASSERT_EQ(t.history("WEEK"), "2025-03-09 80.00");
    // The second import overwrites 03-04 (80 -> 60) and adds yesterday.
    auto second = t.import(fmt::format(
        "employee_id,metric_date,service_score\nE1,2025-03-04,60\nE1,{},50\n", t.yesterday()));
    ASSERT_TRUE(second) << second.error().message;
    EXPECT_EQ(t.history("WEEK").substr(0, 16), "2025-03-09 60.00");
    EXPECT_EQ(t.snapshot(), t.yesterday() + " 1 50.00");

    auto back = imports::rollback_import(t.db.url(), "UTC", *second, t.actor, false);
    ASSERT_TRUE(back) << back.error().message;
    // 03-04 is 80 again; yesterday is gone, so only March 2025's periods remain.
    EXPECT_EQ(t.history("WEEK"), "2025-03-09 80.00");
    EXPECT_EQ(t.history("MONTH"), "2025-03-31 80.00");
    EXPECT_EQ(t.history("QUARTER"), "2025-03-31 80.00");
    // The latest day is 03-04 again, with nothing in the 30-day window.
    EXPECT_EQ(t.snapshot(), "2025-03-04 0 -");
}

TEST(ImportsRecompute, AnImportThatChangedNothingRecomputesNothing) {
    Imported t;
    ASSERT_TRUE(t.import("employee_id,metric_date,service_score\nE1,2025-03-04,80\n"));
    ASSERT_TRUE(t.import("employee_id,metric_date,service_score\nE1,2025-03-04,80\n"));
    // One run for the first import; the second only skipped rows.
    EXPECT_EQ(t.db.exec("SELECT count(*) FROM job_runs").get_int(0, 0), 1);
}

// What a crash right after an import's COMMIT leaves: the rows loaded, their figures not
// recomputed. The commit recorded the recompute as owed; the next start does it.
TEST(ImportsRecompute, ARecomputeACrashLeftOwedIsDoneAtTheNextStart) {
    Imported t;
    auto id = t.import(fmt::format(
        "employee_id,metric_date,service_score\nE1,2025-03-04,80\nE1,{},70\n", t.yesterday()));
    ASSERT_TRUE(id) << id.error().message;
    const std::string owed_sql = "SELECT recompute_owed FROM import_logs WHERE id = $1::uuid";
    EXPECT_FALSE(t.db.exec(owed_sql, db::params(*id)).get_bool(0, 0));  // done, so settled
    const std::string week = t.history("WEEK");
    const std::string snapshot = t.snapshot();
    ASSERT_NE(week, "-");
    // The crash: committed with the recompute owed, and none of it done.
    t.db.exec("UPDATE import_logs SET recompute_owed = true WHERE id = $1::uuid", db::params(*id));
    t.db.exec("DELETE FROM performance_history");
    t.db.exec("DELETE FROM agent_dashboard_snapshot");
    ASSERT_EQ(t.history("WEEK"), "-");

    App app(test_config(), t.db.url());
    ASSERT_TRUE(app.start());
    EXPECT_TRUE(eventually([&] { return !t.db.exec(owed_sql, db::params(*id)).get_bool(0, 0); }));
    EXPECT_EQ(t.history("WEEK"), week);
    EXPECT_EQ(t.snapshot(), snapshot);
    app.stop();
}

// A recompute running elsewhere (its session lock held) is left to it: the sweep neither waits
// nor runs it twice, and it stays owed until that one ends.
TEST(ImportsRecompute, TheSweepSkipsARecomputeRunningElsewhere) {
    Imported t;
    auto id = t.import("employee_id,metric_date,service_score\nE1,2025-03-04,80\n");
    ASSERT_TRUE(id) << id.error().message;
    t.db.exec("UPDATE import_logs SET recompute_owed = true WHERE id = $1::uuid", db::params(*id));
    t.db.exec("DELETE FROM performance_history");
    auto other = db::SyncConnection::open(t.db.url());
    ASSERT_TRUE(other);
    ASSERT_TRUE(other->exec("SELECT pg_advisory_lock($1::int, hashtext($2::text))",
                            db::params(db::locks::kImportRecompute, *id)));
    auto sweeper = db::SyncConnection::open(t.db.url());
    ASSERT_TRUE(sweeper);
    EXPECT_EQ(imports::recompute_owed(*sweeper), 1u);
    EXPECT_EQ(t.history("WEEK"), "-");  // not run here
    ASSERT_TRUE(other->exec("SELECT pg_advisory_unlock_all()"));
    EXPECT_EQ(imports::recompute_owed(*sweeper), 1u);
    EXPECT_EQ(t.history("WEEK"), "2025-03-09 80.00");
    EXPECT_EQ(imports::recompute_owed(*sweeper), 0u);  // settled
}

}  // namespace
}  // namespace coach::test
