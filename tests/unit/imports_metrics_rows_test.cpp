// Row checks of METRICS files: every error of every row, agents resolved once per batch,
// duplicates inside the file, and the COPY text of the valid rows.
#include "imports/csv_reader.hpp"
#include "imports/metrics_rows.hpp"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <map>
#include <sstream>

namespace coach::imports {
namespace {

using Errors = std::vector<ImportError>;

constexpr const char* kA1 = "11111111-1111-4111-8111-111111111111";
constexpr const char* kA2 = "22222222-2222-4222-8222-222222222222";

struct FakeResolver : AgentResolver {
    std::map<std::string, std::string> by_id = {{"E1", kA1}, {"E2", kA2}};
    std::map<std::string, std::string> by_email = {{"a1@org.test", kA1}, {"a2@org.test", kA2}};
    int calls = 0;
    std::vector<std::string> asked;
    Result<void> resolve(const std::vector<std::string>& ids,
                         const std::vector<std::string>& emails,
                         std::vector<std::optional<std::string>>& id_out,
                         std::vector<std::optional<std::string>>& email_out) override {
        ++calls;
        for (std::size_t i = 0; i < ids.size(); ++i) {
            asked.push_back(ids[i]);
            if (by_id.contains(ids[i]))
                id_out[i] = by_id[ids[i]];
        }
        for (std::size_t i = 0; i < emails.size(); ++i) {
            asked.push_back(emails[i]);
            if (by_email.contains(emails[i]))
                email_out[i] = by_email[emails[i]];
        }
        return {};
    }
};

struct Outcome {
    Errors header_errors;
    Errors errors;
    std::string copy;
    long total = 0, valid = 0, failed = 0, error_count = 0;
    std::vector<long> retracted;
};

Outcome check(const std::string& csv, FakeResolver& resolver, std::size_t batch = 8192,
              std::size_t max_errors = 10000) {
    std::istringstream in(csv);
    CsvReader reader(in);
    Record rec;
    Outcome o;
    if (!reader.next(rec))
        return o;
    auto columns = match_metrics_header(rec.cells, rec.row, o.header_errors);
    if (!o.header_errors.empty())
        return o;
    MetricsRowChecker checker(std::move(columns), rec.cells.size(),
                              {"2024-03-15", reader.decimal_comma(), max_errors, batch}, resolver);
    while (reader.next(rec)) {
        if (checker.add(rec)) {
            EXPECT_TRUE(checker.flush(o.copy));
        }
    }
    EXPECT_TRUE(checker.flush(o.copy));
    o.errors = checker.errors();
    o.total = checker.total_rows();
    o.valid = checker.valid_rows();
    o.failed = checker.failed_rows();
    o.error_count = checker.error_count();
    o.retracted = checker.retracted();
    return o;
}

TEST(ImportsMetricsRows, ValidRowsBecomeCopyLines) {
    FakeResolver agents;
    auto o = check(
        "Employee ID,Date,Service,AHT,CSAT\n"
        "E1,2024-03-01,85.5%,5:12,4.5\n"
        "E2,2024-03-01,,312,\n",
        agents);
    EXPECT_EQ(o.errors, Errors{});
    // service_score, csat, aht: table order
    EXPECT_EQ(o.copy, fmt::format("2\t{}\t2024-03-01\t85.5\t4.5\t312\n"
                                  "3\t{}\t2024-03-01\t\\N\t\\N\t312\n",
                                  kA1, kA2));
    EXPECT_EQ(o.total, 2);
    EXPECT_EQ(o.valid, 2);
    EXPECT_EQ(agents.calls, 1);  // one lookup for the whole batch
}

TEST(ImportsMetricsRows, EveryErrorOfEveryRow) {
    FakeResolver agents;
    auto o = check(
        "employee_id,metric_date,quality_score,csat,calls_handled,aht\n"
        "E9,2024-02-30,101,0.5,-1,1:75\n"  // row 2: five errors
        "E1,2024-03-16,50,3,1.5,60\n"      // row 3: future date, calls not whole
        ",2024-03-01,50,,,\n"              // row 4: no agent
        "E1,3/4/2024,50,,,\n"              // row 5: ambiguous date
        "E2,2024-03-02,85.555,6,x,\n",     // row 6
        agents);
    EXPECT_EQ(o.errors,
              (Errors{{2, "employee_id", "E9", "no agent has this employee ID"},
                      {2, "metric_date", "2024-02-30", "is not a real calendar date"},
                      {2, "aht", "1:75", "must be seconds, m:ss or h:mm:ss"},
                      {2, "quality_score", "101", "must be between 0 and 100"},
                      {2, "csat", "0.5", "must be between 1 and 5"},
                      {2, "calls_handled", "-1", "must be between 0 and 2147483647"},
                      {3, "metric_date", "2024-03-16", "must not be in the future"},
                      {3, "calls_handled", "1.5", "must be a whole number"},
                      {4, "employee_id", "", "is required: give the agent's employee ID or email"},
                      {5, "metric_date", "3/4/2024",
                       "is ambiguous (day or month first?): write dates as YYYY-MM-DD"},
                      {6, "quality_score", "85.555", "must have at most 2 decimal places"},
                      {6, "csat", "6", "must be between 1 and 5"},
                      {6, "calls_handled", "x", "must be a whole number"}}));
    EXPECT_EQ(o.total, 5);
    EXPECT_EQ(o.failed, 5);
    EXPECT_EQ(o.valid, 0);
    EXPECT_EQ(o.error_count, 13);
    EXPECT_EQ(o.copy, "");
}

TEST(ImportsMetricsRows, AgentsByEmailOrBoth) {
    FakeResolver agents;
    auto o = check(
        "Employee ID,Agent Email,Date,Quality\n"
        ",A1@Org.Test,2024-03-01,80\n"         // by email, any case
        "E2,a2@org.test,2024-03-01,80\n"       // both agree
        "E1,a2@org.test,2024-03-02,80\n"       // both disagree
        "E1,nobody@org.test,2024-03-03,80\n",  // unknown email
        agents);
    EXPECT_EQ(
        o.errors,
        (Errors{{4, "Agent Email", "a2@org.test", "belongs to another agent than the employee ID"},
                {5, "Agent Email", "nobody@org.test", "no agent has this email"}}));
    EXPECT_EQ(o.valid, 2);
    EXPECT_EQ(o.copy, fmt::format("2\t{}\t2024-03-01\t80\n3\t{}\t2024-03-01\t80\n", kA1, kA2));
}

TEST(ImportsMetricsRows, DuplicatesRefuseEveryOccurrenceAndRetractTheFirst) {
    FakeResolver agents;
    // Batches of 2 rows: row 2 is already sent when its duplicates (rows 4 and 6) are found.
    auto o = check(
        "Employee ID,Date,Quality\n"
        "E1,2024-03-01,80\n"
        "E2,2024-03-01,80\n"
        "E1,2024-03-01T00:00:00,81\n"
        "E2,2024-03-02,80\n"
        "E1,2024-03-01,82\n",
        agents, 2);
    EXPECT_EQ(
        o.errors,
        (Errors{{2, "Date", "2024-03-01", "duplicate: row 4 has the same agent and date"},
                {4, "Date", "2024-03-01T00:00:00", "duplicate: row 2 has the same agent and date"},
                {6, "Date", "2024-03-01", "duplicate: row 2 has the same agent and date"}}));
    EXPECT_EQ(o.retracted, std::vector<long>{2});
    EXPECT_EQ(o.total, 5);
    EXPECT_EQ(o.valid, 2);       // rows 3 and 5
    EXPECT_EQ(o.failed, 3);      // rows 2, 4, 6
    EXPECT_EQ(agents.calls, 1);  // E1 and E2 looked up once, in the first batch
}

TEST(ImportsMetricsRows, SemicolonFileWithDecimalCommasBomAndBlankLines) {
    FakeResolver agents;
    auto o = check(
        "\xEF\xBB\xBF"
        "Employee ID;Date;Service;CSAT\r\n\r\nE1;2024-03-01;85,5 %;4,5\r\n;;;\r\n"
        "E2;2024-03-01;90;4\r\n",
        agents);
    EXPECT_EQ(o.errors, Errors{});
    EXPECT_EQ(o.copy,
              fmt::format("3\t{}\t2024-03-01\t85.5\t4.5\n5\t{}\t2024-03-01\t90\t4\n", kA1, kA2));
}

TEST(ImportsMetricsRows, MalformedRecordsAndExtraCells) {
    FakeResolver agents;
    auto o = check(
        "Employee ID,Date,Quality\n"
        "E1,2024-03-01,80,surprise\n"
        "E1,2024-03-02,80,,\n"  // empty extra cells are fine
        "E2,\"2024-03-01\"x,80\n",
        agents);
    EXPECT_EQ(o.errors, (Errors{{2, "", "surprise", "has more cells than the header has columns"},
                                {4, "", "", "unexpected text after the closing quote of a cell"}}));
    EXPECT_EQ(o.valid, 1);
}

TEST(ImportsMetricsRows, ErrorListIsCappedButCountsStayExact) {
    FakeResolver agents;
    std::string csv = "Employee ID,Date,Quality\n";
    for (int i = 0; i < 50; ++i)
        csv += "E1,2024-01-" + std::string(i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) +
               ",200\n";
    auto o = check(csv, agents, 8192, 10);
    EXPECT_EQ(o.errors.size(), 10u);
    // 50 range errors + duplicates: days 1..22 twice (rows 30..51 repeat rows 2..23): 22
    // second occurrences + 22 first occurrences reported once each.
    EXPECT_EQ(o.error_count, 50 + 44);
    EXPECT_EQ(o.failed, 50);
}

}  // namespace
}  // namespace coach::imports
