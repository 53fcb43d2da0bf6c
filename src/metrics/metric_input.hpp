#pragma once
// The body of PUT /api/v1/performance-metrics: one row object or an array of them, each
// {agent_id, metric_date, <metric columns>}. Pure parsing and validation (no I/O): every row
// gets its own field errors, so the handler can answer per row.
#include "core/clock.hpp"
#include "core/error.hpp"
#include "http/types.hpp"
#include "metrics/metric_row.hpp"

#include <boost/json/value.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace coach::metrics {

inline constexpr std::size_t kMaxRowsPerRequest = 1000;

struct ParsedRow {
    MetricRow row;
    std::vector<FieldError> errors;  // empty: valid, ready to write
};

// Request-level problems are errors: 400 when the body is neither an object nor an array,
// 413 beyond kMaxRowsPerRequest rows, 422 for an empty array. Row-level problems (wrong JSON
// types, unknown or read-only fields, the ranges of validate(), the same agent_id and
// metric_date twice in one request) are left in each ParsedRow::errors. Numbers must be JSON
// numbers; `null` or an omitted column is NULL (PUT replaces the whole day).
Result<std::vector<ParsedRow>> parse_metric_rows(const boost::json::value& body,
                                                 std::string_view today);

// 415 unless Content-Type is JSON, 400 for malformed JSON, then parse_metric_rows.
Result<std::vector<ParsedRow>> parse_metric_request(const http::Request& req,
                                                    std::string_view today);

// The JSON number as PostgreSQL numeric input text ("85.5", "12", "-0"); nullopt when `v` is
// not a number.
std::optional<std::string> number_text(const boost::json::value& v);

// DECISION: "no dates in the future" means after the date it is now in the earliest time zone
// on Earth (UTC+14): a contact center east of UTC may send today's figures before UTC midnight.
std::string today_anywhere(std::chrono::system_clock::time_point now = clock::now());

}  // namespace coach::metrics
