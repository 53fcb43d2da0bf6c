#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "metrics/metric_input.hpp"

namespace coach::metrics {
namespace {

constexpr std::string_view kToday = "2024-03-15";
constexpr const char* kAgent = "0b9a1c7e-5f0e-4d8a-9c39-1f2e3d4c5b6a";

Result<std::vector<ParsedRow>> parse(const std::string& body) {
    return parse_metric_rows(boost::json::parse(body), kToday);
}

std::vector<std::string> errors_of(const ParsedRow& r) {
    std::vector<std::string> out;
    for (const auto& e : r.errors)
        out.push_back(e.field + ": " + e.message);
    return out;
}

using Errors = std::vector<std::string>;

TEST(MetricsInput, OneObjectWithNumbersAndNulls) {
    std::string body = R"({"agent_id":")";  // appended: GCC 12 warns on a + chain here
    body += kAgent;
    body += R"(","metric_date":"2024-03-14","service_score":85.5,"aht":300,
                        "csat":4,"quality_score":null,"imported_from":"wfm feed"})";
    auto r = parse(body);
    ASSERT_TRUE(r);
    ASSERT_EQ(r->size(), 1u);
    const ParsedRow& p = (*r)[0];
    EXPECT_EQ(errors_of(p), Errors{});
    EXPECT_EQ(p.row.agent_id, kAgent);
    EXPECT_EQ(p.row.metric_date, "2024-03-14");
    EXPECT_EQ(p.row.value("service_score"), std::optional<std::string>("85.5"));
    EXPECT_EQ(p.row.value("aht"), std::optional<std::string>("300"));
    EXPECT_EQ(p.row.value("csat"), std::optional<std::string>("4"));
    EXPECT_EQ(p.row.value("quality_score"), std::nullopt);  // null: NULL
    EXPECT_EQ(p.row.value("fcr"), std::nullopt);            // omitted: NULL
    EXPECT_EQ(p.row.value("imported_from"), std::optional<std::string>("wfm feed"));
}

TEST(MetricsInput, NumberText) {
    EXPECT_EQ(number_text(boost::json::parse("85.5")), "85.5");
    EXPECT_EQ(number_text(boost::json::parse("85.50")), "85.5");
    EXPECT_EQ(number_text(boost::json::parse("1e2")), "100");
    EXPECT_EQ(number_text(boost::json::parse("12.0")), "12");
    EXPECT_EQ(number_text(boost::json::parse("-0.01")), "-0.01");
    EXPECT_EQ(number_text(boost::json::parse("18446744073709551615")), "18446744073709551615");
    EXPECT_EQ(number_text(boost::json::parse("\"85\"")), std::nullopt);
    EXPECT_EQ(number_text(boost::json::parse("true")), std::nullopt);
    // A huge double is written out in full, then fails the range check.
    auto big = number_text(boost::json::parse("1e300"));
    ASSERT_TRUE(big);
    EXPECT_EQ(big->size(), 301u);
}

TEST(MetricsInput, WrongTypesUnknownAndReadOnlyFields) {
    auto r = parse(R"({"agent_id":5,"service_score":"85","aht":true,"imported_from":3,
                       "id":"x","composite_score":80,"colour":"red","csat":7})");
    ASSERT_TRUE(r);
    EXPECT_EQ(errors_of((*r)[0]),
              (Errors{"agent_id: must be a string", "metric_date: is required",
                      "service_score: must be a number", "csat: must be between 1 and 5",
                      "aht: must be a number", "imported_from: must be a string",
                      "id: is set by the server; leave it out",
                      "composite_score: is set by the server; leave it out",
                      "colour: is not a known field"}));
}

TEST(MetricsInput, RangesFromValidate) {
    auto r = parse(std::string(R"({"agent_id":"nope","metric_date":"2024-03-16",
                                   "service_score":100.001,"actual_hours":24.5,"calls_handled":-1,
                                   "aht":12.5})"));
    ASSERT_TRUE(r);
    EXPECT_EQ(
        errors_of((*r)[0]),
        (Errors{"agent_id: must be a UUID", "metric_date: must not be in the future",
                "service_score: must have at most 2 decimal places", "aht: must be a whole number",
                "calls_handled: must be between 0 and 2147483647",
                "actual_hours: must be between 0 and 24"}));
}

TEST(MetricsInput, ArrayRowsAreIndependentAndDuplicatesFail) {
    std::string a = kAgent;
    std::string upper = "0B9A1C7E-5F0E-4D8A-9C39-1F2E3D4C5B6A";  // same agent
    auto r = parse("[{\"agent_id\":\"" + a + "\",\"metric_date\":\"2024-03-01\"}," + "42," +
                   "{\"agent_id\":\"" + a + "\",\"metric_date\":\"2024-03-02\"}," +
                   "{\"agent_id\":\"" + upper + "\",\"metric_date\":\"2024-03-01\"}]");
    ASSERT_TRUE(r);
    ASSERT_EQ(r->size(), 4u);
    EXPECT_EQ(errors_of((*r)[0]), Errors{});
    EXPECT_EQ(errors_of((*r)[1]), Errors{"row: must be an object"});
    EXPECT_EQ(errors_of((*r)[2]), Errors{});
    EXPECT_EQ(
        errors_of((*r)[3]),
        Errors{"metric_date: repeats the agent_id and metric_date of item 0 of this request"});
}

TEST(MetricsInput, RequestLevelErrors) {
    auto empty = parse("[]");
    ASSERT_FALSE(empty);
    EXPECT_EQ(empty.error().code, ErrorCode::ValidationFailed);
    ASSERT_EQ(empty.error().details.size(), 1u);
    EXPECT_EQ(empty.error().details[0].field, "body");

    auto scalar = parse("\"hello\"");
    ASSERT_FALSE(scalar);
    EXPECT_EQ(scalar.error().code, ErrorCode::BadRequest);

    std::string many = "[";
    for (std::size_t i = 0; i <= kMaxRowsPerRequest; ++i)  // 1001 rows
        many += std::string(i ? "," : "") + "{}";
    many += "]";
    auto big = parse(many);
    ASSERT_FALSE(big);
    EXPECT_EQ(big.error().code, ErrorCode::PayloadTooLarge);

    std::string exactly = "[";
    for (std::size_t i = 0; i < kMaxRowsPerRequest; ++i)  // 1000 rows: accepted
        exactly += std::string(i ? "," : "") + "{}";
    exactly += "]";
    auto ok = parse(exactly);
    ASSERT_TRUE(ok);
    EXPECT_EQ(ok->size(), kMaxRowsPerRequest);
}

TEST(MetricsInput, TodayAnywhereIsTheDateAtUtcPlus14) {
    using namespace std::chrono;
    auto at = [](int h, int m, int sec) {
        return sys_days{2026y / November / 25} + hours(h) + minutes(m) + seconds(sec);
    };
    // 09:59:59 UTC is 23:59:59 at UTC+14; 10:00 UTC is already the 26th there.
    EXPECT_EQ(today_anywhere(at(9, 59, 59)), "2026-11-25");
    EXPECT_EQ(today_anywhere(at(10, 0, 0)), "2026-11-26");
    EXPECT_EQ(today_anywhere(sys_days{2024y / December / 31} + hours(10)), "2025-01-01");
    EXPECT_EQ(today_anywhere(sys_days{2024y / February / 28} + hours(10)), "2024-02-29");
}

}  // namespace
}  // namespace coach::metrics
