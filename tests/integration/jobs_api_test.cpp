// /api/v1/jobs: who may list and run jobs, the run's answer (the job_runs row), 409 when the
// job is running elsewhere, 404 for an unknown job, bad bodies, and the audit trail.
#include "jobs/registry.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {
namespace json = boost::json;

class JobsApi : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        org_ = new Org(create_org(server_->db()));
        for (auto who : {"admin", "m1", "tl1", "a1"})
            (*tokens_)[who] = login(*server_, std::string(who) + "@org.test");
    }
    static void TearDownTestSuite() {
        delete org_;
        delete server_;
        tokens_->clear();
    }
    static HttpResult as(const std::string& who, const std::string& method,
                         const std::string& target, const std::string& body = {}) {
        return server_->as(tokens_->at(who), method, target, body);
    }
    static TestServer* server_;
    static Org* org_;
    static std::map<std::string, std::string>* tokens_;
};
TestServer* JobsApi::server_ = nullptr;
Org* JobsApi::org_ = nullptr;
std::map<std::string, std::string>* JobsApi::tokens_ = new std::map<std::string, std::string>();

std::string str(const json::value& v) {
    return v.is_string() ? std::string(v.as_string()) : json::serialize(v);
}

// The details of a 422 as "field: message" lines.
std::string details(const HttpResult& r) {
    std::string out;
    auto body = r.json();
    for (const auto& d : body.at("error").at("details").as_array())
        out += str(d.at("field")) + ": " + str(d.at("message")) + "\n";
    return out;
}

TEST_F(JobsApi, AdminsAndManagersListTheJobsOthersMayNot) {
    for (auto who : {"admin", "m1"}) {
        auto r = as(who, "GET", "/api/v1/jobs");
        ASSERT_EQ(r.status, 200) << who << r.body;
        auto v = r.json();
        EXPECT_TRUE(v.at("next_cursor").is_null());
        const auto& items = v.at("items").as_array();
        ASSERT_EQ(items.size(), jobs::all_jobs().size());
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& job = jobs::all_jobs()[i];
            EXPECT_EQ(str(items[i].at("name")), job.name);
            EXPECT_EQ(str(items[i].at("time")), job.default_time);
            EXPECT_EQ(str(items[i].at("timezone")), "UTC");
            EXPECT_EQ(str(items[i].at("description")), job.description);
            EXPECT_EQ(items[i].at("takes_full").as_bool(), job.takes_full);
            EXPECT_TRUE(items[i].at("next_run_at").is_string());
            EXPECT_TRUE(items[i].at("runs").is_array());
        }
    }
    for (auto who : {"tl1", "a1"}) {
        auto r = as(who, "GET", "/api/v1/jobs");
        EXPECT_EQ(r.status, 403) << who;
        EXPECT_EQ(r.error_code(), "forbidden");
    }
    EXPECT_EQ(server_->request("GET", "/api/v1/jobs").status, 401);
}

TEST_F(JobsApi, OnlyAnAdminRunsAJobAndTheAnswerIsTheRunRow) {
    for (auto who : {"m1", "tl1", "a1"}) {
        auto r = as(who, "POST", "/api/v1/jobs/team_summary/run");
        EXPECT_EQ(r.status, 403) << who;
        EXPECT_EQ(r.error_code(), "forbidden");
        // A role that may not run jobs learns nothing about job names either.
        EXPECT_EQ(as(who, "POST", "/api/v1/jobs/no_such_job/run").status, 403);
    }
    EXPECT_EQ(server_->db().exec("SELECT count(*) FROM job_runs").get_int(0, 0), 0);

    auto r = as("admin", "POST", "/api/v1/jobs/team_summary/run");
    ASSERT_EQ(r.status, 200) << r.body;
    auto row = r.json().as_object();
    EXPECT_EQ(str(row.at("job_name")), "team_summary");
    EXPECT_EQ(str(row.at("status")), "SUCCESS");
    EXPECT_EQ(row.at("rows_affected").as_int64(), 2);  // tl1 and tl2
    EXPECT_EQ(str(row.at("params").at("trigger")), "api");
    EXPECT_NE(str(row.at("instance")).find("/api"), std::string::npos);
    EXPECT_TRUE(row.at("error").is_null());
    // Audited with the run, as the admin.
    auto audit = server_->db().exec(
        "SELECT actor_id::text, entity_type, after->>'rows_affected' FROM audit_log "
        "WHERE action = 'job.run' AND entity_id = $1::uuid",
        db::params(str(row.at("id"))));
    ASSERT_EQ(audit.rows(), 1);
    EXPECT_EQ(audit.get(0, 0), org_->admin);
    EXPECT_EQ(audit.get(0, 1), "job_runs");
    EXPECT_EQ(audit.get(0, 2), "2");

    // The list shows it, newest first, and managers see it too.
    auto list = as("m1", "GET", "/api/v1/jobs");
    ASSERT_EQ(list.status, 200);
    auto listed = list.json();
    for (const auto& item : listed.at("items").as_array()) {
        if (str(item.at("name")) != "team_summary")
            continue;
        ASSERT_EQ(item.at("runs").as_array().size(), 1u);
        EXPECT_EQ(str(item.at("runs").as_array()[0].at("id")), str(row.at("id")));
        EXPECT_EQ(str(item.at("last_success_at")), str(row.at("started_at")));
    }
}

TEST_F(JobsApi, RunOptionsDateAndFull) {
    auto dated = as("admin", "POST", "/api/v1/jobs/retention/run", R"({"date": "2024-02-29"})");
    ASSERT_EQ(dated.status, 200) << dated.body;
    EXPECT_EQ(str(dated.json().at("params").at("date")), "2024-02-29");
    EXPECT_EQ(str(dated.json().at("params").at("today")), "2024-02-29");
    auto full = as("admin", "POST", "/api/v1/jobs/history/run", R"({"full": true})");
    ASSERT_EQ(full.status, 200) << full.body;
    EXPECT_EQ(str(full.json().at("params").at("mode")), "full");
    EXPECT_EQ(
        as("admin", "POST", "/api/v1/jobs/history/run", R"({"full": false, "date": null})").status,
        200);
}

TEST_F(JobsApi, UnknownJobIs404AndBadBodiesAreRefused) {
    auto unknown = as("admin", "POST", "/api/v1/jobs/no_such_job/run");
    EXPECT_EQ(unknown.status, 404);
    EXPECT_EQ(unknown.error_code(), "not_found");
    EXPECT_EQ(as("admin", "GET", "/api/v1/jobs/history/run").status, 405);

    auto r = as("admin", "POST", "/api/v1/jobs/overdue_sweep/run", R"({"date": "2024-13-01"})");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(r.error_code(), "validation_failed");
    EXPECT_EQ(details(r), "date: must be a date (YYYY-MM-DD)\n");

    r = as("admin", "POST", "/api/v1/jobs/overdue_sweep/run", R"({"date": "2999-01-01"})");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(details(r).substr(0, 31), "date: must not be after today (");

    r = as("admin", "POST", "/api/v1/jobs/overdue_sweep/run",
           R"({"date": 20240101, "full": "yes", "force": true})");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(details(r),
              "force: is not a known field\ndate: must be a string\nfull: must be true or "
              "false\n");

    r = as("admin", "POST", "/api/v1/jobs/overdue_sweep/run", R"({"full": true})");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(details(r), "full: only the history job has a full rebuild\n");
    r = as("admin", "POST", "/api/v1/jobs/team_summary/run", R"({"date": "2024-01-01"})");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(details(r), "date: the team_summary job takes no date\n");

    EXPECT_EQ(as("admin", "POST", "/api/v1/jobs/overdue_sweep/run", "{\"date\":").status, 400);
    EXPECT_EQ(as("admin", "POST", "/api/v1/jobs/overdue_sweep/run", "[]").status, 400);
    RequestOptions o;
    o.token = tokens_->at("admin");
    o.content_type = "text/plain";
    o.body = "date=2024-01-01";
    EXPECT_EQ(server_->request("POST", "/api/v1/jobs/overdue_sweep/run", o).status, 415);
    // None of these ran anything.
    EXPECT_EQ(server_->db()
                  .exec("SELECT count(*) FROM job_runs WHERE job_name = 'overdue_sweep'")
                  .get_int(0, 0),
              0);
}

TEST_F(JobsApi, AJobRunningElsewhereIs409AndAFailedRunIsReported) {
    auto& db = server_->db();
    db.exec("BEGIN");
    db.exec("SELECT pg_advisory_xact_lock(hashtext('coach.job.percentiles')::bigint)");
    auto busy = as("admin", "POST", "/api/v1/jobs/percentiles/run");
    db.exec("COMMIT");
    EXPECT_EQ(busy.status, 409) << busy.body;
    EXPECT_EQ(busy.error_code(), "conflict");
    EXPECT_EQ(str(busy.json().at("error").at("message")),
              "The percentiles job is already running; try again when it has finished.");
    auto skipped = db.exec(
        "SELECT status::text, error FROM job_runs WHERE job_name = 'percentiles' "
        "ORDER BY started_at DESC LIMIT 1");
    EXPECT_EQ(skipped.get(0, 0), "SKIPPED");
    EXPECT_EQ(skipped.get(0, 1), "already running");
    EXPECT_EQ(as("admin", "POST", "/api/v1/jobs/percentiles/run").status, 200);

    // A job that fails: the run happened, the row says FAILED and why.
    db.exec("ALTER MATERIALIZED VIEW team_performance_summary RENAME TO tps_away");
    auto failed = as("admin", "POST", "/api/v1/jobs/team_summary/run");
    db.exec("ALTER MATERIALIZED VIEW tps_away RENAME TO team_performance_summary");
    ASSERT_EQ(failed.status, 200) << failed.body;
    EXPECT_EQ(str(failed.json().at("status")), "FAILED");
    EXPECT_NE(str(failed.json().at("error")).find("does not exist"), std::string::npos);
    // Nothing audited for a run that changed nothing.
    EXPECT_EQ(db.exec("SELECT count(*) FROM audit_log WHERE entity_id = $1::uuid",
                      db::params(str(failed.json().at("id"))))
                  .get_int(0, 0),
              0);
}

}  // namespace
}  // namespace coach::test
