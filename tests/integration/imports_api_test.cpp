// /api/v1/imports: METRICS CSV imports (every kind of bad row with the exact report, strict vs
// partial vs dry run, 409 on re-import and force, rollback restoring rows exactly and refused
// when later imports touched them), roles, bad input, templates.
#include "support/imports_fixture.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace coach::test {
namespace {
namespace json = boost::json;
namespace fs = std::filesystem;

std::string fixture(const std::string& name) {
    std::ifstream in(fmt::format("{}/tests/fixtures/imports/{}", COACH_SOURCE_DIR, name),
                     std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// A small XLSX workbook: sheets "Notes" (empty) and "Metrics" (dates, percents and [m]:ss
// durations as spreadsheets store them).
std::string metrics_xlsx() {
    std::map<std::string, std::string> entries = {
        {"xl/workbook.xml", R"(<workbook xmlns:r="r"><sheets><sheet name="Notes" r:id="rId1"/>)"
                            R"(<sheet name="Metrics" r:id="rId2"/></sheets></workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         R"(<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/>)"
         R"(<Relationship Id="rId2" Target="worksheets/sheet2.xml"/></Relationships>)"},
        {"xl/sharedStrings.xml",
         "<sst><si><t>Employee ID</t></si><si><t>Date</t></si><si><t>Quality %</t></si>"
         "<si><t>AHT</t></si><si><t>E1</t></si></sst>"},
        {"xl/styles.xml",
         R"(<styleSheet><numFmts><numFmt numFmtId="164" formatCode="[m]:ss"/></numFmts>)"
         R"(<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="10"/>)"
         R"(<xf numFmtId="164"/></cellXfs></styleSheet>)"},
        {"xl/worksheets/sheet1.xml", "<worksheet><sheetData/></worksheet>"},
        {"xl/worksheets/sheet2.xml",
         R"(<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
         R"(<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>)"
         R"(<row r="2"><c r="A2" t="s"><v>4</v></c><c r="B2" s="1"><v>45352</v></c>)"
         R"(<c r="C2" s="2"><v>0.9025</v></c><c r="D2" s="3"><v>3.6111111111111109E-3</v></c></row>)"
         R"(<row r="3"><c r="A3" t="inlineStr"><is><t>E2</t></is></c><c r="B3" s="1"><v>45352</v></c>)"
         R"(<c r="C3" s="2"><v>1.5</v></c></row></sheetData></worksheet>)"}};
    auto path = fs::temp_directory_path() / ("coach-api-" + std::to_string(getpid()) + ".xlsx");
    int error = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    for (const auto& [name, content] : entries)
        zip_file_add(z, name.c_str(), zip_source_buffer(z, content.data(), content.size(), 0),
                     ZIP_FL_OVERWRITE);
    zip_close(z);
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    fs::remove(path);
    return s.str();
}

class ImportsApi : public ImportsFixture {
  protected:
    ImportsApi() : ImportsFixture({"admin", "m1", "m2", "tl1", "a1"}) {}
    // Every performance_metrics row, whole, in a stable order: the digest of the table.
    std::string digest() {
        auto r = server_.db().exec(
            "SELECT coalesce(string_agg(to_jsonb(t)::text, E'\\n' ORDER BY agent_id, "
            "metric_date), '') FROM performance_metrics t");
        return std::string(r.get(0, 0));
    }
    std::string row_of(const std::string& agent, const std::string& date) {
        auto r = server_.db().exec(
            "SELECT to_jsonb(t)::text FROM performance_metrics t WHERE agent_id = $1::uuid AND "
            "metric_date = $2::date",
            db::params(agent, date));
        return r.empty() ? "" : std::string(r.get(0, 0));
    }
    // "column=value,..." of a stored row (only the given columns).
    std::string values(const std::string& agent, const std::string& date,
                       const std::string& columns) {
        auto r = server_.db().exec("SELECT concat_ws(',', " + columns +
                                       ") FROM performance_metrics WHERE agent_id = $1::uuid AND "
                                       "metric_date = $2::date",
                                   db::params(agent, date));
        return r.empty() ? "(none)" : std::string(r.get(0, 0));
    }
    long long count(const std::string& sql) { return server_.db().exec(sql).get_int(0, 0); }
};

json::value errors_of(const HttpResult& r) {
    return r.json().at("error_details");
}

// The report of tests/fixtures/imports/metrics_bad_rows.csv (header = row 1; row 4 is blank; the
// quoted newline of row 3 stays in row 3).
json::value bad_rows_report() {
    return json::parse(R"([
  {"row": 3, "column": "Date", "value": "2024-03-01", "error": "duplicate: row 11 has the same agent and date"},
  {"row": 5, "column": "Service", "value": "101", "error": "must be between 0 and 100"},
  {"row": 6, "column": "Employee ID", "value": "E9", "error": "no agent has this employee ID"},
  {"row": 7, "column": "Agent Email", "value": "gone@org.test", "error": "no agent has this email"},
  {"row": 8, "column": "Agent Email", "value": "tl1@org.test", "error": "no agent has this email"},
  {"row": 9, "column": "Date", "value": "03/02/2024", "error": "is ambiguous (day or month first?): write dates as YYYY-MM-DD"},
  {"row": 10, "column": "Date", "value": "2024-02-30", "error": "is not a real calendar date"},
  {"row": 11, "column": "Date", "value": "2024-03-01", "error": "duplicate: row 3 has the same agent and date"},
  {"row": 12, "column": "AHT", "value": "5:75", "error": "must be seconds, m:ss or h:mm:ss"},
  {"row": 12, "column": "Service", "value": "abc", "error": "must be a number"},
  {"row": 12, "column": "CSAT", "value": "0.5", "error": "must be between 1 and 5"},
  {"row": 12, "column": "Calls Handled", "value": "x", "error": "must be a whole number"}
])");
}

TEST_F(ImportsApi, StrictImportOfBadRowsLoadsNothingAndReportsEveryError) {
    std::string before = digest();
    auto r = upload("admin", "?type=METRICS&file_name=bad.csv", fixture("metrics_bad_rows.csv"));
    ASSERT_EQ(r.status, 201) << r.body;
    auto log = r.json().as_object();
    EXPECT_EQ(log.at("status"), "FAILED");
    EXPECT_EQ(log.at("mode"), "strict");
    EXPECT_EQ(errors_of(r), bad_rows_report());
    // 11 data rows (rows 2,3,5..13); rows 2 and 13 are valid; 12 errors in 9 rows.
    EXPECT_EQ(log.at("total_rows"), 11);
    EXPECT_EQ(log.at("failed_rows"), 9);
    EXPECT_EQ(log.at("successful_rows"), 0);
    EXPECT_EQ(log.at("error_summary"),
              "9 of 11 rows have errors (12 errors); nothing was loaded (strict mode).");
    EXPECT_EQ(log.at("warnings"),
              json::parse(R"([{"column":"Notes","warning":"unknown column, ignored"}])"));
    EXPECT_EQ(log.at("rollback_available"), false);
    EXPECT_EQ(log.at("file_name"), "bad.csv");
    EXPECT_FALSE(log.at("completed_at").is_null());
    EXPECT_EQ(r.headers["location"], "/api/v1/imports/" + std::string(log.at("id").as_string()));
    EXPECT_EQ(digest(), before);  // a failed import leaves the table exactly as it was
    EXPECT_EQ(count("SELECT count(*) FROM import_metric_changes"), 0);
}

TEST_F(ImportsApi, PartialImportLoadsTheValidRows) {
    auto r = upload("admin", "?type=METRICS&mode=partial", fixture("metrics_bad_rows.csv"));
    ASSERT_EQ(r.status, 201) << r.body;
    auto log = r.json().as_object();
    EXPECT_EQ(log.at("status"), "PARTIAL_SUCCESS");
    EXPECT_EQ(errors_of(r), bad_rows_report());
    EXPECT_EQ(log.at("successful_rows"), 2);
    EXPECT_EQ(log.at("inserted_rows"), 2);
    EXPECT_EQ(log.at("updated_rows"), 0);
    EXPECT_EQ(log.at("skipped_rows"), 0);
    EXPECT_EQ(log.at("failed_rows"), 9);
    EXPECT_EQ(log.at("file_name"), "upload.csv");
    EXPECT_EQ(log.at("error_summary"),
              "2 rows inserted, 0 updated, 0 unchanged; 9 of 11 rows refused (12 errors).");
    // Row 2: 85.5%, AHT 5:12 = 312 s; row 13 (by email, any case): AHT 4:00 = 240 s.
    const std::string cols =
        "service_score, quality_score, csat, aht, calls_handled, imported_from";
    EXPECT_EQ(values(org_.a1, "2024-03-01", cols), "85.50,90.00,4.50,312,40,upload.csv");
    EXPECT_EQ(values(org_.a2, "2024-03-04", cols), "75.00,85.00,3.50,240,25,upload.csv");
    // Row 3 (a duplicate) is refused as well as row 11.
    EXPECT_EQ(values(org_.a2, "2024-03-01", cols), "(none)");
    EXPECT_EQ(count("SELECT count(*) FROM performance_metrics"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM import_metric_changes WHERE action = 'INSERTED'"), 2);
    auto stored = server_.db().exec("SELECT file_storage_path, file_size_bytes FROM import_logs");
    EXPECT_TRUE(fs::exists(std::string(stored.get(0, 0))));
    EXPECT_EQ(fs::file_size(std::string(stored.get(0, 0))),
              static_cast<std::uintmax_t>(stored.get_int(0, 1)));
}

TEST_F(ImportsApi, SemicolonAndTabFilesWithDecimalCommasPercentAndClockAht) {
    auto r = upload("admin", "?type=METRICS", fixture("metrics_semicolon.csv"));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("status"), "SUCCESS") << r.body;
    // aht 1:02:03 = 3723 s; 77,5 % = 77.5
    EXPECT_EQ(values(org_.a1, "2024-03-05", "service_score, csat, aht, fcr"),
              "88.50,4.25,3723,77.50");
    EXPECT_EQ(values(org_.a2, "2024-03-05", "service_score, csat, aht, fcr"),
              "90.00,4.00,300,80.00");
    auto t = upload("admin", "?type=METRICS", fixture("metrics_tab.csv"));
    ASSERT_EQ(t.status, 201) << t.body;
    EXPECT_EQ(t.json().at("status"), "SUCCESS") << t.body;
    EXPECT_EQ(values(org_.a2, "2024-03-06", "productivity_score, adherence_score"), "82.00,88.25");
}

TEST_F(ImportsApi, DryRunReportsWhatWouldHappenAndStoresNothing) {
    ASSERT_EQ(upload("admin", "?type=METRICS", fixture("metrics_semicolon.csv")).status, 201);
    std::string before = digest();
    // One row changes (E1 88,5 -> 60), one is the same, one is new.
    std::string csv =
        "employee_id;metric_date;service_score;csat;aht;fcr\n"
        "E1;2024-03-05;60;4,25;1:02:03;77,5\nE2;2024-03-05;90;4;300;80\nE2;2024-03-07;90;4;300;"
        "80\n";
    auto r = upload("admin", "?type=METRICS&dry_run=true", csv);
    ASSERT_EQ(r.status, 201) << r.body;
    auto log = r.json().as_object();
    EXPECT_EQ(log.at("status"), "SUCCESS");
    EXPECT_EQ(log.at("dry_run"), true);
    EXPECT_EQ(log.at("inserted_rows"), 1);
    EXPECT_EQ(log.at("updated_rows"), 1);
    EXPECT_EQ(log.at("skipped_rows"), 1);
    EXPECT_EQ(log.at("rollback_available"), false);
    EXPECT_EQ(log.at("error_summary"),
              "Dry run, nothing stored: 1 rows would be inserted, 1 updated, 1 are unchanged.");
    EXPECT_EQ(digest(), before);
    EXPECT_EQ(count("SELECT count(*) FROM import_metric_changes WHERE import_id = '" +
                    std::string(log.at("id").as_string()) + "'"),
              0);
    EXPECT_EQ(count("SELECT count(*) FROM import_logs WHERE dry_run AND file_storage_path IS NULL"),
              1);
    // A dry run is not "already imported" and cannot be rolled back.
    EXPECT_EQ(upload("admin", "?type=METRICS", csv).status, 201);
    auto rb = as("admin", "POST",
                 "/api/v1/imports/" + std::string(log.at("id").as_string()) + "/rollback");
    EXPECT_EQ(rb.status, 409);
}

TEST_F(ImportsApi, TheSameFileTwiceIs409UnlessForcedAndUnchangedRowsAreSkipped) {
    std::string csv = fixture("metrics_semicolon.csv");
    auto first = upload("admin", "?type=METRICS", csv);
    ASSERT_EQ(first.status, 201);
    std::string first_id(first.json().at("id").as_string());
    auto again = upload("admin", "?type=METRICS", csv);
    EXPECT_EQ(again.status, 409) << again.body;
    EXPECT_EQ(again.error_code(), "conflict");
    EXPECT_EQ(again.json().at("error").at("details").at(0).at("message"),
              json::value("was already imported by import " + first_id));
    // A manager who may not open the admin's import is not told its id or date.
    auto theirs = upload("m1", "?type=METRICS", csv);
    EXPECT_EQ(theirs.status, 409) << theirs.body;
    EXPECT_EQ(theirs.json().at("error"),
              json::parse(R"({"code":"conflict","message":"This file was already imported; )"
                          R"(send force=true to import it again.","details":[{"field":"file",)"
                          R"("message":"was already imported"}]})"));
    EXPECT_EQ(count("SELECT count(*) FROM import_logs"), 1);  // a refused upload leaves no log
    std::string before = digest();
    auto forced = upload("admin", "?type=METRICS&force=true", csv);
    ASSERT_EQ(forced.status, 201) << forced.body;
    EXPECT_EQ(forced.json().at("status"), "SUCCESS");
    EXPECT_EQ(forced.json().at("skipped_rows"), 2);  // nothing changed
    EXPECT_EQ(forced.json().at("successful_rows"), 0);
    EXPECT_EQ(digest(), before);  // unchanged rows are not even touched (updated_at kept)
    // A failed import of a file does not count as imported.
    std::string bad = fixture("metrics_bad_rows.csv");
    ASSERT_EQ(upload("admin", "?type=METRICS", bad).json().at("status"), "FAILED");
    EXPECT_EQ(upload("admin", "?type=METRICS", bad).status, 201);
}

TEST_F(ImportsApi, RollbackRestoresOverwrittenRowsExactlyAndRemovesInsertedOnes) {
    // Existing rows: a1 on 03-05 (will be overwritten), a2 on 03-05 (same values: skipped).
    server_.db().exec(
        "INSERT INTO performance_metrics (agent_id, metric_date, service_score, quality_score, "
        "csat, aht, imported_from, created_at, updated_at) VALUES "
        "($1::uuid, '2024-03-05', 70.25, 66, 3.75, 400, 'old.csv', '2024-03-06T01:02:03.456789Z', "
        "'2024-03-07T04:05:06.123456Z'), "
        "($2::uuid, '2024-03-05', 90, NULL, 4, 300, 'old.csv', '2024-03-06T00:00:00Z', "
        "'2024-03-06T00:00:00Z')",
        db::params(org_.a1, org_.a2));
    std::string before = digest();
    std::string a1_before = row_of(org_.a1, "2024-03-05");
    std::string csv =
        "employee_id,metric_date,service_score,csat,aht\n"
        "E1,2024-03-05,88.5,4.25,3723\nE2,2024-03-05,90,4,300\nE1,2024-03-06,75,3,200\n";
    auto r = upload("admin", "?type=METRICS", csv);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("inserted_rows"), 1);
    EXPECT_EQ(r.json().at("updated_rows"), 1);
    EXPECT_EQ(r.json().at("skipped_rows"), 1);
    // Columns absent from the file (quality_score) are kept; present ones overwritten.
    EXPECT_EQ(values(org_.a1, "2024-03-05", "service_score, quality_score, csat, aht"),
              "88.50,66.00,4.25,3723");
    std::string id(r.json().at("id").as_string());
    auto rb = as("admin", "POST", "/api/v1/imports/" + id + "/rollback");
    ASSERT_EQ(rb.status, 200) << rb.body;
    EXPECT_EQ(rb.json().at("status"), "ROLLED_BACK");
    EXPECT_EQ(rb.json().at("rollback_executed_by"), json::value(org_.admin));
    EXPECT_FALSE(rb.json().at("rollback_executed_at").is_null());
    EXPECT_EQ(rb.json().at("rollback_available"), false);
    // Whole rows, ids and timestamps included, exactly as before.
    EXPECT_EQ(row_of(org_.a1, "2024-03-05"), a1_before);
    EXPECT_EQ(digest(), before);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'import.rollback' AND "
                    "entity_id = '" +
                    id + "'"),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'import.create'"), 1);
    // Twice: 409.
    EXPECT_EQ(as("admin", "POST", "/api/v1/imports/" + id + "/rollback").status, 409);
}

TEST_F(ImportsApi, RollbackIsRefusedWhenALaterImportChangedTheSameRows) {
    std::string base = digest();
    auto first =
        upload("admin", "?type=METRICS",
               "employee_id,metric_date,service_score\nE1,2024-03-05,80\nE2,2024-03-05,81\n");
    ASSERT_EQ(first.status, 201);
    std::string after_first = digest();
    auto second = upload("admin", "?type=METRICS",
                         "employee_id,metric_date,service_score\nE1,2024-03-05,90\n");
    ASSERT_EQ(second.status, 201);
    EXPECT_EQ(second.json().at("updated_rows"), 1);
    std::string first_id(first.json().at("id").as_string());
    std::string second_id(second.json().at("id").as_string());
    auto refused = as("admin", "POST", "/api/v1/imports/" + first_id + "/rollback");
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_EQ(refused.json().at("error").at("details"),
              json::parse(R"([{"field":"import_id","message":")" + second_id +
                          R"( changed the same rows later"}])"));
    EXPECT_EQ(values(org_.a1, "2024-03-05", "service_score"), "90.00");  // untouched
    // Rolling back the later one first, then the earlier one, walks back exactly.
    ASSERT_EQ(as("admin", "POST", "/api/v1/imports/" + second_id + "/rollback").status, 200);
    EXPECT_EQ(digest(), after_first);
    ASSERT_EQ(as("admin", "POST", "/api/v1/imports/" + first_id + "/rollback").status, 200);
    EXPECT_EQ(digest(), base);
}

TEST_F(ImportsApi, ForcedRollbackAndEditsAfterTheImport) {
    auto first =
        upload("admin", "?type=METRICS",
               "employee_id,metric_date,service_score\nE1,2024-03-05,80\nE2,2024-03-05,81\n");
    std::string first_id(first.json().at("id").as_string());
    // An edit after the import (any writer sets updated_at).
    server_.db().exec("UPDATE performance_metrics SET service_score = 50 WHERE agent_id = $1::uuid",
                      db::params(org_.a1));
    auto refused = as("admin", "POST", "/api/v1/imports/" + first_id + "/rollback");
    EXPECT_EQ(refused.status, 409);
    EXPECT_EQ(
        refused.json().at("error").at("details"),
        json::parse(R"([{"field":"rows","message":"1 rows were edited after this import"}])"));
    auto bad = as("admin", "POST", "/api/v1/imports/" + first_id + "/rollback?force=yes");
    EXPECT_EQ(bad.status, 422);
    auto forced = as("admin", "POST", "/api/v1/imports/" + first_id + "/rollback?force=true");
    ASSERT_EQ(forced.status, 200) << forced.body;
    EXPECT_EQ(count("SELECT count(*) FROM performance_metrics"), 0);  // both were inserted by it
}

TEST_F(ImportsApi, ADatabaseErrorIsASentenceNotPostgreSqlsText) {
    // A trigger refusing every row stands for any error PostgreSQL raises during the load.
    server_.db().exec(
        "CREATE FUNCTION refuse_metrics() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'internal detail: table performance_metrics, secret 42'; END $$");
    server_.db().exec(
        "CREATE TRIGGER refuse_metrics BEFORE INSERT ON performance_metrics "
        "FOR EACH ROW EXECUTE FUNCTION refuse_metrics()");
    std::string before = digest();
    auto r = upload("admin", "?type=METRICS", fixture("metrics_semicolon.csv"));
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("status"), "FAILED");
    EXPECT_EQ(r.json().at("error_summary"),
              "The database refused the load (SQLSTATE P0001); nothing was changed. The "
              "server's log has the details.");
    EXPECT_EQ(r.body.find("secret"), std::string::npos) << r.body;
    EXPECT_EQ(digest(), before);
    server_.db().exec("DROP TRIGGER refuse_metrics ON performance_metrics");
}

TEST_F(ImportsApi, RolesAndScope) {
    const std::string csv =
        "Agent Email,Date,Quality\na1@org.test,2024-03-01,80\na3@org.test,2024-03-01,81\n";
    // Team leaders and agents may not import or read imports.
    for (auto who : {"tl1", "a1"}) {
        EXPECT_EQ(upload(who, "?type=METRICS", csv).status, 403) << who;
        EXPECT_EQ(as(who, "GET", "/api/v1/imports").status, 403) << who;
        EXPECT_EQ(as(who, "GET", "/api/v1/imports/templates/METRICS").status, 403) << who;
    }
    // m1 imports for its own agents only: a3 (m2's) is unknown to m1.
    auto m1 = upload("m1", "?type=METRICS&mode=partial", csv);
    ASSERT_EQ(m1.status, 201) << m1.body;
    EXPECT_EQ(m1.json().at("status"), "PARTIAL_SUCCESS");
    EXPECT_EQ(errors_of(m1), json::parse(R"([{"row":3,"column":"Agent Email",
        "value":"a3@org.test","error":"no agent has this email"}])"));
    std::string id(m1.json().at("id").as_string());
    EXPECT_EQ(m1.json().at("imported_by"), json::value(org_.m1));
    // m2 does not see m1's import (404), the admin does; lists follow.
    EXPECT_EQ(as("m2", "GET", "/api/v1/imports/" + id).status, 404);
    EXPECT_EQ(as("m2", "POST", "/api/v1/imports/" + id + "/rollback").status, 404);
    EXPECT_EQ(as("tl1", "GET", "/api/v1/imports/" + id).status, 403);
    EXPECT_EQ(as("admin", "GET", "/api/v1/imports/" + id).status, 200);
    auto m1_get = as("m1", "GET", "/api/v1/imports/" + id);
    ASSERT_EQ(m1_get.status, 200);
    EXPECT_EQ(m1_get.json().at("error_details"), errors_of(m1));
    EXPECT_EQ(as("m2", "GET", "/api/v1/imports").json().at("items").as_array().size(), 0u);
    EXPECT_EQ(as("m1", "GET", "/api/v1/imports").json().at("items").as_array().size(), 1u);
    auto all = as("admin", "GET", "/api/v1/imports");
    ASSERT_EQ(all.json().at("items").as_array().size(), 1u);
    EXPECT_FALSE(all.json().at("items").at(0).as_object().contains("error_details"));
    EXPECT_FALSE(all.json().at("items").at(0).as_object().contains("file_storage_path"));
    // The admin imports for everyone.
    auto admin = upload("admin", "?type=METRICS&force=true", csv);
    EXPECT_EQ(admin.json().at("status"), "SUCCESS") << admin.body;
}

TEST_F(ImportsApi, ListFiltersAndPagination) {
    for (int i = 1; i <= 3; ++i)
        ASSERT_EQ(
            upload("admin", "?type=METRICS",
                   "employee_id,metric_date,qa_score\nE1,2024-03-0" + std::to_string(i) + ",80\n")
                .status,
            201);
    ASSERT_EQ(
        upload("admin", "?type=METRICS", "employee_id,metric_date,qa_score\nE1,x,80\n").status,
        201);
    auto page1 = as("admin", "GET", "/api/v1/imports?limit=2");
    ASSERT_EQ(page1.status, 200);
    EXPECT_EQ(page1.json().at("items").as_array().size(), 2u);
    std::string cursor(page1.json().at("next_cursor").as_string());
    auto page2 = as("admin", "GET", "/api/v1/imports?limit=2&cursor=" + cursor);
    ASSERT_EQ(page2.status, 200) << page2.body;
    EXPECT_EQ(page2.json().at("items").as_array().size(), 2u);
    EXPECT_TRUE(page2.json().at("next_cursor").is_null());
    EXPECT_EQ(
        as("admin", "GET", "/api/v1/imports?status=FAILED").json().at("items").as_array().size(),
        1u);
    EXPECT_EQ(as("admin", "GET", "/api/v1/imports?status=SUCCESS&import_type=METRICS")
                  .json()
                  .at("items")
                  .as_array()
                  .size(),
              3u);
    auto bad = as("admin", "GET", "/api/v1/imports?status=DONE&import_type=X&limit=0");
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.json().at("error").at("details").as_array().size(), 3u);
    // A forged cursor (valid encoding, bad timestamp) is a 422, not a 500.
    auto forged = as("admin", "GET", "/api/v1/imports?cursor=WyJ4IiwieSJd");  // ["x","y"]
    EXPECT_EQ(forged.status, 422);
}

TEST_F(ImportsApi, BadRequests) {
    const std::string csv = "employee_id,metric_date,qa_score\nE1,2024-03-01,80\n";
    auto details = [](const HttpResult& r) { return r.json().at("error").at("details"); };
    auto missing = upload("admin", "", csv);
    EXPECT_EQ(missing.status, 422);
    EXPECT_EQ(details(missing), json::parse(R"([{"field":"type","message":"is required"}])"));
    auto users = upload("m1", "?type=USERS", csv);  // only administrators import users
    EXPECT_EQ(users.status, 403);
    auto many = upload("admin", "?type=NOPE&mode=lenient&dry_run=maybe&force=1", csv);
    EXPECT_EQ(many.status, 422);
    EXPECT_EQ(details(many),
              json::parse(R"([{"field":"type","message":"must be one of METRICS, USERS, )"
                          R"(COACHING_HISTORY, PROFILES"},{"field":"mode","message":"must be )"
                          R"(one of strict, partial"},{"field":"dry_run","message":"must be )"
                          R"(one of true, false"},{"field":"force","message":"must be one of )"
                          R"(true, false"}])"))
        << many.body;
    EXPECT_EQ(upload("admin", "?type=METRICS", csv, "application/json").status, 415);
    auto empty = upload("admin", "?type=METRICS", "");
    EXPECT_EQ(empty.status, 422);
    EXPECT_EQ(details(empty), json::parse(R"([{"field":"file","message":"is empty"}])"));
    EXPECT_EQ(as("admin", "GET", "/api/v1/imports/not-a-uuid").status, 400);
    EXPECT_EQ(as("admin", "GET", "/api/v1/imports/00000000-0000-0000-0000-000000000000").status,
              404);
    EXPECT_EQ(
        as("admin", "POST", "/api/v1/imports/00000000-0000-0000-0000-000000000000/rollback").status,
        404);
    // A header that cannot be used: FAILED with the reasons for row 1.
    auto header = upload("admin", "?type=METRICS", "Name,Team\nAnn,A\n");
    ASSERT_EQ(header.status, 201);
    EXPECT_EQ(header.json().at("status"), "FAILED");
    EXPECT_EQ(header.json().at("error_details").as_array().size(), 3u);
    auto only_header = upload("admin", "?type=METRICS", "employee_id,metric_date,qa_score\r\n\r\n");
    EXPECT_EQ(only_header.json().at("status"), "FAILED");
    EXPECT_EQ(only_header.json().at("error_details"),
              json::parse(R"([{"row":null,"column":null,"value":"",
                               "error":"The file has a header but no data rows."}])"));
}

// Files that are not UTF-8 text (issue 11, defect 3). A Windows-1252 export from Excel is read
// as such, with a warning; a NUL or a gzip file renamed .csv is refused with a reason; a byte
// that is not UTF-8 further on is reported in its cell. Each ends in a final state, never left
// running, and the failed ones load nothing.
TEST_F(ImportsApi, FilesThatAreNotUtf8Text) {
    const std::string header = "employee_id,metric_date,qa_score,r\xE9sum\xE9\n";
    auto cp1252 = upload("admin", "?type=METRICS&file_name=cp1252.csv",
                         header + "E1,2024-03-01,80,Caf\xE9 au lait\n");
    ASSERT_EQ(cp1252.status, 201) << cp1252.body;
    EXPECT_EQ(cp1252.json().at("status"), "SUCCESS") << cp1252.body;
    EXPECT_EQ(cp1252.json().at("warnings"),
              json::parse("[{\"column\":null,\"warning\":\"the file is not UTF-8: it was read as "
                          "Windows-1252 (Excel's \\\"CSV\\\"; \\\"CSV UTF-8\\\" avoids this)\"},"
                          "{\"column\":\"r\u00E9sum\u00E9\",\"warning\":\"unknown column, "
                          "ignored\"}]"));
    EXPECT_EQ(values(org_.a1, "2024-03-01", "qa_score"), "80.00");

    const std::string before = digest();
    // A value that is not UTF-8 after the first 64 KiB (read as UTF-8): its row's error keeps the
    // value with U+FFFD for the bad byte.
    const std::string late = "employee_id,metric_date,qa_score,notes\nE1,2024-03-02,80," +
                             std::string(70000, 'x') + "\nE1,2024-03-03,8\xE9\n";
    const std::vector<std::pair<std::string, std::string>> refused = {
        {"nul", "employee_id,metric_date,qa_score\nE1,2024-03-02,8" + std::string(1, '\0') + "0\n"},
        {"gzip", std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9", 15)},
        {"late", late},
    };
    const std::vector<std::string> reasons = {
        "the file is not text (it holds NUL bytes): upload the CSV or XLSX file itself",
        "the file is compressed (gzip): unpack it and upload the CSV file inside",
        "must be a number",
    };
    for (std::size_t i = 0; i < refused.size(); ++i) {
        const auto& [name, body] = refused[i];
        auto r = upload("admin", "?type=METRICS&file_name=" + name + ".csv", body);
        ASSERT_EQ(r.status, 201) << name << ": " << r.body;
        const json::value parsed = r.json();
        const json::object& log = parsed.as_object();
        EXPECT_EQ(log.at("status"), "FAILED") << name << ": " << r.body;
        EXPECT_FALSE(log.at("completed_at").is_null()) << name;
        ASSERT_FALSE(log.at("error_details").as_array().empty()) << name << ": " << r.body;
        EXPECT_EQ(log.at("error_details").as_array().back().at("error"), json::value(reasons[i]))
            << r.body;
        auto again = as("admin", "GET", "/api/v1/imports/" + std::string(log.at("id").as_string()));
        EXPECT_EQ(again.json().at("status"), "FAILED") << name;
    }
    auto late_log = upload("admin", "?type=METRICS&file_name=late2.csv&force=true", late);
    EXPECT_EQ(late_log.json().at("error_details").as_array().back().at("value"), "8\uFFFD")
        << late_log.body;
    EXPECT_EQ(
        count("SELECT count(*) FROM import_logs WHERE status IN ('VALIDATING', 'PROCESSING')"), 0);
    EXPECT_EQ(digest(), before);
}

TEST_F(ImportsApi, MultipartUpload) {
    std::string body =
        "--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n"
        "--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
        "filename=\"C:\\\\exports\\\\march.csv\"\r\n"
        "Content-Type: text/csv\r\n\r\nemployee_id,metric_date,qa_score\r\nE1,2024-03-01,80\r\n"
        "\r\n--XyZ--\r\n";
    auto r = upload("admin", "?type=METRICS", body, "multipart/form-data; boundary=XyZ");
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("status"), "SUCCESS") << r.body;
    EXPECT_EQ(r.json().at("file_name"), "march.csv");
    EXPECT_EQ(values(org_.a1, "2024-03-01", "qa_score"), "80.00");
    auto no_file =
        upload("admin", "?type=METRICS",
               "--XyZ\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--XyZ--\r\n",
               "multipart/form-data; boundary=XyZ");
    EXPECT_EQ(no_file.status, 422);
    EXPECT_EQ(upload("admin", "?type=METRICS", body, "multipart/form-data").status, 400);
}

TEST_F(ImportsApi, BodiesOver50MBAre413) {
    std::string huge(50 * 1024 * 1024 + 1, 'x');
    auto r = upload("admin", "?type=METRICS", huge);
    EXPECT_EQ(r.status, 413);
    EXPECT_EQ(count("SELECT count(*) FROM import_logs"), 0);
}

TEST_F(ImportsApi, XlsxWorkbookWithSheetSelection) {
    const std::string xlsx_type =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    std::string book = metrics_xlsx();
    // The first sheet ("Notes") is empty.
    auto first = upload("admin", "?type=METRICS&file_name=march.xlsx", book, xlsx_type);
    ASSERT_EQ(first.status, 201) << first.body;
    EXPECT_EQ(first.json().at("status"), "FAILED");
    EXPECT_EQ(first.json().at("error_summary"), "The file is empty.");
    auto r =
        upload("admin", "?type=METRICS&mode=partial&sheet=Metrics&force=true", book, xlsx_type);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("status"), "PARTIAL_SUCCESS") << r.body;
    EXPECT_EQ(r.json().at("file_name"), "upload.xlsx");
    // 150 %: the percent-formatted 1.5 is out of range, reported with the sheet's row number.
    EXPECT_EQ(errors_of(r), json::parse(R"([{"row":3,"column":"Quality %","value":"150",
        "error":"must be between 0 and 100"}])"));
    // 45352 = 2024-03-01, 0.9025 shown as 90.25 %, 0.0036111 day = 5:12 = 312 s.
    EXPECT_EQ(values(org_.a1, "2024-03-01", "quality_score, aht"), "90.25,312");
    auto missing = upload("admin", "?type=METRICS&sheet=April&force=true", book, xlsx_type);
    EXPECT_EQ(missing.json().at("error_summary"), "the workbook has no sheet named \"April\"");
    auto csv_sheet = upload("admin", "?type=METRICS&sheet=Metrics",
                            "employee_id,metric_date,qa_score\nE1,2024-03-01,80\n");
    EXPECT_EQ(csv_sheet.json().at("error_summary"), "sheet= applies to XLSX files only");
}

TEST_F(ImportsApi, Templates) {
    auto r = as("m1", "GET", "/api/v1/imports/templates/METRICS?format=csv");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.headers["content-type"], "text/csv; charset=utf-8");
    EXPECT_EQ(r.body.substr(0, r.body.find("\r\n")),
              "employee_id,email,metric_date,service_score,productivity_score,quality_score,"
              "attendance_rate,adherence_score,csat,fcr,aht,calls_handled,calls_transferred,"
              "calls_escalated,scheduled_hours,actual_hours,break_time_minutes,lunch_time_minutes,"
              "aux_time_minutes,script_adherence,compliance_score,qa_score");
    // The template imports as it is (after replacing the example employee ID).
    std::string body = r.body;
    body.replace(body.find("E1001"), 5, "E1");
    auto imported = upload("admin", "?type=METRICS", body);
    EXPECT_EQ(imported.json().at("status"), "SUCCESS") << imported.body;
    EXPECT_EQ(as("admin", "GET", "/api/v1/imports/templates/METRICS").status, 200);
    EXPECT_EQ(as("admin", "GET", "/api/v1/imports/templates/NOPE").status, 422);
    EXPECT_EQ(as("admin", "GET", "/api/v1/imports/templates/METRICS?format=pdf").status, 422);
}

}  // namespace
}  // namespace coach::test
