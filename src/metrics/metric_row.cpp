#include "metrics/metric_row.hpp"

#include "core/utf8.hpp"
#include "http/json_input.hpp"

#include <cstdint>
#include <stdexcept>

namespace coach::metrics {
namespace {

// How each writable column is checked; mirrors the CHECKs and types of performance_metrics in
// db/migrations/0001_schema.sql.
struct Rule {
    enum Kind { Decimal, Integer, Text } kind;
    // Decimal: inclusive range in hundredths (numeric(p,2) with 2 decimals at most).
    std::int64_t min = 0;
    std::int64_t max = 0;
    const char* range_message = "";
};

constexpr std::int64_t kInt4Max = 2147483647;

constexpr Rule kScore{Rule::Decimal, 0, 10000, "must be between 0 and 100"};
constexpr Rule kCsat{Rule::Decimal, 100, 500, "must be between 1 and 5"};
constexpr Rule kHours{Rule::Decimal, 0, 2400, "must be between 0 and 24"};
constexpr Rule kCount{Rule::Integer, 0, kInt4Max, "must be between 0 and 2147483647"};
constexpr Rule kText{Rule::Text, 0, 255, "must be at most 255 characters"};

// Same order as kMetricColumns.
constexpr std::array<Rule, kMetricColumns.size()> kRules = {
    kScore,  // service_score
    kScore,  // productivity_score
    kScore,  // quality_score
    kScore,  // attendance_rate
    kScore,  // adherence_score
    kCsat,   // csat DECIMAL(3,2) 1..5
    kScore,  // fcr DECIMAL(5,2) 0..100
    kCount,  // aht (seconds)
    kCount,  // calls_handled
    kCount,  // calls_transferred
    kCount,  // calls_escalated
    kHours,  // scheduled_hours DECIMAL(4,2) 0..24
    kHours,  // actual_hours DECIMAL(4,2) 0..24
    kCount,  // break_time_minutes
    kCount,  // lunch_time_minutes
    kCount,  // aux_time_minutes
    kScore,  // script_adherence
    kScore,  // compliance_score
    kScore,  // qa_score
    kText,   // imported_from VARCHAR(255)
};

std::size_t column_index(std::string_view column) {
    for (std::size_t i = 0; i < kMetricColumns.size(); ++i)
        if (kMetricColumns[i] == column)
            return i;
    throw std::invalid_argument("not a performance_metrics column: " + std::string(column));
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

// Checks a PostgreSQL numeric literal limited to [-]digits[.digits]. Reports its value in
// hundredths when it has at most 2 decimals and a magnitude that fits (larger ones are out of
// every range here anyway, reported as such).
enum class Parse { Ok, NotNumber, TooManyDecimals, Huge };

Parse parse_decimal(std::string_view s, std::int64_t& hundredths) {
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    auto dot = s.find('.');
    std::string_view whole = s.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
    if (whole.empty() || (dot != std::string_view::npos && fraction.empty()))
        return Parse::NotNumber;
    for (char c : whole)
        if (!is_digit(c))
            return Parse::NotNumber;
    for (char c : fraction)
        if (!is_digit(c))
            return Parse::NotNumber;
    // Trailing zeros do not count as decimals ("85.50" and "85.500" are 85.5).
    while (!fraction.empty() && fraction.back() == '0')
        fraction.remove_suffix(1);
    if (fraction.size() > 2)
        return Parse::TooManyDecimals;
    while (whole.size() > 1 && whole.front() == '0')
        whole.remove_prefix(1);
    if (whole.size() > 12)
        return Parse::Huge;
    std::int64_t v = 0;
    for (char c : whole)
        v = v * 10 + (c - '0');
    v *= 100;
    if (!fraction.empty())
        v += static_cast<std::int64_t>(fraction[0] - '0') * 10;
    if (fraction.size() > 1)
        v += fraction[1] - '0';
    hundredths = negative ? -v : v;
    return Parse::Ok;
}

// [-]digits; `value` set when it fits comfortably in 64 bits.
enum class IntParse { Ok, NotInteger, Huge };

IntParse parse_integer(std::string_view s, std::int64_t& value) {
    bool negative = false;
    if (!s.empty() && s.front() == '-') {
        negative = true;
        s.remove_prefix(1);
    }
    if (s.empty())
        return IntParse::NotInteger;
    for (char c : s)
        if (!is_digit(c))
            return IntParse::NotInteger;
    while (s.size() > 1 && s.front() == '0')
        s.remove_prefix(1);
    if (s.size() > 18)
        return IntParse::Huge;
    std::int64_t v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    value = negative ? -v : v;
    return IntParse::Ok;
}

void check_value(std::string_view column, const Rule& rule, std::string_view v,
                 std::vector<FieldError>& errors) {
    auto fail = [&](const char* message) { errors.push_back({std::string(column), message}); };
    switch (rule.kind) {
        case Rule::Decimal: {
            std::int64_t h = 0;
            switch (parse_decimal(v, h)) {
                case Parse::NotNumber:
                    return fail("must be a number");
                case Parse::TooManyDecimals:
                    return fail("must have at most 2 decimal places");
                case Parse::Huge:
                    return fail(rule.range_message);
                case Parse::Ok:
                    if (h < rule.min || h > rule.max)
                        fail(rule.range_message);
                    return;
            }
            return;
        }
        case Rule::Integer: {
            std::int64_t n = 0;
            switch (parse_integer(v, n)) {
                case IntParse::NotInteger:
                    return fail("must be a whole number");
                case IntParse::Huge:
                    return fail(rule.range_message);
                case IntParse::Ok:
                    if (n < rule.min || n > rule.max)
                        fail(rule.range_message);
                    return;
            }
            return;
        }
        case Rule::Text: {
            auto n = utf8_length(v);
            if (n == std::string_view::npos)
                return fail("must be valid UTF-8 text without NUL characters");
            if (static_cast<std::int64_t>(n) > rule.max)
                fail(rule.range_message);
            return;
        }
    }
}

}  // namespace

std::optional<std::string>& MetricRow::value(std::string_view column) {
    return values[column_index(column)];
}

const std::optional<std::string>& MetricRow::value(std::string_view column) const {
    return values[column_index(column)];
}

std::vector<FieldError> validate(const MetricRow& row, std::string_view today) {
    std::vector<FieldError> errors;
    if (!http::is_uuid(row.agent_id))
        errors.push_back({"agent_id", "must be a UUID"});
    if (!http::is_date(row.metric_date))
        errors.push_back({"metric_date", "must be a date (YYYY-MM-DD)"});
    else if (row.metric_date > today)  // same fixed-width format: text order is date order
        errors.push_back({"metric_date", "must not be in the future"});
    for (std::size_t i = 0; i < kMetricColumns.size(); ++i)
        if (row.values[i])
            check_value(kMetricColumns[i], kRules[i], *row.values[i], errors);
    return errors;
}

}  // namespace coach::metrics
