#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "metrics/metric_row.hpp"

namespace coach::metrics {
namespace {

constexpr std::string_view kToday = "2024-03-15";

MetricRow valid_row() {
    MetricRow r;
    r.agent_id = "0b9a1c7e-5f0e-4d8a-9c39-1f2e3d4c5b6a";
    r.metric_date = "2024-03-14";
    return r;
}

// "field: message" of every error, in order.
std::vector<std::string> errors_of(const MetricRow& r) {
    std::vector<std::string> out;
    for (const auto& e : validate(r, kToday))
        out.push_back(e.field + ": " + e.message);
    return out;
}

std::vector<std::string> errors_with(std::string_view column, std::string value) {
    MetricRow r = valid_row();
    r.value(column) = std::move(value);
    return errors_of(r);
}

using Errors = std::vector<std::string>;

TEST(MetricsValidation, MinimalRowIsValid) {
    EXPECT_EQ(errors_of(valid_row()), Errors{});
}

TEST(MetricsValidation, FullValidRowAtEveryBoundary) {
    MetricRow r = valid_row();
    for (auto c : {"service_score", "productivity_score", "quality_score", "attendance_rate",
                   "adherence_score", "fcr", "script_adherence", "compliance_score", "qa_score"})
        r.value(c) = "100.00";
    r.value("csat") = "5";
    r.value("aht") = "2147483647";  // int4 max
    r.value("calls_handled") = "0";
    r.value("calls_transferred") = "0";
    r.value("calls_escalated") = "2147483647";
    r.value("scheduled_hours") = "24.00";
    r.value("actual_hours") = "0";
    r.value("break_time_minutes") = "0";
    r.value("lunch_time_minutes") = "60";
    r.value("aux_time_minutes") = "15";
    r.value("imported_from") = std::string(255, 'x');
    EXPECT_EQ(errors_of(r), Errors{});

    r.value("service_score") = "0";
    r.value("csat") = "1.00";
    r.value("scheduled_hours") = "0.00";
    r.value("actual_hours") = "24";
    EXPECT_EQ(errors_of(r), Errors{});
}

TEST(MetricsValidation, ValueAccessorByColumnName) {
    MetricRow r = valid_row();
    r.value("qa_score") = "80";
    EXPECT_EQ(r.values[18], std::optional<std::string>("80"));  // qa_score is column 19 of 20
    const MetricRow& cr = r;
    EXPECT_EQ(cr.value("qa_score"), std::optional<std::string>("80"));
    EXPECT_THROW(r.value("composite_score"), std::invalid_argument);  // generated, not writable
}

TEST(MetricsValidation, AgentIdMustBeUuid) {
    MetricRow r = valid_row();
    r.agent_id = "not-a-uuid";
    EXPECT_EQ(errors_of(r), Errors{"agent_id: must be a UUID"});
    r.agent_id = "";
    EXPECT_EQ(errors_of(r), Errors{"agent_id: must be a UUID"});
    r.agent_id = "0B9A1C7E-5F0E-4D8A-9C39-1F2E3D4C5B6A";  // upper case is a UUID too
    EXPECT_EQ(errors_of(r), Errors{});
}

TEST(MetricsValidation, MetricDateMustBeARealPastOrTodayDate) {
    MetricRow r = valid_row();
    for (std::string bad : {"2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "2024-3-14",
                            "14/03/2024", "", "2024-03-14T00:00:00"}) {
        r.metric_date = bad;
        EXPECT_EQ(errors_of(r), Errors{"metric_date: must be a date (YYYY-MM-DD)"}) << bad;
    }
    r.metric_date = "2024-02-29";  // leap day
    EXPECT_EQ(errors_of(r), Errors{});
    r.metric_date = "2024-03-15";  // today
    EXPECT_EQ(errors_of(r), Errors{});
    r.metric_date = "2024-03-16";  // tomorrow
    EXPECT_EQ(errors_of(r), Errors{"metric_date: must not be in the future"});
    r.metric_date = "2025-01-01";
    EXPECT_EQ(errors_of(r), Errors{"metric_date: must not be in the future"});
}

TEST(MetricsValidation, ScoresZeroToHundredTwoDecimals) {
    for (auto c : {"service_score", "productivity_score", "quality_score", "attendance_rate",
                   "adherence_score", "fcr", "script_adherence", "compliance_score", "qa_score"}) {
        std::string col(c);
        EXPECT_EQ(errors_with(c, "85.25"), Errors{}) << c;
        EXPECT_EQ(errors_with(c, "85.50"), Errors{}) << c;
        EXPECT_EQ(errors_with(c, "85.500"), Errors{}) << c;  // trailing zeros are not decimals
        EXPECT_EQ(errors_with(c, "0.01"), Errors{}) << c;
        EXPECT_EQ(errors_with(c, "-0"), Errors{}) << c;
        EXPECT_EQ(errors_with(c, "100.01"), Errors{col + ": must be between 0 and 100"});
        EXPECT_EQ(errors_with(c, "-0.01"), Errors{col + ": must be between 0 and 100"});
        EXPECT_EQ(errors_with(c, "1000"), Errors{col + ": must be between 0 and 100"});
        EXPECT_EQ(errors_with(c, "99999999999999999999"),
                  Errors{col + ": must be between 0 and 100"});
        EXPECT_EQ(errors_with(c, "85.255"), Errors{col + ": must have at most 2 decimal places"});
        EXPECT_EQ(errors_with(c, "abc"), Errors{col + ": must be a number"});
        EXPECT_EQ(errors_with(c, ""), Errors{col + ": must be a number"});
        EXPECT_EQ(errors_with(c, "85."), Errors{col + ": must be a number"});
        EXPECT_EQ(errors_with(c, ".5"), Errors{col + ": must be a number"});
        EXPECT_EQ(errors_with(c, "85%"), Errors{col + ": must be a number"});
        EXPECT_EQ(errors_with(c, "8e1"), Errors{col + ": must be a number"});
        EXPECT_EQ(errors_with(c, " 85"), Errors{col + ": must be a number"});
        EXPECT_EQ(errors_with(c, "85,5"), Errors{col + ": must be a number"});
        EXPECT_EQ(errors_with(c, "NaN"), Errors{col + ": must be a number"});
        EXPECT_EQ(errors_with(c, "+85"), Errors{col + ": must be a number"});
    }
}

TEST(MetricsValidation, CsatOneToFive) {
    EXPECT_EQ(errors_with("csat", "4.75"), Errors{});
    EXPECT_EQ(errors_with("csat", "0.99"), Errors{"csat: must be between 1 and 5"});
    EXPECT_EQ(errors_with("csat", "0"), Errors{"csat: must be between 1 and 5"});
    EXPECT_EQ(errors_with("csat", "5.01"), Errors{"csat: must be between 1 and 5"});
    EXPECT_EQ(errors_with("csat", "10"), Errors{"csat: must be between 1 and 5"});
    EXPECT_EQ(errors_with("csat", "4.333"), Errors{"csat: must have at most 2 decimal places"});
}

TEST(MetricsValidation, HoursZeroToTwentyFour) {
    for (auto c : {"scheduled_hours", "actual_hours"}) {
        std::string col(c);
        EXPECT_EQ(errors_with(c, "7.5"), Errors{});
        EXPECT_EQ(errors_with(c, "24.01"), Errors{col + ": must be between 0 and 24"});
        EXPECT_EQ(errors_with(c, "25"), Errors{col + ": must be between 0 and 24"});
        EXPECT_EQ(errors_with(c, "-1"), Errors{col + ": must be between 0 and 24"});
        EXPECT_EQ(errors_with(c, "7.125"), Errors{col + ": must have at most 2 decimal places"});
    }
}

TEST(MetricsValidation, CountsAndMinutesAreNonNegativeInt4) {
    for (auto c : {"aht", "calls_handled", "calls_transferred", "calls_escalated",
                   "break_time_minutes", "lunch_time_minutes", "aux_time_minutes"}) {
        std::string col(c);
        EXPECT_EQ(errors_with(c, "0"), Errors{});
        EXPECT_EQ(errors_with(c, "007"), Errors{});
        EXPECT_EQ(errors_with(c, "2147483647"), Errors{});
        EXPECT_EQ(errors_with(c, "2147483648"), Errors{col + ": must be between 0 and 2147483647"});
        EXPECT_EQ(errors_with(c, "99999999999999999999999"),
                  Errors{col + ": must be between 0 and 2147483647"});
        EXPECT_EQ(errors_with(c, "-1"), Errors{col + ": must be between 0 and 2147483647"});
        EXPECT_EQ(errors_with(c, "12.5"), Errors{col + ": must be a whole number"});
        EXPECT_EQ(errors_with(c, "12.0"), Errors{col + ": must be a whole number"});
        EXPECT_EQ(errors_with(c, "5:30"), Errors{col + ": must be a whole number"});
        EXPECT_EQ(errors_with(c, ""), Errors{col + ": must be a whole number"});
        EXPECT_EQ(errors_with(c, "-"), Errors{col + ": must be a whole number"});
    }
}

TEST(MetricsValidation, ImportedFromIsAtMost255Characters) {
    EXPECT_EQ(errors_with("imported_from", ""), Errors{});
    // 255 two-byte characters (510 bytes) still fit VARCHAR(255), which counts characters.
    std::string e_acute;
    for (int i = 0; i < 255; ++i)
        e_acute += "\xC3\xA9";
    EXPECT_EQ(errors_with("imported_from", e_acute), Errors{});
    EXPECT_EQ(errors_with("imported_from", e_acute + "x"),
              Errors{"imported_from: must be at most 255 characters"});
    EXPECT_EQ(errors_with("imported_from", std::string(256, 'x')),
              Errors{"imported_from: must be at most 255 characters"});
    EXPECT_EQ(errors_with("imported_from", std::string("a\0b", 3)),
              Errors{"imported_from: must be valid UTF-8 text without NUL characters"});
    EXPECT_EQ(errors_with("imported_from", "\xC3"),
              Errors{"imported_from: must be valid UTF-8 text without NUL characters"});
}

TEST(MetricsValidation, EveryProblemReportedInColumnOrder) {
    MetricRow r;
    r.agent_id = "x";
    r.metric_date = "2099-01-01";
    r.value("qa_score") = "101";
    r.value("service_score") = "-1";
    r.value("csat") = "6";
    r.value("aht") = "1.5";
    EXPECT_EQ(errors_of(r),
              (Errors{"agent_id: must be a UUID", "metric_date: must not be in the future",
                      "service_score: must be between 0 and 100", "csat: must be between 1 and 5",
                      "aht: must be a whole number", "qa_score: must be between 0 and 100"}));
}

}  // namespace
}  // namespace coach::metrics
