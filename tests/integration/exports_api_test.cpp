// Exports (http/export): the queue, the team matrix, daily metrics and history as CSV and XLSX,
// with the JSON routes' own checks and scope, every page of a collection, and text that a
// spreadsheet would run as a formula neutralised.
#include "support/sheet_rows.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <set>

namespace coach::test {
namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class ExportsApi : public ::testing::Test {
  protected:
    ExportsApi() : org_(create_org(server_.db())) {
        tl1_ = login(server_, "tl1@org.test");
        tl2_ = login(server_, "tl2@org.test");
        a1_ = login(server_, "a1@org.test");
        admin_ = login(server_, "admin@org.test");
    }
    TestServer server_;
    Org org_;
    std::string tl1_, tl2_, a1_, admin_;
};

TEST_F(ExportsApi, TheQueueDownloadsAsCsvAndXlsxInTheQueuesOrder) {
    // A name a spreadsheet would otherwise run: it arrives as text.
    server_.db().exec(
        "UPDATE users SET name = '=HYPERLINK(\"http://evil.test\",\"x\")' "
        "WHERE id = $1::uuid",
        db::params(org_.a2));
    const std::string queue = "/api/v1/teams/" + org_.tl1 + "/dashboard";
    auto json = server_.as(tl1_, "GET", queue);
    ASSERT_EQ(json.status, 200) << json.body;
    std::vector<std::string> names;
    const auto cards = json.json();
    for (const auto& card : cards.at("agents").as_array())
        names.emplace_back(card.at("name").as_string());
    ASSERT_EQ(names.size(), 2u);

    auto csv = server_.as(tl1_, "GET", queue + "/export");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
    EXPECT_EQ(csv.headers["content-disposition"], "attachment; filename=\"priority-queue.csv\"");
    Rows rows = csv_rows(csv.body);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(rows[0].at(0), "Agent");
    EXPECT_EQ(rows[0].at(3), "Urgency");
    for (std::size_t i = 0; i < names.size(); ++i) {
        const std::string expected = names[i].starts_with("=") ? "'" + names[i] : names[i];
        EXPECT_EQ(rows[i + 1].at(0), expected);
    }

    auto xlsx = server_.as(tl1_, "GET", queue + "/export?format=xlsx");
    ASSERT_EQ(xlsx.status, 200) << xlsx.body;
    EXPECT_EQ(xlsx.headers["content-type"], kXlsxType);
    EXPECT_EQ(xlsx.headers["content-disposition"], "attachment; filename=\"priority-queue.xlsx\"");
    Rows sheet = xlsx_rows(xlsx.body);
    ASSERT_EQ(sheet.size(), rows.size());
    EXPECT_EQ(sheet[0], rows[0]);
    for (std::size_t i = 1; i < rows.size(); ++i)
        EXPECT_EQ(sheet[i].at(0), rows[i].at(0));
}

// The export answers exactly what the JSON route answers to whoever may not see it.
TEST_F(ExportsApi, ScopeAndBadInputAreTheJsonRoutes) {
    const std::string queue = "/api/v1/teams/" + org_.tl1 + "/dashboard";
    for (const std::string* who : {&tl2_, &a1_}) {
        auto json = server_.as(*who, "GET", queue);
        auto file = server_.as(*who, "GET", queue + "/export");
        EXPECT_GE(json.status, 400);
        EXPECT_EQ(file.status, json.status);
        EXPECT_EQ(file.error_code(), json.error_code());
    }
    auto bad_format = server_.as(tl1_, "GET", queue + "/export?format=pdf");
    EXPECT_EQ(bad_format.status, 422);
    EXPECT_NE(bad_format.body.find("\"format\""), std::string::npos) << bad_format.body;
    auto bad_filter = server_.as(tl1_, "GET", "/api/v1/performance-metrics/export?from=yesterday");
    auto json_bad_filter = server_.as(tl1_, "GET", "/api/v1/performance-metrics?from=yesterday");
    EXPECT_EQ(bad_filter.status, 422);
    EXPECT_EQ(bad_filter.body, json_bad_filter.body);
    EXPECT_EQ(server_.request("GET", queue + "/export").status, 401);
}

// A collection downloads whole: 700 days are two pages of the JSON list, one file here; the
// list's filters apply.
TEST_F(ExportsApi, DailyMetricsFollowEveryPageAndTheFilters) {
    server_.db().exec(
        "INSERT INTO performance_metrics (agent_id, metric_date, service_score, quality_score) "
        "SELECT $1::uuid, d::date, 80 + (n % 20), 90 FROM generate_series(1, 700) n, "
        "LATERAL (SELECT date '2023-01-01' + n - 1 AS d) x",
        db::params(org_.a1));
    const std::string base = "/api/v1/performance-metrics/export?agent_id=" + org_.a1;
    auto all = server_.as(tl1_, "GET", base);
    ASSERT_EQ(all.status, 200) << all.body;
    Rows rows = csv_rows(all.body);
    ASSERT_EQ(rows.size(), 701u);
    EXPECT_EQ(rows[0].at(1), "Date");
    std::set<std::string> days;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].at(0), org_.a1);
        days.insert(rows[i].at(1));
    }
    EXPECT_EQ(days.size(), 700u);  // no day twice, none lost between pages
    auto january = server_.as(tl1_, "GET", base + "&from=2023-01-01&to=2023-01-31");
    ASSERT_EQ(january.status, 200);
    EXPECT_EQ(csv_rows(january.body).size(), 32u);
    // tl2 may not see a1: the same 404 as the JSON list.
    auto other = server_.as(tl2_, "GET", base);
    EXPECT_EQ(other.status, 404);
    EXPECT_EQ(other.body,
              server_.as(tl2_, "GET", "/api/v1/performance-metrics?agent_id=" + org_.a1).body);
}

TEST_F(ExportsApi, TheTeamMatrixAndHistoryDownload) {
    auto matrix = server_.as(admin_, "GET", "/api/v1/team-performance-summary/export?format=xlsx");
    ASSERT_EQ(matrix.status, 200) << matrix.body;
    Rows sheet = xlsx_rows(matrix.body);
    ASSERT_FALSE(sheet.empty());
    EXPECT_EQ(sheet[0].at(0), "Team leader");
    auto json = server_.as(admin_, "GET", "/api/v1/team-performance-summary?limit=500");
    EXPECT_EQ(sheet.size(), json.json().at("items").as_array().size() + 1);

    auto history =
        server_.as(tl1_, "GET", "/api/v1/performance-history/export?agent_id=" + org_.a1);
    ASSERT_EQ(history.status, 200) << history.body;
    Rows rows = csv_rows(history.body);
    ASSERT_FALSE(rows.empty());
    EXPECT_EQ(rows[0].at(1), "Period");
    EXPECT_EQ(rows[0].back(), "Events");
}

}  // namespace
}  // namespace coach::test
