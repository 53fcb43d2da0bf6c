#pragma once
// The from=/to= query parameters of the views (overview, correlations): pure, unit-tested.
#include "core/error.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach::dashboards {

struct DateRange {
    std::string from;  // YYYY-MM-DD, inclusive
    std::string to;    // YYYY-MM-DD, inclusive
};

// Defaults: to = today (the organisation's: OrgTimeZone::today()), from = to - (default_days - 1).
// Errors (added to `errors`, field "from" or "to"): not a date; from after to; more than max_days
// days (from and to included).
std::optional<DateRange> read_date_range(const std::optional<std::string>& from,
                                         const std::optional<std::string>& to,
                                         std::string_view today, int default_days, int max_days,
                                         std::vector<FieldError>& errors);

// `date` (YYYY-MM-DD, valid) plus `days` (may be negative).
std::string add_days(std::string_view date, int days);
// Days from `from` to `to` (to - from).
int days_between(std::string_view from, std::string_view to);

}  // namespace coach::dashboards
