// `coach jobs run|list` against a real database: exit codes, the printed job_runs row.
#include "jobs/registry.hpp"
#include "support/test_env.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <boost/json.hpp>

#include <cstdio>
#include <filesystem>

namespace coach::test {
namespace {
namespace json = boost::json;

// Runs `coach ARGS` with COACH_DATABASE_URL=url; returns the exit code and stdout.
std::pair<int, std::string> coach(const std::string& url, const std::string& args) {
    std::string exe = std::filesystem::read_symlink("/proc/self/exe").parent_path() / "coach";
    std::string cmd = "COACH_DATABASE_URL='" + url + "' COACH_LOG_LEVEL=error '" + exe + "' " +
                      args + " < /dev/null 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[256];
    while (std::fgets(buf, sizeof buf, p))
        out += buf;
    int status = pclose(p);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

TEST(JobsCli, RunPrintsTheRunRowAndExitsWithItsOutcome) {
    TestDatabase db;
    db.exec("SET session_replication_role = replica");  // an item nobody touched since 2020
    db.exec(
        "WITH tl AS (INSERT INTO users (email, name, role, password_hash) "
        "            VALUES ('tl@org.test', 'TL', 'TEAM_LEADER', 'x') RETURNING id), "
        "     a AS (INSERT INTO users (email, name, role, password_hash, team_leader_id) "
        "           SELECT 'a@org.test', 'A', 'AGENT', 'x', id FROM tl RETURNING id) "
        "INSERT INTO action_items (agent_id, assigned_by, title, description, due_date) "
        "SELECT a.id, tl.id, 'Item', 'Do it', '2020-01-10' FROM a, tl");
    db.exec("SET session_replication_role = origin");

    // --date before the due date: nothing to do.
    auto [code, out] = coach(db.url(), "jobs run overdue_sweep --date 2020-01-05");
    ASSERT_EQ(code, 0) << out;
    auto row = json::parse(out).as_object();
    EXPECT_EQ(row.at("status").as_string(), "SUCCESS");
    EXPECT_EQ(row.at("rows_affected").as_int64(), 0);
    EXPECT_EQ(row.at("params").at("trigger").as_string(), "cli");
    EXPECT_EQ(row.at("params").at("date").as_string(), "2020-01-05");

    auto today = coach(db.url(), "jobs run overdue_sweep");
    ASSERT_EQ(today.first, 0);
    EXPECT_EQ(json::parse(today.second).at("rows_affected").as_int64(), 1);

    auto full = coach(db.url(), "jobs run history --full");
    ASSERT_EQ(full.first, 0);
    EXPECT_EQ(json::parse(full.second).at("params").at("mode").as_string(), "full");

    // Held elsewhere: SKIPPED, exit 3, the row still printed.
    db.exec("BEGIN");
    db.exec("SELECT pg_advisory_xact_lock(hashtext('coach.job.percentiles')::bigint)");
    auto busy = coach(db.url(), "jobs run percentiles");
    db.exec("COMMIT");
    EXPECT_EQ(busy.first, 3);
    EXPECT_EQ(json::parse(busy.second).at("status").as_string(), "SKIPPED");

    // Bad arguments: exit 2, nothing run.
    long long before = db.exec("SELECT count(*) FROM job_runs").get_int(0, 0);
    EXPECT_EQ(coach(db.url(), "jobs run no_such_job").first, 2);
    EXPECT_EQ(coach(db.url(), "jobs run team_summary --date 2024-01-01").first, 2);
    EXPECT_EQ(coach(db.url(), "jobs run percentiles --full").first, 2);
    EXPECT_EQ(coach(db.url(), "jobs run retention --date 2024-02-30").first, 2);
    EXPECT_EQ(coach(db.url(), "jobs run retention --date 2999-01-01").first, 2);
    EXPECT_EQ(db.exec("SELECT count(*) FROM job_runs").get_int(0, 0), before);

    // A failing job: exit 1.
    db.exec("ALTER MATERIALIZED VIEW team_performance_summary RENAME TO tps_away");
    auto failed = coach(db.url(), "jobs run team_summary");
    db.exec("ALTER MATERIALIZED VIEW tps_away RENAME TO team_performance_summary");
    EXPECT_EQ(failed.first, 1);
    EXPECT_EQ(json::parse(failed.second).at("status").as_string(), "FAILED");

    auto list = coach(db.url(), "jobs list");
    ASSERT_EQ(list.first, 0);
    for (const auto& j : jobs::all_jobs())
        EXPECT_NE(list.second.find(std::string(j.name) + " "), std::string::npos) << j.name;
    EXPECT_NE(list.second.find("Times are in UTC."), std::string::npos) << list.second;
}

}  // namespace
}  // namespace coach::test
