// GET /api/v1/imports/templates/{import_type}?format=csv|xlsx: the headers and the example row
// of each type, the same in both formats (read back with the importer's own readers), served
// with the right Content-Type and Content-Disposition; the example row imports (dry run) once
// its ids name real people.
#include "support/sheet_rows.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {

constexpr const char* kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

class ImportsTemplates : public ::testing::TestWithParam<const char*> {
  protected:
    ImportsTemplates() : org_(create_org(server_.db())) {
        admin_ = login(server_, "admin@org.test");
        m1_ = login(server_, "m1@org.test");
    }
    TestServer server_;
    Org org_;
    std::string admin_, m1_;
};

TEST_P(ImportsTemplates, CsvAndXlsxCarryTheSameHeadersAndExampleRow) {
    std::string type = GetParam();
    std::string base;
    for (char c : type)
        base.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    auto csv = server_.as(m1_, "GET", "/api/v1/imports/templates/" + type + "?format=csv");
    ASSERT_EQ(csv.status, 200) << csv.body;
    EXPECT_EQ(csv.headers["content-type"], "text/csv; charset=utf-8");
    EXPECT_EQ(csv.headers["content-disposition"],
              "attachment; filename=\"" + base + "_template.csv\"");
    auto xlsx = server_.as(m1_, "GET", "/api/v1/imports/templates/" + type + "?format=xlsx");
    ASSERT_EQ(xlsx.status, 200) << xlsx.body;
    EXPECT_EQ(xlsx.headers["content-type"], kXlsxType);
    EXPECT_EQ(xlsx.headers["content-disposition"],
              "attachment; filename=\"" + base + "_template.xlsx\"");
    ASSERT_GT(xlsx.body.size(), 4u);
    EXPECT_EQ(xlsx.body.substr(0, 4), std::string("PK\x03\x04", 4));

    Rows from_csv = csv_rows(csv.body);
    ASSERT_EQ(from_csv.size(), 2u);  // the header and the example row
    EXPECT_GE(from_csv[0].size(), 2u);
    EXPECT_EQ(xlsx_rows(xlsx.body), from_csv);

    // The example row validates once its ids name people of the organisation.
    std::string body = csv.body;
    for (auto [from, to] : {std::pair<std::string, std::string>{"E1001", "E1"},
                            std::pair<std::string, std::string>{"E0100", "tl1@org.test"}})
        for (auto at = body.find(from); at != std::string::npos; at = body.find(from, at))
            body.replace(at, from.size(), to);
    RequestOptions o;
    o.token = admin_;
    o.body = body;
    o.content_type = "text/csv";
    auto r = server_.request("POST", "/api/v1/imports?type=" + type + "&dry_run=true", o);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("status"), "SUCCESS") << r.body;
    EXPECT_EQ(r.json().at("error_details"), boost::json::array()) << r.body;
    EXPECT_EQ(r.json().at("warnings"), boost::json::array()) << r.body;
}

INSTANTIATE_TEST_SUITE_P(Types, ImportsTemplates,
                         ::testing::Values("METRICS", "USERS", "PROFILES", "COACHING_HISTORY"));

// The XLSX template uploaded as it is: read through the XLSX reader, checked like a CSV (its
// example ids name nobody in this organisation).
TEST(ImportsTemplatesRoute, XlsxTemplateImportsThroughTheXlsxReader) {
    TestServer server_;
    create_org(server_.db());
    std::string admin_ = login(server_, "admin@org.test");
    auto xlsx = server_.as(admin_, "GET", "/api/v1/imports/templates/COACHING_HISTORY?format=xlsx");
    ASSERT_EQ(xlsx.status, 200);
    RequestOptions o;
    o.token = admin_;
    o.body = xlsx.body;
    o.content_type = kXlsxType;
    auto r = server_.request("POST", "/api/v1/imports?type=COACHING_HISTORY&dry_run=true", o);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("status"), "FAILED");
    EXPECT_EQ(r.json().at("file_name"), "upload.xlsx");
    EXPECT_EQ(r.json().at("error_details"), boost::json::parse(R"([
      {"row":2,"column":"employee_id","value":"E1001","error":"no agent has this employee ID"},
      {"row":2,"column":"coach","value":"E0100",
       "error":"no team leader or manager has this employee ID or email"}])"));
}

TEST(ImportsTemplatesRoute, BadRequestsAndRoles) {
    TestServer server;
    create_org(server.db());
    std::string admin = login(server, "admin@org.test");
    std::string tl1 = login(server, "tl1@org.test");
    auto unknown = server.as(admin, "GET", "/api/v1/imports/templates/NOPE?format=xlsx");
    EXPECT_EQ(unknown.status, 422);
    EXPECT_EQ(unknown.json().at("error").at("details"),
              boost::json::parse(R"([{"field":"import_type","message":"is not a valid value"}])"));
    auto pdf = server.as(admin, "GET", "/api/v1/imports/templates/USERS?format=pdf");
    EXPECT_EQ(pdf.status, 422);
    EXPECT_EQ(pdf.json().at("error").at("details"),
              boost::json::parse(R"([{"field":"format","message":"must be csv or xlsx"}])"));
    EXPECT_EQ(server.as(tl1, "GET", "/api/v1/imports/templates/USERS?format=xlsx").status, 403);
    EXPECT_EQ(server.request("GET", "/api/v1/imports/templates/USERS?format=xlsx").status, 401);
}

}  // namespace
}  // namespace coach::test
