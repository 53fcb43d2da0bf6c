#include "imports/templates.hpp"

#include "imports/profiles_columns.hpp"
#include "imports/sessions_columns.hpp"
#include "imports/users_columns.hpp"

#include <fmt/format.h>

#include <charconv>

namespace coach::imports {

namespace {

TemplateContent metrics_template() {
    // employee_id or email identifies the agent (one is enough); AHT in seconds (or m:ss).
    return {
        metrics_template_headers(),
        {"E1001", "",  "2024-03-01", "92.5", "88",   "90.25", "98", "95", "4.6", "78.5", "312",
         "54",    "3", "1",          "8",    "7.75", "30",    "30", "15", "96",  "100",  "91.5"}};
}

// "92.5", "88", "0.25": a decimal whose shortest form is itself (so it reads back unchanged).
std::optional<double> plain_number(const std::string& s) {
    if (s.empty() || s.size() > 15 || s.front() == '+' || s.front() == '.' || s.back() == '.')
        return std::nullopt;
    if (s.size() > 1 && s[0] == '0' && s[1] != '.')
        return std::nullopt;  // leading zero: an identifier such as 0042
    for (char c : s)
        if (!(c >= '0' && c <= '9') && c != '.' && c != '-')
            return std::nullopt;
    double v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size())
        return std::nullopt;
    if (fmt::format("{}", v) != s)
        return std::nullopt;
    return v;
}

}  // namespace

std::optional<TemplateContent> template_content(std::string_view import_type) {
    if (import_type == "METRICS")
        return metrics_template();
    if (import_type == "USERS")
        return users_template();
    if (import_type == "PROFILES")
        return profiles_template();
    if (import_type == "COACHING_HISTORY")
        return sessions_template();
    return std::nullopt;
}

Sheet template_sheet(const TemplateContent& t, std::string_view name) {
    Sheet sheet{std::string(name), t.headers, {}};
    std::vector<SheetCell> example;
    for (const auto& v : t.example) {
        if (v.empty())
            example.emplace_back();
        else if (auto n = plain_number(v))
            example.emplace_back(*n);
        else
            example.emplace_back(v);
    }
    sheet.rows.push_back(std::move(example));
    return sheet;
}

}  // namespace coach::imports
