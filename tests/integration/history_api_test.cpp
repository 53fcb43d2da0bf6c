// /api/v1/performance-history for every role, in and out of scope, and the refresh helpers
// of history/refresh.hpp (the blocking one here; the async one runs on every metrics write,
// see metrics_api_test.cpp HistoryFollowsWrites).
#include "history/refresh.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <stdexcept>

namespace coach::test {
namespace {
namespace json = boost::json;

// a1: Tue 2024-01-30 80/70/90/100/60 (composite 20+14+18+20+9 = 81.00),
//     Sat 2024-02-03 70/60/80/90/50 (composite 17.5+12+16+18+7.5 = 71.00);
// a3: Thu 2024-02-01 all 50 (composite 50.00).
void insert_days(TestDatabase& db, const Org& o) {
    db.exec(R"sql(
        INSERT INTO performance_metrics (agent_id, metric_date, service_score,
            productivity_score, quality_score, attendance_rate, adherence_score)
        VALUES ($1::uuid, '2024-01-30', 80, 70, 90, 100, 60),
               ($1::uuid, '2024-02-03', 70, 60, 80, 90, 50),
               ($2::uuid, '2024-02-01', 50, 50, 50, 50, 50))sql",
            db::params(o.a1, o.a3));
}

class HistoryApi : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        org_ = new Org(create_org(server_->db()));
        for (auto who : {"admin", "m1", "m2", "tl1", "tl2", "a1", "a2", "a3"})
            (*tokens_)[who] = login(*server_, std::string(who) + "@org.test");
        insert_days(server_->db(), *org_);
        auto n = history::refresh_history_sync(server_->db().conn(), std::nullopt, "2024-01-30",
                                               "2024-02-03");
        if (!n)
            throw std::runtime_error(n.error().message);
    }
    static void TearDownTestSuite() {
        delete org_;
        delete server_;
        tokens_->clear();
    }
    static HttpResult as(const std::string& who, const std::string& method,
                         const std::string& target) {
        return server_->as(tokens_->at(who), method, target);
    }
    // "<period_type> <period_ending> <agent key>" of every item, following next_cursor.
    static std::vector<std::string> periods(const std::string& who, const std::string& target) {
        std::vector<std::string> out;
        const Org& o = *org_;
        std::map<std::string, std::string> name{{o.a1, "a1"}, {o.a2, "a2"}, {o.a3, "a3"}};
        for (const auto& item : all_items(*server_, tokens_->at(who), target))
            out.push_back(std::string(item.at("period_type").as_string()) + " " +
                          std::string(item.at("period_ending").as_string()) + " " +
                          name[std::string(item.at("agent_id").as_string())]);
        return out;
    }
    static TestServer* server_;
    static Org* org_;
    static std::map<std::string, std::string>* tokens_;
};
TestServer* HistoryApi::server_ = nullptr;
Org* HistoryApi::org_ = nullptr;
std::map<std::string, std::string>* HistoryApi::tokens_ = new std::map<std::string, std::string>();

using Periods = std::vector<std::string>;

// The suite's days on a database of their own (the suite's history is computed already).
TEST(HistoryRefresh, RefreshSyncComputesEveryPeriodType) {
    TestDatabase db;
    Org org = create_org(db);
    insert_days(db, org);
    auto& conn = db.conn();
    // Days 2024-01-30 .. 2024-02-03 changed, every agent:
    //   WEEK    ending 02-04 (a1, a3) = 2 (the next week, ending 02-11, has no data)
    //   MONTH   January (a1), February (a1, a3) = 3
    //   QUARTER Q1 (a1, a3) = 2                                         -> 7 rows
    auto n = history::refresh_history_sync(conn, std::nullopt, "2024-01-30", "2024-02-03");
    ASSERT_TRUE(n) << n.error().message;
    EXPECT_EQ(*n, 7);
    // Again: nothing changed, nothing written.
    n = history::refresh_history_sync(conn, std::nullopt, "2024-01-30", "2024-02-03");
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 0);
    // Only listed agents; an empty list or an inverted range does nothing.
    std::vector<std::string> only_a3{org.a3};
    n = history::refresh_history_sync(conn, only_a3, "2024-02-01", "2024-02-01");
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 0);
    n = history::refresh_history_sync(conn, std::vector<std::string>{}, "2024-01-01", "2024-12-31");
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 0);
    n = history::refresh_history_sync(conn, std::nullopt, "2024-12-31", "2024-01-01");
    ASSERT_TRUE(n);
    EXPECT_EQ(*n, 0);
    // Bad input is a validation error naming the parameter.
    auto bad = history::refresh_history_sync(conn, std::vector<std::string>{"x"}, "2024-02-30",
                                             "2024-03-01");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::ValidationFailed);
    ASSERT_EQ(bad.error().details.size(), 2u);
    EXPECT_EQ(bad.error().details[0].field, "from");
    EXPECT_EQ(bad.error().details[1].field, "agent_ids");
}

// The three period types at once on three connections: the same rows as one statement, in the
// caller's transaction or in one of its own, and in the session's time zone on every connection.
TEST(HistoryRefresh, ParallelRefreshWritesWhatTheSequentialOneWrites) {
    TestDatabase db;
    Org org = create_org(db);
    insert_days(db, org);
    auto& conn = db.conn();
    const std::string table =
        "SELECT string_agg(concat_ws(' ', agent_id, period_type, period_ending, "
        "avg_composite_score, score_variance, days_worked, service_trend, annotations), "
        "E'\\n' ORDER BY agent_id, period_type, period_ending) FROM performance_history";
    auto n = history::refresh_history_sync(conn, std::nullopt, "2024-01-30", "2024-02-03");
    ASSERT_TRUE(n) << n.error().message;
    ASSERT_EQ(*n, 7);
    const std::string sequential(db.exec(table).get(0, 0));
    db.exec("TRUNCATE performance_history");

    n = history::refresh_history_sync(conn, std::nullopt, "2024-01-30", "2024-02-03",
                                      history::Spread::InParts);
    ASSERT_TRUE(n) << n.error().message;
    EXPECT_EQ(*n, 7);
    EXPECT_EQ(db.exec(table).get(0, 0), sequential);
    EXPECT_EQ(PQtransactionStatus(conn.raw()), PQTRANS_IDLE);  // its own transaction, committed

    // Inside the caller's transaction (a job run): nothing changed, nothing written; the
    // caller's transaction stays open.
    ASSERT_TRUE(conn.exec("BEGIN"));
    n = history::refresh_history_sync(conn, std::nullopt, "2024-01-30", "2024-02-03",
                                      history::Spread::InParts);
    ASSERT_TRUE(n) << n.error().message;
    EXPECT_EQ(*n, 0);
    EXPECT_EQ(PQtransactionStatus(conn.raw()), PQTRANS_INTRANS);
    ASSERT_TRUE(conn.exec("COMMIT"));
    EXPECT_EQ(db.exec(table).get(0, 0), sequential);

    // The other connections run in the session's time zone (the days of coaching events).
    ASSERT_TRUE(conn.exec("SET TimeZone = 'Pacific/Kiritimati'"));
    auto sibling = conn.sibling();
    ASSERT_TRUE(sibling) << sibling.error().message;
    EXPECT_EQ(sibling->exec("SELECT current_setting('TimeZone')")->get(0, 0), "Pacific/Kiritimati");
    ASSERT_TRUE(conn.exec("RESET TimeZone"));

    // Bad input is refused before any connection is opened.
    auto bad = history::refresh_history_sync(conn, std::vector<std::string>{"x"}, "2024-02-01",
                                             "2024-02-01", history::Spread::InParts);
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error().code, ErrorCode::ValidationFailed);
}

TEST_F(HistoryApi, ItemsCarryTheComputedFigures) {
    const Org& o = *org_;
    auto r = as("tl1", "GET",
                "/api/v1/performance-history?agent_id=" + o.a1 +
                    "&period_type=WEEK&from=2024-02-04&to=2024-02-04");
    ASSERT_EQ(r.status, 200) << r.body;
    auto items = r.json().at("items").as_array();
    ASSERT_EQ(items.size(), 1u) << r.body;
    const auto& w = items[0].as_object();
    // Week ending 2024-02-04 (crosses January/February): service (80+70)/2 = 75.00,
    // productivity 65.00, quality 85.00, attendance 95.00, adherence 55.00,
    // composite (81+71)/2 = 76.00, variance (25+25)/1 = 50.00, 2 days, no previous week.
    EXPECT_EQ(w.at("avg_service_score").as_double(), 75.0);
    EXPECT_EQ(w.at("avg_productivity_score").as_double(), 65.0);
    EXPECT_EQ(w.at("avg_quality_score").as_double(), 85.0);
    EXPECT_EQ(w.at("avg_attendance_rate").as_double(), 95.0);
    EXPECT_EQ(w.at("avg_adherence_score").as_double(), 55.0);
    EXPECT_EQ(w.at("avg_composite_score").as_double(), 76.0);
    EXPECT_EQ(w.at("score_variance").as_double(), 50.0);
    EXPECT_EQ(w.at("days_worked").as_int64(), 2);
    EXPECT_TRUE(w.at("service_trend").is_null());
    EXPECT_EQ(json::serialize(w.at("annotations")), R"({"events":[]})");
    // Every column of the table: 20.
    EXPECT_EQ(w.size(), 20u) << r.body;
    for (auto key : {"id", "agent_id", "period_type", "period_ending", "created_at", "updated_at"})
        EXPECT_TRUE(w.contains(key)) << key;

    // February against January for a1: service 70 - 80 = -10.00, productivity 60 - 70.
    auto feb = as("a1", "GET",
                  "/api/v1/performance-history?period_type=MONTH&from=2024-02-29&to=2024-02-29");
    ASSERT_EQ(feb.status, 200) << feb.body;
    ASSERT_EQ(feb.json().at("items").as_array().size(), 1u) << feb.body;
    EXPECT_EQ(feb.json().at("items").at(0).at("service_trend").as_double(), -10.0);
    EXPECT_EQ(feb.json().at("items").at(0).at("productivity_trend").as_double(), -10.0);
    EXPECT_EQ(feb.json().at("items").at(0).at("days_worked").as_int64(), 1);
}

TEST_F(HistoryApi, ListShowsExactlyTheCallersScope) {
    const Org& o = *org_;
    // Latest period_ending first (ties by id, so a1/a3 order within a date is by id).
    Periods a1 = {"QUARTER 2024-03-31 a1", "MONTH 2024-02-29 a1", "WEEK 2024-02-04 a1",
                  "MONTH 2024-01-31 a1"};
    Periods a3 = {"QUARTER 2024-03-31 a3", "MONTH 2024-02-29 a3", "WEEK 2024-02-04 a3"};
    EXPECT_EQ(periods("a1", "/api/v1/performance-history"), a1);
    EXPECT_EQ(periods("a1", "/api/v1/performance-history?limit=1"), a1);  // 4 pages
    EXPECT_EQ(periods("tl1", "/api/v1/performance-history"), a1);
    EXPECT_EQ(periods("m1", "/api/v1/performance-history"), a1);
    EXPECT_EQ(periods("a3", "/api/v1/performance-history"), a3);
    EXPECT_EQ(periods("tl2", "/api/v1/performance-history"), a3);
    EXPECT_EQ(periods("m2", "/api/v1/performance-history?limit=2"), a3);
    EXPECT_EQ(periods("a2", "/api/v1/performance-history"), Periods{});
    auto all = periods("admin", "/api/v1/performance-history?limit=3");
    EXPECT_EQ(all.size(), 7u);
    // Filters: period type, period_ending range, agent.
    EXPECT_EQ(periods("admin", "/api/v1/performance-history?period_type=MONTH&agent_id=" + o.a1),
              (Periods{"MONTH 2024-02-29 a1", "MONTH 2024-01-31 a1"}));
    EXPECT_EQ(periods("m1", "/api/v1/performance-history?from=2024-02-01&to=2024-02-29"),
              (Periods{"MONTH 2024-02-29 a1", "WEEK 2024-02-04 a1"}));
    EXPECT_EQ(periods("admin", "/api/v1/performance-history?period_type=QUARTER&agent_id=" + o.a3),
              (Periods{"QUARTER 2024-03-31 a3"}));
    // Agents outside the caller's scope are not found.
    for (auto [who, agent] : {std::pair{"a1", o.a3}, std::pair{"tl2", o.a1}, std::pair{"m1", o.a3},
                              std::pair{"m2", o.gone}}) {
        auto r = as(who, "GET", "/api/v1/performance-history?agent_id=" + agent);
        EXPECT_EQ(r.status, 404) << who;
        EXPECT_EQ(r.error_code(), "not_found");
    }
    EXPECT_EQ(server_->request("GET", "/api/v1/performance-history").status, 401);
}

TEST_F(HistoryApi, BadParameters) {
    auto r = as("admin", "GET",
                "/api/v1/performance-history?period_type=DAY&agent_id=1&from=2024-02-30&limit=x");
    EXPECT_EQ(r.status, 422);
    EXPECT_EQ(
        r.body,
        R"J({"error":{"code":"validation_failed","message":"The request has invalid fields.","details":[{"field":"agent_id","message":"must be a UUID"},{"field":"from","message":"must be a date (YYYY-MM-DD)"},{"field":"limit","message":"must be an integer between 1 and 500"},{"field":"period_type","message":"must be one of WEEK, MONTH, QUARTER"}]}})J");
    auto inverted = as("admin", "GET", "/api/v1/performance-history?from=2024-03-01&to=2024-02-01");
    EXPECT_EQ(inverted.status, 422);
    auto cursor = as("admin", "GET", "/api/v1/performance-history?cursor=WyJ4IiwieSJd");
    EXPECT_EQ(cursor.status, 422);
}

TEST_F(HistoryApi, GetOneRespectsScope) {
    const Org& o = *org_;
    // A string, not a view into the result, which ends with this statement.
    std::string id(server_->db()
                       .exec("SELECT id::text FROM performance_history WHERE agent_id = $1::uuid "
                             "AND period_type = 'QUARTER'",
                             db::params(o.a3))
                       .get(0, 0));
    std::string path = "/api/v1/performance-history/" + id;
    for (auto who : {"admin", "m2", "tl2", "a3"}) {
        auto r = as(who, "GET", path);
        EXPECT_EQ(r.status, 200) << who;
        if (r.status == 200) {
            EXPECT_EQ(r.json().at("days_worked").as_int64(), 1);
        }
    }
    for (auto who : {"m1", "tl1", "a1", "a2"})
        EXPECT_EQ(as(who, "GET", path).status, 404) << who;
    EXPECT_EQ(as("admin", "GET", "/api/v1/performance-history/00000000-0000-0000-0000-000000000000")
                  .status,
              404);
    EXPECT_EQ(as("admin", "GET", "/api/v1/performance-history/x").status, 400);
}

}  // namespace
}  // namespace coach::test
