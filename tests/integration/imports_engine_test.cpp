// The import engine and `coach import` on a real database: progress readable while an import
// runs, start-up recovery of interrupted imports (and not of running ones), a kill -9 in the
// middle of an import leaving the data exactly as before, a status changed meanwhile refusing
// the log's transition, and the command line's exit codes.
#include "auth/password.hpp"
#include "db/arrays.hpp"
#include "imports/import_log.hpp"
#include "imports/importer.hpp"
#include "support/test_server.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

namespace coach::test {
namespace {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

fs::path scratch_dir(const std::string& name) {
    auto dir =
        fs::temp_directory_path() / ("coach-imports-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

// `rows_per_agent` consecutive days from `first_year`-01-01 for agents E1 and E2.
std::string big_csv(int rows_per_agent, int first_year) {
    std::string out = "employee_id,metric_date,service_score,aht\n";
    int y = first_year, m = 1, d = 1;
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    for (int i = 0; i < rows_per_agent; ++i) {
        std::string date = fmt::format("{:04}-{:02}-{:02}", y, m, d);
        out += fmt::format("E1,{},{}.5,{}\nE2,{},{},{}\n", date, i % 100, 300 + i % 50, date,
                           (i * 7) % 101, 200 + i % 30);
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        if (++d > kDays[m - 1] + (m == 2 && leap)) {
            d = 1;
            if (++m > 12) {
                m = 1;
                ++y;
            }
        }
    }
    return out;
}

std::string digest(TestDatabase& db) {
    return std::string(
        db.exec("SELECT coalesce(md5(string_agg(to_jsonb(t)::text, '|' ORDER BY agent_id, "
                "metric_date)), '') FROM performance_metrics t")
            .get(0, 0));
}

TEST(ImportsEngine, ProgressIsReadableWhileTheImportRuns) {
    TestDatabase db;
    Org org = create_org(db);
    auto dir = scratch_dir("progress");
    auto file = dir / "big.csv";
    std::ofstream(file) << big_csv(10000, 1990);  // 20,000 rows
    auto watcher = db::SyncConnection::open(db.url());
    ASSERT_TRUE(watcher);
    std::vector<std::string> seen;
    imports::ImportOptions o;
    o.actor = {org.admin, auth::Role::Admin, "", "test", ""};
    o.file_name = "big.csv";
    o.data_dir = dir.string();
    o.progress_interval = 0ms;
    o.on_progress = [&](long rows, std::size_t) {
        auto r = watcher->exec("SELECT status::text, processed_rows FROM import_logs");
        ASSERT_TRUE(r);
        seen.push_back(fmt::format("{} {} {}", rows, r->get(0, 0), r->get(0, 1)));
    };
    auto id = imports::run_import(db.url(), o, imports::Upload{{}, file.string()});
    ASSERT_TRUE(id) << id.error().message;
    // Batches of 8192 rows: progress after each, then PROCESSING once every row is read.
    EXPECT_EQ(seen, (std::vector<std::string>{"8192 VALIDATING 8192", "16384 VALIDATING 16384",
                                              "20000 VALIDATING 20000", "20000 PROCESSING 20000"}));
    auto log = db.exec("SELECT status::text, inserted_rows, processed_rows FROM import_logs");
    EXPECT_EQ(log.get(0, 0), "SUCCESS");
    EXPECT_EQ(log.get_int(0, 1), 20000);
    EXPECT_EQ(log.get_int(0, 2), 20000);
    EXPECT_EQ(db.exec("SELECT count(*) FROM import_metric_changes").get_int(0, 0), 20000);
    // New days are recorded per agent (0012), not per row: E1 and E2, 10,000 days each.
    EXPECT_EQ(db.exec("SELECT count(*) FROM import_changes").get_int(0, 0), 0);
    EXPECT_EQ(db.exec("SELECT string_agg(cardinality(metric_dates)::text, ',') "
                      "FROM import_inserted_days")
                  .get(0, 0),
              "10000,10000");
    fs::remove_all(dir);
}

// Import logs of `org`'s admin in these statuses; their ids in the same order.
std::vector<std::string> import_logs_in(TestDatabase& db, const Org& org,
                                        const std::vector<std::string>& statuses) {
    auto r = db.exec(
        "INSERT INTO import_logs (file_name, import_type, imported_by, status) "
        "SELECT 'f' || n || '.csv', 'METRICS', $1::uuid, s::import_status "
        "FROM unnest($2::text[]) WITH ORDINALITY u(s, n) ORDER BY n RETURNING id::text",
        db::params(org.admin, db::text_array(statuses)));
    std::vector<std::string> ids;
    for (int i = 0; i < r.rows(); ++i)
        ids.emplace_back(r.get(i, 0));
    return ids;
}

// What a live import does: hold its lock in its open transaction on `conn`.
bool hold_import_lock(db::SyncConnection& conn, const std::string& id) {
    return conn.exec_script("BEGIN") &&
           conn.exec("SELECT pg_advisory_xact_lock(73100, hashtext($1))", db::params(id));
}

// What the sweep of interrupted imports (App, every minute) marks FAILED now.
long long fail_interrupted(TestDatabase& db) {
    const db::Query q = imports::fail_interrupted_query();
    return db.exec(q.sql, q.params).affected();
}

TEST(ImportsEngine, InterruptedImportsBecomeFailedButRunningOnesDoNot) {
    TestDatabase db;
    Org org = create_org(db);
    auto ids = import_logs_in(db, org, {"PROCESSING", "VALIDATING", "SUCCESS"});
    ASSERT_EQ(ids.size(), 3u);
    const std::string dead = ids[0], running = ids[1], done = ids[2];
    auto live = db::SyncConnection::open(db.url());
    ASSERT_TRUE(live && hold_import_lock(*live, running));
    EXPECT_EQ(fail_interrupted(db), 1);
    auto status = [&](const std::string& id) {
        auto r = db.exec(
            "SELECT status::text || ' ' || coalesce(error_summary, '-') || ' ' || "
            "(completed_at IS NOT NULL)::text FROM import_logs WHERE id = $1::uuid",
            db::params(id));
        return std::string(r.get(0, 0));
    };
    EXPECT_EQ(status(dead), "FAILED interrupted true");
    EXPECT_EQ(status(running), "VALIDATING - false");
    EXPECT_EQ(status(done), "SUCCESS - false");
    ASSERT_TRUE(live->exec_script("ROLLBACK"));  // the import's process died
    EXPECT_EQ(fail_interrupted(db), 1);
    EXPECT_EQ(status(running), "FAILED interrupted true");
}

// A running server marks an import FAILED once no worker holds it (its process died, or
// PostgreSQL went away before it could record its failure), without waiting for a restart; an
// import whose worker still holds its lock is left alone (issue 11, defect 3).
TEST(ImportsEngine, TheServerSweepsInterruptedImportsWhileItRuns) {
    Config config = test_config();
    config.interrupted_import_check = std::chrono::milliseconds(50);
    TestServer server(config);
    TestDatabase& db = server.db();
    Org org = create_org(db);
    // The running import's lock is held before its row exists: the sweep, every 50 ms from the
    // start, never sees it unheld.
    const std::string running(db.exec("SELECT gen_random_uuid()::text").get(0, 0));
    auto live = db::SyncConnection::open(db.url());
    ASSERT_TRUE(live && hold_import_lock(*live, running));
    db.exec(
        "INSERT INTO import_logs (id, file_name, import_type, imported_by, status) "
        "VALUES ($1::uuid, 'running.csv', 'METRICS', $2::uuid, 'VALIDATING')",
        db::params(running, org.admin));
    auto ids = import_logs_in(db, org, {"PROCESSING"});
    ASSERT_EQ(ids.size(), 1u);
    const std::string dead = ids[0];
    auto status = [&](const std::string& id) {
        return std::string(
            db.exec("SELECT status::text FROM import_logs WHERE id = $1::uuid", db::params(id))
                .get(0, 0));
    };
    for (int i = 0; i < 400 && status(dead) != "FAILED"; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    EXPECT_EQ(status(dead), "FAILED");
    EXPECT_EQ(status(running), "VALIDATING");    // swept many times since, still held
    ASSERT_TRUE(live->exec_script("ROLLBACK"));  // its worker is gone
    for (int i = 0; i < 400 && status(running) != "FAILED"; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(25));
    EXPECT_EQ(status(running), "FAILED");
}

TEST(ImportsEngine, AStatusChangedMeanwhileIsARefusalNotAnOverwrite) {
    TestDatabase db;
    Org org = create_org(db);
    auto conn = db::SyncConnection::open(db.url());
    ASSERT_TRUE(conn);
    imports::ImportOptions o;
    o.actor = {org.admin, auth::Role::Admin, "", "test", ""};
    imports::ImportLog log(*conn, o);
    std::string id(db.exec("SELECT gen_random_uuid()::text").get(0, 0));
    auto created = log.create(id, "m.csv", {"/nowhere/m.csv", std::string(64, 'a'), 10});
    ASSERT_TRUE(created) << created.error().message;
    auto status = [&] {
        return std::string(
            db.exec("SELECT status::text || ' ' || coalesce(error_summary, '-') FROM import_logs "
                    "WHERE id = $1::uuid",
                    db::params(id))
                .get(0, 0));
    };
    EXPECT_EQ(status(), "VALIDATING -");
    // Another writer moved it on (as start-up recovery would a log whose lock nobody held).
    db.exec(
        "UPDATE import_logs SET status = 'FAILED', error_summary = 'interrupted' "
        "WHERE id = $1::uuid",
        db::params(id));
    auto processing = log.start_processing(5, 10);
    ASSERT_FALSE(processing);
    EXPECT_EQ(processing.error().code, ErrorCode::Conflict);
    auto failed = log.fail(*conn, imports::Report{}, "The header row cannot be used.");
    ASSERT_FALSE(failed);
    EXPECT_EQ(failed.error().code, ErrorCode::Conflict);
    EXPECT_EQ(status(), "FAILED interrupted");
}

// `coach ARGS` with the test database; returns the exit code (stdout in `out`).
int coach(const std::string& url, const fs::path& data_dir, const std::string& args,
          std::string* out = nullptr) {
    std::string exe = fs::read_symlink("/proc/self/exe").parent_path() / "coach";
    std::string cmd = "COACH_DATABASE_URL='" + url + "' COACH_DATA_DIR='" + data_dir.string() +
                      "' COACH_LOG_LEVEL=error '" + exe + "' " + args + " 2>/dev/null";
    FILE* p = popen(cmd.c_str(), "r");
    std::string text;
    char buf[256];
    while (std::fgets(buf, sizeof buf, p))
        text += buf;
    int status = pclose(p);
    if (out)
        *out = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(ImportsEngine, CommandLine) {
    TestDatabase db;
    Org org = create_org(db);
    auto dir = scratch_dir("cli");
    auto file = dir / "march.csv";
    std::ofstream(file) << "Employee ID,Date,Quality\nE1,2024-03-01,80\nE3,2024-03-01,70\n";
    std::string out;
    EXPECT_EQ(coach(db.url(), dir, "import " + file.string() + " --type METRICS --dry-run", &out),
              0);
    EXPECT_NE(out.find("SUCCESS (dry run)"), std::string::npos) << out;
    EXPECT_EQ(db.exec("SELECT count(*) FROM performance_metrics").get_int(0, 0), 0);
    EXPECT_EQ(coach(db.url(), dir, "import " + file.string() + " --type METRICS", &out), 0);
    EXPECT_NE(out.find("2 rows inserted, 0 updated, 0 unchanged."), std::string::npos) << out;
    EXPECT_EQ(db.exec("SELECT count(*) FROM performance_metrics").get_int(0, 0), 2);
    // The importer is the first admin.
    EXPECT_EQ(db.exec("SELECT imported_by::text FROM import_logs WHERE NOT dry_run").get(0, 0),
              org.admin);
    EXPECT_EQ(coach(db.url(), dir, "import " + file.string() + " --type METRICS"), 4);  // 409
    // As m1, a3 (m2's agent) is unknown: partial success (3), strict failure (1).
    EXPECT_EQ(coach(db.url(), dir,
                    "import " + file.string() +
                        " --type METRICS --force --as m1@org.test "
                        "--mode partial"),
              3);
    EXPECT_EQ(coach(db.url(), dir,
                    "import " + file.string() + " --type METRICS --force --as m1@org.test"),
              1);
    // Only administrators import users (refused before anything is stored).
    EXPECT_EQ(
        coach(db.url(), dir, "import " + file.string() + " --type USERS --force --as m1@org.test"),
        2);
    EXPECT_EQ(coach(db.url(), dir, "import /nonexistent.csv --type METRICS"), 2);
    EXPECT_EQ(coach(db.url(), dir, "import " + file.string() + " --as tl1@org.test"), 2);
    fs::remove_all(dir);
}

TEST(ImportsEngine, KillDashNineMidImportLeavesTheDataAsBeforeAndTheLogFailed) {
    TestDatabase db;
    Org org = create_org(db);
    db.exec(
        "INSERT INTO performance_metrics (agent_id, metric_date, service_score) VALUES "
        "($1::uuid, '1200-01-01', 1), ($2::uuid, '2024-01-01', 2)",
        db::params(org.a1, org.a2));
    const std::string before = digest(db);
    auto dir = scratch_dir("kill");
    auto file = dir / "huge.csv";
    std::ofstream(file) << big_csv(250000, 1100);  // 500,000 rows, rewriting 1200-01-01 too
    std::string exe = fs::read_symlink("/proc/self/exe").parent_path() / "coach";
    std::string url = db.url(), data = dir.string();
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        setenv("COACH_DATABASE_URL", url.c_str(), 1);
        setenv("COACH_DATA_DIR", data.c_str(), 1);
        setenv("COACH_LOG_LEVEL", "error", 1);
        execl(exe.c_str(), exe.c_str(), "import", file.c_str(), "--type", "METRICS",
              static_cast<char*>(nullptr));
        _exit(127);
    }
    // Wait (bounded) until rows are being read and sent, then kill -9.
    bool mid_import = false;
    for (int i = 0; i < 3000 && !mid_import; ++i) {
        auto r = db.exec(
            "SELECT count(*) FROM import_logs WHERE status = 'VALIDATING' AND "
            "processed_rows > 0");
        mid_import = r.get_int(0, 0) == 1;
        if (!mid_import)
            std::this_thread::sleep_for(10ms);
    }
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(mid_import) << "the import never showed progress";
    EXPECT_EQ(digest(db), before);
    EXPECT_EQ(db.exec("SELECT count(*) FROM import_metric_changes").get_int(0, 0), 0);
    // The server ends the dead client's session (and its lock) on its own; then the log is
    // marked FAILED as at the next start.
    long failed = 0;
    for (int i = 0; i < 1000 && failed == 0; ++i) {
        failed = fail_interrupted(db);
        if (failed == 0)
            std::this_thread::sleep_for(10ms);
    }
    EXPECT_EQ(failed, 1);
    auto log = db.exec("SELECT status::text, error_summary FROM import_logs");
    EXPECT_EQ(log.get(0, 0), "FAILED");
    EXPECT_EQ(log.get(0, 1), "interrupted");
    EXPECT_EQ(digest(db), before);
    fs::remove_all(dir);
}

}  // namespace
}  // namespace coach::test
