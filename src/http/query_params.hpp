#pragma once
// Typed query parameters (?name=value): each reads one, adds a field error (answered as 422 with
// the others: docs/architecture.md, "Errors") and gives nullopt when the value is not of its
// type, so a route reports every bad parameter at once. Absent: nullopt (false for a flag).
#include "core/error.hpp"
#include "http/request_context.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace coach::http {

// One of `allowed` (exact, case-sensitive); else "must be one of A, B, C".
std::optional<std::string> enum_query(const RequestContext& ctx, std::string_view name,
                                      std::span<const std::string_view> allowed,
                                      std::vector<FieldError>& errors);

// A UUID; else "must be a UUID".
std::optional<std::string> uuid_query(const RequestContext& ctx, std::string_view name,
                                      std::vector<FieldError>& errors);

// A calendar date, YYYY-MM-DD; else "must be a date (YYYY-MM-DD)".
std::optional<std::string> date_query(const RequestContext& ctx, std::string_view name,
                                      std::vector<FieldError>& errors);

// A point in time for a from/to filter: an RFC 3339 date and time, passed on as it is, or a date
// (YYYY-MM-DD, the organisation's day: PostgreSQL reads it at midnight in the session's zone);
// with `end_of_day`, a date names the midnight after it, so that `to=2026-12-07` includes that
// day. Else "must be a date (YYYY-MM-DD) or a date and time with its offset".
std::optional<std::string> instant_query(const RequestContext& ctx, std::string_view name,
                                         bool end_of_day, std::vector<FieldError>& errors);

// true or false (absent: false); else "must be true or false".
bool flag_query(const RequestContext& ctx, std::string_view name, std::vector<FieldError>& errors);

}  // namespace coach::http
