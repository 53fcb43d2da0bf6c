// /api/v1/performance-metrics for every role, in and out of scope: per-row upsert results,
// validation, list pagination, delete, audit, and the history that follows the writes.
#include "metrics/metric_input.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <set>

namespace coach::test {
namespace {
namespace json = boost::json;

class MetricsApi : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        org_ = new Org(create_org(server_->db()));
        for (auto who : {"admin", "m1", "m2", "tl1", "tl2", "a1", "a2", "a3"})
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
    static HttpResult put(const std::string& who, const std::string& body) {
        return as(who, "PUT", "/api/v1/performance-metrics", body);
    }
    // Rows the description calls invalid, on purpose: each gets its error in the 200.
    static HttpResult put_invalid_rows(const std::string& who, const std::string& body) {
        RequestOptions o;
        o.token = tokens_->at(who);
        o.body = body;
        o.invalid_parts = true;
        return server_->request("PUT", "/api/v1/performance-metrics", o);
    }
    // "<status>" or "<status> <field>: <message>; ..." of each item of a PUT response.
    static std::vector<std::string> outcomes(const HttpResult& r) {
        std::vector<std::string> out;
        auto v = r.json();
        for (const auto& item : v.at("items").as_array()) {
            std::string s(item.at("status").as_string());
            if (auto* errors = item.as_object().if_contains("errors")) {
                std::string sep = " ";
                for (const auto& e : errors->as_array()) {
                    s += sep + std::string(e.at("field").as_string()) + ": " +
                         std::string(e.at("message").as_string());
                    sep = "; ";
                }
            }
            out.push_back(s);
        }
        return out;
    }
    // (metric_date, agent key) of every item of the collection at `target`, following
    // next_cursor, in order. Agent keys: "a1", "a2", "a3".
    static std::vector<std::string> days(const std::string& who, const std::string& target) {
        std::vector<std::string> out;
        const Org& o = *org_;
        std::map<std::string, std::string> name{{o.a1, "a1"}, {o.a2, "a2"}, {o.a3, "a3"}};
        for (const auto& item : all_items(*server_, tokens_->at(who), target))
            out.push_back(std::string(item.at("metric_date").as_string()) + " " +
                          name[std::string(item.at("agent_id").as_string())]);
        return out;
    }
    static long long count(const std::string& sql, const db::Params& p = {}) {
        return server_->db().exec(sql, p).get_int(0, 0);
    }
    static std::string row(const std::string& agent, const std::string& date,
                           const std::string& columns = "") {
        return "{\"agent_id\":\"" + agent + "\",\"metric_date\":\"" + date + "\"" +
               (columns.empty() ? "" : "," + columns) + "}";
    }
    static TestServer* server_;
    static Org* org_;
    static std::map<std::string, std::string>* tokens_;
};
TestServer* MetricsApi::server_ = nullptr;
Org* MetricsApi::org_ = nullptr;
std::map<std::string, std::string>* MetricsApi::tokens_ = new std::map<std::string, std::string>();

constexpr const char* kFive =
    R"("service_score":80,"productivity_score":70,"quality_score":90,"attendance_rate":100,)"
    R"("adherence_score":60)";

TEST_F(MetricsApi, PutReportsEveryRowAndWritesTheValidOnes) {
    const Org& o = *org_;
    std::string body = "[" + row(o.a1, "2024-01-10", kFive) + "," +                     // 0 created
                       row(o.a3, "2024-01-10", R"("csat":4.5,"aht":330)") +             // 1 created
                       "," + row(o.a2, "2024-01-10", R"("service_score":101)") + "," +  // 2
                       row(o.tl1, "2024-01-10") + "," +  // 3 not an agent
                       row("00000000-0000-0000-0000-000000000000", "2024-01-10") +  // 4
                       "," + row(o.gone, "2024-01-10") + "]";  // 5 soft-deleted agent
    auto r = put_invalid_rows("admin", body);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(outcomes(r),
              (std::vector<std::string>{"created", "created",
                                        "error service_score: must be between 0 and 100",
                                        "error agent_id: must be an agent",
                                        "error agent_id: not found", "error agent_id: not found"}));
    auto v = r.json();
    EXPECT_EQ(json::serialize(v.at("summary")),
              R"({"created":2,"updated":0,"unchanged":0,"failed":4})");
    const auto& first = v.at("items").at(0);
    EXPECT_EQ(first.at("index").as_int64(), 0);
    EXPECT_EQ(first.at("agent_id").as_string(), o.a1);
    EXPECT_EQ(first.at("metric_date").as_string(), "2024-01-10");
    std::string id(first.at("id").as_string());
    EXPECT_TRUE(v.at("items").at(2).at("id").is_null());
    // composite = 0.25*80 + 0.20*70 + 0.20*90 + 0.20*100 + 0.15*60 = 20+14+18+20+9 = 81.00
    auto stored = server_->db().exec(
        "SELECT composite_score::text, csat IS NULL FROM performance_metrics WHERE id = $1::uuid",
        db::params(id));
    EXPECT_EQ(stored.get(0, 0), "81.00");
    EXPECT_TRUE(stored.get_bool(0, 1));
    EXPECT_EQ(count("SELECT count(*) FROM performance_metrics WHERE metric_date = '2024-01-10'"),
              2);  // a1 and a3 only

    // The same rows again: nothing changes, nothing is written or audited.
    auto again = put_invalid_rows("admin", body);
    ASSERT_EQ(again.status, 200) << again.body;
    EXPECT_EQ(outcomes(again)[0], "unchanged");
    EXPECT_EQ(outcomes(again)[1], "unchanged");
    EXPECT_EQ(again.json().at("items").at(0).at("id").as_string(), id);
    EXPECT_EQ(json::serialize(again.json().at("summary")),
              R"({"created":0,"updated":0,"unchanged":2,"failed":4})");

    // PUT replaces the day: service 90 (composite 22.5+14+18+20+9 = 83.50), and the omitted
    // productivity_score becomes NULL on a3's row (composite stays NULL).
    auto changed = put("admin", "[" +
                                    row(o.a1, "2024-01-10",
                                        R"("service_score":90,"productivity_score":70,)"
                                        R"("quality_score":90,"attendance_rate":100,)"
                                        R"("adherence_score":60)") +
                                    "," + row(o.a3, "2024-01-10", R"("csat":4.5)") + "]");
    ASSERT_EQ(changed.status, 200) << changed.body;
    EXPECT_EQ(outcomes(changed), (std::vector<std::string>{"updated", "updated"}));
    EXPECT_EQ(changed.json().at("items").at(0).at("id").as_string(), id);  // same row
    auto now = server_->db().exec(
        "SELECT composite_score::text, (SELECT aht FROM performance_metrics WHERE agent_id = "
        "$2::uuid AND metric_date = '2024-01-10') IS NULL FROM performance_metrics WHERE id = "
        "$1::uuid",
        db::params(id, o.a3));
    EXPECT_EQ(now.get(0, 0), "83.50");
    EXPECT_TRUE(now.get_bool(0, 1));

    // Audit: one entry per request that changed something (the first and the third).
    auto audit = server_->db().exec(
        "SELECT after = $1::jsonb, after = $2::jsonb, actor_id::text, entity_id IS NULL "
        "FROM audit_log WHERE action = 'metrics.upsert' AND entity_type = 'performance_metrics' "
        "ORDER BY created_at",
        db::params(R"({"created":2,"updated":0,"unchanged":0,"failed":4})",
                   R"({"created":0,"updated":2,"unchanged":0,"failed":0})"));
    ASSERT_EQ(audit.rows(), 2);
    EXPECT_TRUE(audit.get_bool(0, 0));
    EXPECT_TRUE(audit.get_bool(1, 1));
    EXPECT_EQ(audit.get(0, 2), o.admin);
    EXPECT_TRUE(audit.get_bool(0, 3));
}

TEST_F(MetricsApi, PutOneObjectAndEveryColumn) {
    const Org& o = *org_;
    auto r = put("m1", row(o.a2, "2024-01-11",
                           R"("service_score":100,"productivity_score":0,"quality_score":55.55,)"
                           R"("attendance_rate":99.99,"adherence_score":0.01,"csat":1,"fcr":100,)"
                           R"("aht":2147483647,"calls_handled":0,"calls_transferred":3,)"
                           R"("calls_escalated":1,"scheduled_hours":24,"actual_hours":7.75,)"
                           R"("break_time_minutes":30,"lunch_time_minutes":60,)"
                           R"("aux_time_minutes":0,"script_adherence":90,"compliance_score":95,)"
                           R"("qa_score":88.5,"imported_from":"api")"));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(outcomes(r), std::vector<std::string>{"created"});
    std::string id(r.json().at("items").at(0).at("id").as_string());
    auto got = as("m1", "GET", "/api/v1/performance-metrics/" + id);
    ASSERT_EQ(got.status, 200) << got.body;
    auto v = got.json().as_object();
    // 20 writable columns + id, agent_id, metric_date, composite_score, created_at, updated_at
    EXPECT_EQ(v.size(), 26u) << got.body;
    EXPECT_EQ(v.at("aht").as_int64(), 2147483647);
    EXPECT_EQ(v.at("actual_hours").as_double(), 7.75);
    EXPECT_EQ(v.at("imported_from").as_string(), "api");
    // composite = 25 + 0 + 11.11 + 19.998 + 0.0015 = 56.1095 -> 56.11
    EXPECT_EQ(v.at("composite_score").as_double(), 56.11);
    EXPECT_EQ(v.at("metric_date").as_string(), "2024-01-11");
}

TEST_F(MetricsApi, PutWhoMayWriteWhom) {
    const Org& o = *org_;
    // m1 sees a1, a2 only: a3 (m2's) is "not found" for m1 and written by m2.
    auto m1 = put("m1", "[" + row(o.a1, "2024-01-12") + "," + row(o.a3, "2024-01-12") + "]");
    ASSERT_EQ(m1.status, 200) << m1.body;
    EXPECT_EQ(outcomes(m1), (std::vector<std::string>{"created", "error agent_id: not found"}));
    auto m2 = put("m2", "[" + row(o.a3, "2024-01-12") + "," + row(o.tl2, "2024-01-12") + "," +
                            row(o.m1, "2024-01-12") + "]");
    ASSERT_EQ(m2.status, 200) << m2.body;
    // tl2 is visible to m2 but not an agent; m1 is outside m2's scope.
    EXPECT_EQ(outcomes(m2), (std::vector<std::string>{"created", "error agent_id: must be an agent",
                                                      "error agent_id: not found"}));
    // Team leaders and agents may not write at all, whatever the body.
    for (auto who : {"tl1", "a1"}) {
        auto r = put(who, row(o.a1, "2024-01-12"));
        EXPECT_EQ(r.status, 403) << who;
        EXPECT_EQ(
            r.body,
            R"({"error":{"code":"forbidden","message":"Only administrators and managers may write metrics.","details":[]}})");
        auto bad = put(who, "not json");
        EXPECT_EQ(bad.status, 403) << who;
    }
}

TEST_F(MetricsApi, PutRequestLevelErrors) {
    const Org& o = *org_;
    auto malformed = put("admin", "{\"agent_id\":");
    EXPECT_EQ(malformed.status, 400);
    EXPECT_EQ(
        malformed.body,
        R"({"error":{"code":"bad_request","message":"The request body is not valid JSON.","details":[]}})");
    auto scalar = put("admin", "42");
    EXPECT_EQ(scalar.status, 400);
    EXPECT_EQ(scalar.error_code(), "bad_request");
    auto empty = put("admin", "[]");
    EXPECT_EQ(empty.status, 422);
    EXPECT_EQ(
        empty.body,
        R"({"error":{"code":"validation_failed","message":"The request has invalid fields.","details":[{"field":"body","message":"must hold at least one row"}]}})");
    std::string many = "[";
    for (int i = 0; i < 1001; ++i)
        many += std::string(i ? "," : "") + row(o.a1, "2024-01-13");
    many += "]";
    auto big = put("admin", many);
    EXPECT_EQ(big.status, 413);
    EXPECT_EQ(big.error_code(), "payload_too_large");
    RequestOptions text;
    text.token = tokens_->at("admin");
    text.body = row(o.a1, "2024-01-13");
    text.content_type = "text/plain";
    auto wrong_type = server_->request("PUT", "/api/v1/performance-metrics", text);
    EXPECT_EQ(wrong_type.status, 415);
    EXPECT_EQ(wrong_type.error_code(), "unsupported_media_type");
    EXPECT_EQ(count("SELECT count(*) FROM performance_metrics WHERE metric_date = '2024-01-13'"),
              0);
}

TEST_F(MetricsApi, PutRowErrorsInDetail) {
    const Org& o = *org_;
    using namespace std::chrono;
    // The day after "today" in the earliest time zone is in the future everywhere.
    std::string today = metrics::today_anywhere();
    auto tomorrow_day = sys_days{year_month_day{year{std::stoi(today.substr(0, 4))},
                                                month{unsigned(std::stoi(today.substr(5, 2)))},
                                                day{unsigned(std::stoi(today.substr(8, 2)))}}} +
                        std::chrono::days{1};
    year_month_day t{tomorrow_day};
    char tomorrow[16];
    std::snprintf(tomorrow, sizeof tomorrow, "%04d-%02u-%02u", int(t.year()), unsigned(t.month()),
                  unsigned(t.day()));
    std::string body =
        "[" + row(o.a1, tomorrow) + "," + row("not-a-uuid", "2024-02-30") + "," +
        R"({"metric_date":"2024-01-14","service_score":"85","csat":5.5,"fcr":-1,)"
        R"("aht":12.5,"actual_hours":24.25,"scheduled_hours":1e3,"calls_handled":-3,)"
        R"("quality_score":85.555,"id":"x","mood":"good"})" +
        ",\"row\"," + row(o.a1, "2024-01-14") + "," + row(o.a1, "2024-01-14") + "]";
    auto r = put_invalid_rows("admin", body);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(outcomes(r),
              (std::vector<std::string>{
                  "error metric_date: must not be in the future",
                  "error agent_id: must be a UUID; metric_date: must be a date (YYYY-MM-DD)",
                  "error agent_id: is required; service_score: must be a number; quality_score: "
                  "must have at most 2 decimal places; csat: must be between 1 and 5; fcr: must "
                  "be between 0 and 100; aht: must be a whole number; calls_handled: must be "
                  "between 0 and 2147483647; scheduled_hours: must be between 0 and 24; "
                  "actual_hours: must be between 0 and 24; id: is set by the server; leave it "
                  "out; mood: is not a known field",
                  "error row: must be an object", "created",
                  "error metric_date: repeats the agent_id and metric_date of item 4 of this "
                  "request"}));
    EXPECT_EQ(json::serialize(r.json().at("summary")),
              R"({"created":1,"updated":0,"unchanged":0,"failed":5})");
    // Nothing but the valid row was written, so the audit says so too.
    auto audit = server_->db().exec(
        "SELECT after->>'failed' FROM audit_log WHERE action = 'metrics.upsert' "
        "ORDER BY created_at DESC LIMIT 1");
    EXPECT_EQ(audit.get(0, 0), "5");
}

TEST_F(MetricsApi, ListShowsExactlyTheCallersScopeNewestFirst) {
    const Org& o = *org_;
    // Three days in May 2023 for a1, a2, a3 (9 rows), composite NULL.
    server_->db().exec(R"sql(
        INSERT INTO performance_metrics (agent_id, metric_date, service_score)
        SELECT a, d, 50 FROM unnest($1::uuid[]) a,
               generate_series('2023-05-01'::date, '2023-05-03', '1 day') d)sql",
                       db::params("{" + o.a1 + "," + o.a2 + "," + o.a3 + "}"));
    std::string may = "/api/v1/performance-metrics?from=2023-05-01&to=2023-05-03";
    // Order: metric_date DESC, then agent_id DESC.
    std::vector<std::string> agents = {o.a1, o.a2, o.a3};
    std::sort(agents.rbegin(), agents.rend());
    std::map<std::string, std::string> name{{o.a1, "a1"}, {o.a2, "a2"}, {o.a3, "a3"}};
    std::vector<std::string> all;
    for (auto d : {"2023-05-03", "2023-05-02", "2023-05-01"})
        for (const auto& a : agents)
            all.push_back(std::string(d) + " " + name[a]);
    EXPECT_EQ(days("admin", may), all);
    EXPECT_EQ(days("admin", may + "&limit=2"), all);  // 5 pages, same order
    EXPECT_EQ(days("admin", may + "&limit=9"), all);  // one full page
    auto only = [&](std::set<std::string> keep) {
        std::vector<std::string> out;
        for (const auto& s : all)
            if (keep.contains(s.substr(11)))
                out.push_back(s);
        return out;
    };
    EXPECT_EQ(days("m1", may), only({"a1", "a2"}));
    EXPECT_EQ(days("m2", may), only({"a3"}));
    EXPECT_EQ(days("tl1", may + "&limit=1"), only({"a1", "a2"}));
    EXPECT_EQ(days("tl2", may), only({"a3"}));
    EXPECT_EQ(days("a2", may), only({"a2"}));
    EXPECT_EQ(days("m1", may + "&agent_id=" + o.a2), only({"a2"}));
    EXPECT_EQ(
        days("admin", "/api/v1/performance-metrics?from=2023-05-02&to=2023-05-02&agent_id=" + o.a3),
        std::vector<std::string>{"2023-05-02 a3"});
    // An agent outside the caller's scope is not found (even when it exists).
    for (auto [who, agent] :
         {std::pair{"a1", o.a2}, std::pair{"tl1", o.a3}, std::pair{"m2", o.a1},
          std::pair{"tl1", o.gone},
          std::pair{"admin", std::string("00000000-0000-0000-0000-000000000000")}}) {
        auto r = as(who, "GET", "/api/v1/performance-metrics?agent_id=" + agent);
        EXPECT_EQ(r.status, 404) << who;
        EXPECT_EQ(r.error_code(), "not_found");
    }
}

TEST_F(MetricsApi, ListRejectsBadParameters) {
    auto r = as("admin", "GET",
                "/api/v1/performance-metrics?agent_id=x&from=2024-13-01&to=yesterday&limit=501");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(
        r.body,
        R"J({"error":{"code":"validation_failed","message":"The request has invalid fields.","details":[{"field":"agent_id","message":"must be a UUID"},{"field":"from","message":"must be a date (YYYY-MM-DD)"},{"field":"to","message":"must be a date (YYYY-MM-DD)"},{"field":"limit","message":"must be an integer between 1 and 500"}]}})J");
    auto inverted = as("admin", "GET", "/api/v1/performance-metrics?from=2024-02-01&to=2024-01-01");
    EXPECT_EQ(inverted.status, 422);
    EXPECT_EQ(inverted.json().at("error").at("details").at(0).at("field").as_string(), "to");
    auto cursor =
        as("admin", "GET", "/api/v1/performance-metrics?cursor=WyJ4IiwieSJd");  // ["x","y"]
    EXPECT_EQ(cursor.status, 422);
    EXPECT_EQ(cursor.json().at("error").at("details").at(0).at("field").as_string(), "cursor");
    auto garbage = as("admin", "GET", "/api/v1/performance-metrics?cursor=!!");
    EXPECT_EQ(garbage.status, 422);
    auto anonymous = server_->request("GET", "/api/v1/performance-metrics");
    EXPECT_EQ(anonymous.status, 401);
}

TEST_F(MetricsApi, GetOneRespectsScope) {
    const Org& o = *org_;
    auto r = put("admin", row(o.a3, "2024-01-15", kFive));
    ASSERT_EQ(r.status, 200) << r.body;
    std::string id(r.json().at("items").at(0).at("id").as_string());
    std::string path = "/api/v1/performance-metrics/" + id;
    for (auto who : {"admin", "m2", "tl2", "a3"})
        EXPECT_EQ(as(who, "GET", path).status, 200) << who;
    for (auto who : {"m1", "tl1", "a1", "a2"}) {
        auto out = as(who, "GET", path);
        EXPECT_EQ(out.status, 404) << who;
        EXPECT_EQ(out.error_code(), "not_found");
    }
    EXPECT_EQ(as("admin", "GET", "/api/v1/performance-metrics/00000000-0000-0000-0000-000000000000")
                  .status,
              404);
    auto bad = as("admin", "GET", "/api/v1/performance-metrics/123");
    EXPECT_EQ(bad.status, 400);
    EXPECT_EQ(
        bad.body,
        R"({"error":{"code":"bad_request","message":"The id must be a UUID.","details":[]}})");
}

TEST_F(MetricsApi, DeleteByRoleWithAudit) {
    const Org& o = *org_;
    auto r = put("admin", row(o.a1, "2024-01-16", kFive));
    ASSERT_EQ(r.status, 200) << r.body;
    std::string id(r.json().at("items").at(0).at("id").as_string());
    std::string path = "/api/v1/performance-metrics/" + id;
    EXPECT_EQ(as("tl1", "DELETE", path).status, 403);  // reads a1, may not delete
    EXPECT_EQ(as("a1", "DELETE", path).status, 403);   // own row: read only
    EXPECT_EQ(as("m2", "DELETE", path).status, 404);   // a1 is outside m2's scope
    EXPECT_EQ(as("tl2", "DELETE", path).status, 404);
    EXPECT_EQ(as("a2", "DELETE", path).status, 404);
    EXPECT_EQ(as("m1", "DELETE", "/api/v1/performance-metrics/nope").status, 400);
    auto done = as("m1", "DELETE", path);
    EXPECT_EQ(done.status, 204) << done.body;
    EXPECT_EQ(as("m1", "DELETE", path).status, 404);  // gone
    EXPECT_EQ(count("SELECT count(*) FROM performance_metrics WHERE id = $1::uuid", db::params(id)),
              0);
    auto audit = server_->db().exec(
        "SELECT before->>'service_score', before->>'metric_date', after IS NULL, actor_id::text "
        "FROM audit_log WHERE action = 'metrics.delete' AND entity_id = $1::uuid",
        db::params(id));
    ASSERT_EQ(audit.rows(), 1);
    EXPECT_EQ(audit.get(0, 0), "80.00");
    EXPECT_EQ(audit.get(0, 1), "2024-01-16");
    EXPECT_TRUE(audit.get_bool(0, 2));
    EXPECT_EQ(audit.get(0, 3), o.m1);

    // An admin deletes anyone's row.
    auto again = put("admin", row(o.a3, "2024-01-16"));
    std::string id3(again.json().at("items").at(0).at("id").as_string());
    EXPECT_EQ(as("admin", "DELETE", "/api/v1/performance-metrics/" + id3).status, 204);
}

// The history of the agent follows every write at once.
TEST_F(MetricsApi, HistoryFollowsWrites) {
    const Org& o = *org_;
    // a2, week Mon 2023-09-04 .. Sun 2023-09-10: Tue composite 81.00 (kFive), Wed all 71:
    // 0.25*71 + 0.2*71*3 + 0.15*71 = 71.00.
    auto r = put("m1", "[" + row(o.a2, "2023-09-05", kFive) + "," +
                           row(o.a2, "2023-09-06",
                               R"("service_score":71,"productivity_score":71,"quality_score":71,)"
                               R"("attendance_rate":71,"adherence_score":71)") +
                           "]");
    ASSERT_EQ(r.status, 200) << r.body;
    std::string history = "/api/v1/performance-history?agent_id=" + o.a2 +
                          "&period_type=WEEK&from=2023-09-10&to=2023-09-10";
    auto week = as("a2", "GET", history);
    ASSERT_EQ(week.status, 200) << week.body;
    auto items = week.json().at("items").as_array();
    ASSERT_EQ(items.size(), 1u) << week.body;
    // avg composite (81+71)/2 = 76.00; variance (25+25)/1 = 50.00; service (80+71)/2 = 75.50
    EXPECT_EQ(items[0].at("avg_composite_score").as_double(), 76.0);
    EXPECT_EQ(items[0].at("score_variance").as_double(), 50.0);
    EXPECT_EQ(items[0].at("avg_service_score").as_double(), 75.5);
    EXPECT_EQ(items[0].at("days_worked").as_int64(), 2);
    // September and Q3 2023 exist too (week 09-10, month 09-30, quarter 09-30).
    EXPECT_EQ(count("SELECT count(*) FROM performance_history WHERE agent_id = $1::uuid AND "
                    "period_ending BETWEEN '2023-09-01' AND '2023-09-30'",
                    db::params(o.a2)),
              3);

    // Deleting Wednesday leaves one day: composite 81.00, variance NULL.
    std::string wed(r.json().at("items").at(1).at("id").as_string());
    ASSERT_EQ(as("m1", "DELETE", "/api/v1/performance-metrics/" + wed).status, 204);
    week = as("a2", "GET", history);
    items = week.json().at("items").as_array();
    ASSERT_EQ(items.size(), 1u) << week.body;
    EXPECT_EQ(items[0].at("avg_composite_score").as_double(), 81.0);
    EXPECT_TRUE(items[0].at("score_variance").is_null());
    EXPECT_EQ(items[0].at("days_worked").as_int64(), 1);

    // Deleting Tuesday empties the week, the month and the quarter: their rows go.
    std::string tue(r.json().at("items").at(0).at("id").as_string());
    ASSERT_EQ(as("m1", "DELETE", "/api/v1/performance-metrics/" + tue).status, 204);
    EXPECT_EQ(as("a2", "GET", history).json().at("items").as_array().size(), 0u);
    EXPECT_EQ(count("SELECT count(*) FROM performance_history WHERE agent_id = $1::uuid AND "
                    "period_ending BETWEEN '2023-09-01' AND '2023-09-30'",
                    db::params(o.a2)),
              0);
}

// Days older than 13 months live in the archive: listed and readable like live ones (a day
// both live and archived shows the live row), but read-only.
TEST_F(MetricsApi, ArchivedDaysAreReadableButReadOnly) {
    const Org& o = *org_;
    auto archived = server_->db().exec(
        "INSERT INTO performance_metrics_archive (agent_id, metric_date, service_score) VALUES "
        "($1::uuid, '2019-03-04', 61), ($1::uuid, '2019-03-05', 62) RETURNING id::text",
        db::params(o.a1));
    std::string first(archived.get(0, 0));
    // 2019-03-05 is also live again (re-imported), with another value.
    server_->db().exec(
        "INSERT INTO performance_metrics (agent_id, metric_date, service_score) "
        "VALUES ($1::uuid, '2019-03-05', 75)",
        db::params(o.a1));
    std::vector<std::string> seen;
    for (const auto& item : all_items(*server_, tokens_->at("tl1"),
                                      "/api/v1/performance-metrics?agent_id=" + o.a1 +
                                          "&from=2019-03-01&to=2019-03-31&limit=1"))
        seen.push_back(std::string(item.at("metric_date").as_string()) + " " +
                       std::to_string(item.at("service_score").as_double()).substr(0, 5));
    EXPECT_EQ(seen, (std::vector<std::string>{"2019-03-05 75.00", "2019-03-04 61.00"}));
    auto one = as("a1", "GET", "/api/v1/performance-metrics/" + first);
    ASSERT_EQ(one.status, 200) << one.body;
    EXPECT_EQ(one.json().at("service_score").as_double(), 61.0);
    EXPECT_EQ(as("a2", "GET", "/api/v1/performance-metrics/" + first).status, 404);
    auto del = as("admin", "DELETE", "/api/v1/performance-metrics/" + first);
    EXPECT_EQ(del.status, 409) << del.body;
    EXPECT_EQ(count("SELECT count(*) FROM performance_metrics_archive WHERE id = $1::uuid",
                    db::params(first)),
              1);
}

// The dashboard snapshot of the agent follows every write in the same transaction.
TEST_F(MetricsApi, DashboardSnapshotFollowsWrites) {
    const Org& o = *org_;
    auto day = [](int back) {
        return std::string(server_->db()
                               .exec("SELECT (CURRENT_DATE - $1::int)::text", db::params(back))
                               .get(0, 0));
    };
    // "latest_metric_date days_with_data avg30_service_score" of a3's snapshot.
    auto snapshot = [&] {
        auto r = server_->db().exec(
            "SELECT coalesce(latest_metric_date::text, '-') || ' ' || days_with_data || ' ' || "
            "coalesce(avg30_service_score::text, '-') FROM agent_dashboard_snapshot "
            "WHERE agent_id = $1::uuid",
            db::params(o.a3));
        return r.empty() ? std::string("none") : std::string(r.get(0, 0));
    };
    auto r = put("m2", "[" + row(o.a3, day(3), R"("service_score":60)") + "," +
                           row(o.a3, day(2), R"("service_score":91)") + "]");
    ASSERT_EQ(r.status, 200) << r.body;
    // Two days in the 30-day window: (60 + 91) / 2 = 75.50; the latest is day(2).
    EXPECT_EQ(snapshot(), day(2) + " 2 75.50");
    std::string latest(r.json().at("items").at(1).at("id").as_string());
    ASSERT_EQ(as("m2", "DELETE", "/api/v1/performance-metrics/" + latest).status, 204);
    EXPECT_EQ(snapshot(), day(3) + " 1 60.00");
}

}  // namespace
}  // namespace coach::test
