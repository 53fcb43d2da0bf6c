// METRICS header matching and cell conversions (percentages, decimal commas, AHT, dates).
#include "imports/metrics_columns.hpp"

#include <gtest/gtest.h>

namespace coach::imports {
namespace {

using Errors = std::vector<ImportError>;

std::string column_of(const MetricsColumns& m, std::size_t cell) {
    for (const auto& c : m.metrics)
        if (c.cell == cell)
            return std::string(metrics::kMetricColumns[c.metric]);
    if (m.employee_id && m.employee_id->cell == cell)
        return "employee_id";
    if (m.email && m.email->cell == cell)
        return "email";
    if (m.metric_date && m.metric_date->cell == cell)
        return "metric_date";
    return "-";
}

TEST(ImportsMetricsColumns, HeadersMatchByNameAndAliasIgnoringCaseSpacesAndUnits) {
    std::vector<std::string_view> header = {"Employee ID",
                                            "Agent Email",
                                            " Date ",
                                            "CSAT",
                                            "FCR %",
                                            "AHT (mm:ss)",
                                            "Service",
                                            "QUALITY",
                                            "Attendance",
                                            "Adherence",
                                            "productivity_score",
                                            "Calls Handled",
                                            "Break Time (minutes)",
                                            "Agent Name",
                                            "Team"};
    Errors errors;
    auto m = match_metrics_header(header, 1, errors);
    EXPECT_EQ(errors, Errors{});
    std::vector<std::string> got;
    for (std::size_t i = 0; i < header.size(); ++i)
        got.push_back(column_of(m, i));
    EXPECT_EQ(got, (std::vector<std::string>{
                       "employee_id", "email", "metric_date", "csat", "fcr", "aht", "service_score",
                       "quality_score", "attendance_rate", "adherence_score", "productivity_score",
                       "calls_handled", "break_time_minutes", "-", "-"}));
    // "Agent Name" is known and ignored silently; "Team" is unknown and reported.
    EXPECT_EQ(m.ignored, std::vector<std::string>{"Team"});
    EXPECT_EQ(m.employee_id->header, "Employee ID");
    EXPECT_EQ(m.metric_date->header, "Date");
    // Metric columns come in table order, whatever the file order.
    ASSERT_EQ(m.metrics.size(), 10u);
    EXPECT_EQ(metrics::kMetricColumns[m.metrics.front().metric], "service_score");
    EXPECT_EQ(metrics::kMetricColumns[m.metrics.back().metric], "break_time_minutes");
}

TEST(ImportsMetricsColumns, MoreAliases) {
    Errors errors;
    auto m = match_metrics_header({"employee_id", "Metric Date", "Service Score", "agent_id"}, 1,
                                  errors);
    // employee_id and Agent ID mean the same column: reported, the first kept.
    EXPECT_EQ(errors, (Errors{{1, "agent_id", "agent_id",
                               "means the same column as \"employee_id\"; keep only one"}}));
    EXPECT_EQ(m.employee_id->cell, 0u);
    errors.clear();
    m = match_metrics_header({"Email", "Date", "Service", "Service Score %"}, 3, errors);
    EXPECT_EQ(errors, (Errors{{3, "Service Score %", "Service Score %",
                               "means the same column as \"Service\"; keep only one"}}));
}

TEST(ImportsMetricsColumns, MissingColumnsAreReported) {
    Errors errors;
    match_metrics_header({"Name", "Foo"}, 1, errors);
    EXPECT_EQ(errors,
              (Errors{{1, "", "",
                       "no agent column: add \"employee_id\" or \"email\" (or \"Employee ID\", "
                       "\"Agent Email\")"},
                      {1, "", "", "no date column: add \"metric_date\" (or \"Date\")"},
                      {1, "", "",
                       "no metric column (such as service_score, quality_score, csat or aht); "
                       "the template lists them"}}));
}

TEST(ImportsMetricsColumns, ValueKinds) {
    auto kind = [](std::string_view c) {
        for (std::size_t i = 0; i < metrics::kMetricColumns.size(); ++i)
            if (metrics::kMetricColumns[i] == c)
                return value_kind(i);
        return ValueKind::Decimal;
    };
    EXPECT_EQ(kind("service_score"), ValueKind::Percent);
    EXPECT_EQ(kind("fcr"), ValueKind::Percent);
    EXPECT_EQ(kind("qa_score"), ValueKind::Percent);
    EXPECT_EQ(kind("csat"), ValueKind::Decimal);
    EXPECT_EQ(kind("actual_hours"), ValueKind::Decimal);
    EXPECT_EQ(kind("aht"), ValueKind::Seconds);
    EXPECT_EQ(kind("calls_escalated"), ValueKind::Integer);
    EXPECT_EQ(kind("aux_time_minutes"), ValueKind::Integer);
}

std::string value(ValueKind k, std::string_view cell, bool decimal_comma = false) {
    std::string out;
    const char* e = normalize_value(k, trim(cell), decimal_comma, out);
    return e ? std::string("! ") + e : out;
}

TEST(ImportsMetricsColumns, Percentages) {
    EXPECT_EQ(value(ValueKind::Percent, "85.5"), "85.5");
    EXPECT_EQ(value(ValueKind::Percent, "85.5%"), "85.5");
    EXPECT_EQ(value(ValueKind::Percent, " 85.5 % "), "85.5");
    EXPECT_EQ(value(ValueKind::Percent, "+.5"), "0.5");
    EXPECT_EQ(value(ValueKind::Percent, "100."), "100");
    EXPECT_EQ(value(ValueKind::Percent, "-3"), "-3");      // range checked by metrics::validate
    EXPECT_EQ(value(ValueKind::Decimal, "4.5%"), "4.5%");  // csat: no percent sign
}

TEST(ImportsMetricsColumns, DecimalCommaOnlyWhereTheSeparatorAllowsIt) {
    EXPECT_EQ(value(ValueKind::Percent, "85,5", true), "85.5");
    EXPECT_EQ(value(ValueKind::Decimal, "4,25", true), "4.25");
    EXPECT_EQ(value(ValueKind::Percent, "85,5", false),
              "! must use a dot as decimal separator (a decimal comma is accepted only in "
              "semicolon- or tab-separated files)");
    EXPECT_EQ(value(ValueKind::Percent, "1,234.5", true), "! must be a number");
    EXPECT_EQ(value(ValueKind::Integer, "1,234", true), "! must be a whole number");
}

TEST(ImportsMetricsColumns, Integers) {
    EXPECT_EQ(value(ValueKind::Integer, "12"), "12");
    EXPECT_EQ(value(ValueKind::Integer, "12.00"), "12");
    EXPECT_EQ(value(ValueKind::Integer, "12.5"), "12.5");  // metrics::validate refuses it
}

TEST(ImportsMetricsColumns, AhtAsSecondsOrClock) {
    EXPECT_EQ(value(ValueKind::Seconds, "312"), "312");
    EXPECT_EQ(value(ValueKind::Seconds, "312.4"), "312");
    EXPECT_EQ(value(ValueKind::Seconds, "312.5"), "313");
    EXPECT_EQ(value(ValueKind::Seconds, "312,5", true), "313");
    EXPECT_EQ(value(ValueKind::Seconds, "5:12"), "312");  // 5*60+12
    EXPECT_EQ(value(ValueKind::Seconds, "05:12"), "312");
    EXPECT_EQ(value(ValueKind::Seconds, "0:59"), "59");
    EXPECT_EQ(value(ValueKind::Seconds, "1:05:12"), "3912");  // 3600+5*60+12
    EXPECT_EQ(value(ValueKind::Seconds, "75:00"), "4500");    // minutes may exceed 59
    EXPECT_EQ(value(ValueKind::Seconds, "5:7"), "! must be seconds, m:ss or h:mm:ss");
    EXPECT_EQ(value(ValueKind::Seconds, "5:60"), "! must be seconds, m:ss or h:mm:ss");
    EXPECT_EQ(value(ValueKind::Seconds, "1:60:00"), "! must be seconds, m:ss or h:mm:ss");
    EXPECT_EQ(value(ValueKind::Seconds, "1:2:3:4"), "! must be seconds, m:ss or h:mm:ss");
    EXPECT_EQ(value(ValueKind::Seconds, ":30"), "! must be seconds, m:ss or h:mm:ss");
    EXPECT_EQ(value(ValueKind::Seconds, "abc"), "abc");  // "must be a whole number" later
}

TEST(ImportsMetricsColumns, EmptyValues) {
    for (auto s : {"", "-", "N/A", "n/a", "NA", "#N/A", "null", "NULL"})
        EXPECT_TRUE(is_empty_value(trim(s))) << s;
    for (auto s : {"0", "none", "nan", "NAME"})
        EXPECT_FALSE(is_empty_value(trim(s))) << s;
}

std::string date(std::string_view cell, int* days_out = nullptr) {
    std::string out;
    int days = -1;
    const char* e = normalize_date(cell, out, days);
    if (days_out)
        *days_out = days;
    return e ? std::string("! ") + e : out;
}

TEST(ImportsMetricsColumns, Dates) {
    int days = 0;
    EXPECT_EQ(date("2024-03-01", &days), "2024-03-01");
    EXPECT_EQ(days, 19783);  // 54 years incl. 13 leap days: 54*365+13 = 19723, +60 (Jan+Feb)
    EXPECT_EQ(date("1970-01-01", &days), "1970-01-01");
    EXPECT_EQ(days, 0);
    EXPECT_EQ(date("2024/3/1"), "2024-03-01");
    EXPECT_EQ(date("2024.03.01"), "2024-03-01");
    EXPECT_EQ(date("2024-03-01T08:30:00Z"), "2024-03-01");
    EXPECT_EQ(date("2024-03-01 00:00"), "2024-03-01");
    EXPECT_EQ(date("2024-03-01T23:00:00-05:00"), "2024-03-01");  // the date as written
    EXPECT_EQ(date("2024-02-29"), "2024-02-29");
    EXPECT_EQ(date("2023-02-29"), "! is not a real calendar date");
    EXPECT_EQ(date("2024-13-01"), "! is not a real calendar date");
    const std::string ambiguous = "! is ambiguous (day or month first?): write dates as YYYY-MM-DD";
    EXPECT_EQ(date("3/4/2024"), ambiguous);
    EXPECT_EQ(date("04.03.2024"), ambiguous);
    EXPECT_EQ(date("13/04/2024"), ambiguous);
    EXPECT_EQ(date("3-4-24"), ambiguous);
    const std::string bad = "! must be a date (YYYY-MM-DD)";
    EXPECT_EQ(date("yesterday"), bad);
    EXPECT_EQ(date("20240301"), bad);
    EXPECT_EQ(date("45352"), bad);  // a spreadsheet serial number in a CSV
    EXPECT_EQ(date("2024-03-01Tnoon"), bad);
    EXPECT_EQ(date("2024-03"), bad);
    EXPECT_EQ(date("2024-03-01-02"), bad);
}

}  // namespace
}  // namespace coach::imports
