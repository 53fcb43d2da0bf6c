#include "dashboards/date_range.hpp"

#include "http/json_input.hpp"

#include <fmt/format.h>

#include <chrono>

namespace coach::dashboards {

namespace {

namespace chr = std::chrono;

chr::sys_days to_days(std::string_view date) {
    int y = std::stoi(std::string(date.substr(0, 4)));
    unsigned m = std::stoul(std::string(date.substr(5, 2)));
    unsigned d = std::stoul(std::string(date.substr(8, 2)));
    return chr::sys_days{chr::year{y} / chr::month{m} / chr::day{d}};
}

std::string to_text(chr::sys_days days) {
    chr::year_month_day ymd{days};
    return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
}

}  // namespace

std::string add_days(std::string_view date, int days) {
    return to_text(to_days(date) + chr::days{days});
}

int days_between(std::string_view from, std::string_view to) {
    return static_cast<int>((to_days(to) - to_days(from)).count());
}

std::optional<DateRange> read_date_range(const std::optional<std::string>& from,
                                         const std::optional<std::string>& to,
                                         std::string_view today, int default_days, int max_days,
                                         std::vector<FieldError>& errors) {
    bool ok = true;
    if (from && !http::is_date(*from)) {
        errors.push_back({"from", "must be a date (YYYY-MM-DD)"});
        ok = false;
    }
    if (to && !http::is_date(*to)) {
        errors.push_back({"to", "must be a date (YYYY-MM-DD)"});
        ok = false;
    }
    if (!ok)
        return std::nullopt;
    DateRange r;
    r.to = to ? *to : std::string(today);
    r.from = from ? *from : add_days(r.to, -(default_days - 1));
    int span = days_between(r.from, r.to);
    if (span < 0) {
        errors.push_back({"from", "must not be after to"});
        return std::nullopt;
    }
    if (span + 1 > max_days) {
        errors.push_back({"to", fmt::format("the range may cover at most {} days", max_days)});
        return std::nullopt;
    }
    return r;
}

}  // namespace coach::dashboards
