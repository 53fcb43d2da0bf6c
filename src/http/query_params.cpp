#include "http/query_params.hpp"

#include "http/json_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace coach::http {
namespace {

// The parameter when present and `valid`; else nullopt, with `message` as its error.
template <class Valid>
std::optional<std::string> checked(const RequestContext& ctx, std::string_view name,
                                   std::vector<FieldError>& errors, Valid valid,
                                   std::string_view message) {
    auto v = ctx.query_param(name);
    if (v && !valid(*v)) {
        errors.push_back({std::string(name), std::string(message)});
        v.reset();
    }
    return v;
}

}  // namespace

std::optional<std::string> enum_query(const RequestContext& ctx, std::string_view name,
                                      std::span<const std::string_view> allowed,
                                      std::vector<FieldError>& errors) {
    return checked(
        ctx, name, errors,
        [&](const std::string& v) {
            return std::find(allowed.begin(), allowed.end(), v) != allowed.end();
        },
        fmt::format("must be one of {}", fmt::join(allowed, ", ")));
}

std::optional<std::string> uuid_query(const RequestContext& ctx, std::string_view name,
                                      std::vector<FieldError>& errors) {
    return checked(
        ctx, name, errors, [](const std::string& v) { return is_uuid(v); }, "must be a UUID");
}

std::optional<std::string> date_query(const RequestContext& ctx, std::string_view name,
                                      std::vector<FieldError>& errors) {
    return checked(
        ctx, name, errors, [](const std::string& v) { return is_date(v); },
        "must be a date (YYYY-MM-DD)");
}

bool flag_query(const RequestContext& ctx, std::string_view name, std::vector<FieldError>& errors) {
    constexpr std::string_view kFlags[] = {"true", "false"};
    return enum_query(ctx, name, kFlags, errors) == "true";
}

std::optional<std::string> instant_query(const RequestContext& ctx, std::string_view name,
                                         bool end_of_day, std::vector<FieldError>& errors) {
    auto v = ctx.query_param(name);
    if (!v)
        return std::nullopt;
    if (is_timestamp(*v) || (is_date(*v) && !end_of_day))
        return v;
    if (is_date(*v)) {
        using namespace std::chrono;
        const year_month_day day{
            year{std::stoi(v->substr(0, 4))},
            month{static_cast<unsigned>(std::stoul(v->substr(5, 2)))},
            std::chrono::day{static_cast<unsigned>(std::stoul(v->substr(8, 2)))}};
        const year_month_day next{sys_days{day} + days{1}};
        return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(next.year()),
                           static_cast<unsigned>(next.month()), static_cast<unsigned>(next.day()));
    }
    errors.push_back({std::string(name),
                      "must be a date (YYYY-MM-DD) or a date and time with "
                      "its offset (2026-12-07T09:30:00Z)"});
    return std::nullopt;
}

}  // namespace coach::http
