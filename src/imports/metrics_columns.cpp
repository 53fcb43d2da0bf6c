#include "imports/metrics_columns.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace coach::imports {
namespace {

using metrics::kMetricColumns;

constexpr std::size_t kImportedFrom = kMetricColumns.size() - 1;  // set from the file name

enum class Target { EmployeeId, Email, MetricDate, Metric, Informational };

struct Alias {
    std::string_view name;  // normalized
    Target target;
    std::string_view metric = {};
};

// Normalized header names and what they mean. The column names themselves are matched too.
constexpr Alias kAliases[] = {
    {"employeeid", Target::EmployeeId},
    {"employeeno", Target::EmployeeId},
    {"employeenumber", Target::EmployeeId},
    {"empid", Target::EmployeeId},
    {"empno", Target::EmployeeId},
    {"agentid", Target::EmployeeId},
    {"agentno", Target::EmployeeId},
    {"agentnumber", Target::EmployeeId},
    {"staffid", Target::EmployeeId},
    {"staffnumber", Target::EmployeeId},
    {"email", Target::Email},
    {"emailaddress", Target::Email},
    {"agentemail", Target::Email},
    {"agentemailaddress", Target::Email},
    {"employeeemail", Target::Email},
    {"useremail", Target::Email},
    {"date", Target::MetricDate},
    {"metricdate", Target::MetricDate},
    {"day", Target::MetricDate},
    {"reportdate", Target::MetricDate},
    {"workdate", Target::MetricDate},
    {"shiftdate", Target::MetricDate},
    {"activitydate", Target::MetricDate},
    {"service", Target::Metric, "service_score"},
    {"productivity", Target::Metric, "productivity_score"},
    {"quality", Target::Metric, "quality_score"},
    {"attendance", Target::Metric, "attendance_rate"},
    {"attendancescore", Target::Metric, "attendance_rate"},
    {"adherence", Target::Metric, "adherence_score"},
    {"scheduleadherence", Target::Metric, "adherence_score"},
    {"csatscore", Target::Metric, "csat"},
    {"csat15", Target::Metric, "csat"},
    {"customersatisfaction", Target::Metric, "csat"},
    {"fcrrate", Target::Metric, "fcr"},
    {"firstcallresolution", Target::Metric, "fcr"},
    {"firstcontactresolution", Target::Metric, "fcr"},
    {"averagehandletime", Target::Metric, "aht"},
    {"averagehandlingtime", Target::Metric, "aht"},
    {"avghandletime", Target::Metric, "aht"},
    {"handletime", Target::Metric, "aht"},
    {"calls", Target::Metric, "calls_handled"},
    {"callsanswered", Target::Metric, "calls_handled"},
    {"handled", Target::Metric, "calls_handled"},
    {"transfers", Target::Metric, "calls_transferred"},
    {"transferred", Target::Metric, "calls_transferred"},
    {"escalations", Target::Metric, "calls_escalated"},
    {"escalated", Target::Metric, "calls_escalated"},
    {"scheduled", Target::Metric, "scheduled_hours"},
    {"hoursscheduled", Target::Metric, "scheduled_hours"},
    {"actual", Target::Metric, "actual_hours"},
    {"hoursworked", Target::Metric, "actual_hours"},
    {"workedhours", Target::Metric, "actual_hours"},
    {"break", Target::Metric, "break_time_minutes"},
    {"breaktime", Target::Metric, "break_time_minutes"},
    {"breakminutes", Target::Metric, "break_time_minutes"},
    {"lunch", Target::Metric, "lunch_time_minutes"},
    {"lunchtime", Target::Metric, "lunch_time_minutes"},
    {"lunchminutes", Target::Metric, "lunch_time_minutes"},
    {"aux", Target::Metric, "aux_time_minutes"},
    {"auxtime", Target::Metric, "aux_time_minutes"},
    {"auxminutes", Target::Metric, "aux_time_minutes"},
    {"script", Target::Metric, "script_adherence"},
    {"compliance", Target::Metric, "compliance_score"},
    {"qa", Target::Metric, "qa_score"},
    {"qualityassurance", Target::Metric, "qa_score"},
    // Informational columns, ignored without a warning.
    {"name", Target::Informational},
    {"agentname", Target::Informational},
    {"employeename", Target::Informational},
    {"fullname", Target::Informational},
};

// Unit words at the end of a header ("AHT (sec)", "Service %", "Break (minutes)").
constexpr std::string_view kUnitSuffixes[] = {
    "percentage", "percent", "pct",     "seconds", "secs", "sec",   "hhmmss",
    "hmmss",      "mmss",    "minutes", "mins",    "min",  "hours", "hrs"};

struct Match {
    Target target;
    std::size_t metric = 0;
};

std::size_t metric_index(std::string_view column) {
    for (std::size_t i = 0; i < kMetricColumns.size(); ++i)
        if (kMetricColumns[i] == column)
            return i;
    return kMetricColumns.size();
}

std::optional<Match> lookup(std::string_view n) {
    if (n.empty())
        return std::nullopt;
    for (std::size_t i = 0; i < kImportedFrom; ++i)
        if (normalize_header(kMetricColumns[i]) == n)
            return Match{Target::Metric, i};
    for (const auto& a : kAliases)
        if (a.name == n)
            return Match{a.target, a.target == Target::Metric ? metric_index(a.metric) : 0};
    return std::nullopt;
}

std::optional<Match> match_header(std::string_view header) {
    std::string n = normalize_header(header);
    if (auto m = lookup(n))
        return m;
    for (auto suffix : kUnitSuffixes)
        if (n.size() > suffix.size() && std::string_view(n).ends_with(suffix))
            if (auto m = lookup(std::string_view(n).substr(0, n.size() - suffix.size())))
                return m;
    return std::nullopt;
}

bool digits(std::string_view s) {
    if (s.empty())
        return false;
    for (char c : s)
        if (c < '0' || c > '9')
            return false;
    return true;
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    return v;
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
int days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

bool valid_day(int y, int m, int d) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return d <= kDays[m - 1] + (m == 2 && leap);
}

// A decimal text with '.' (after decimal comma handling): [+|-]digits[.digits], ".5" -> "0.5",
// "85." -> "85". Anything else is copied as is (metrics::validate says what is wrong).
void tidy_decimal(std::string_view s, std::string& out) {
    out.clear();
    if (!s.empty() && s.front() == '+')
        s.remove_prefix(1);
    bool negative = !s.empty() && s.front() == '-';
    if (negative) {
        out.push_back('-');
        s.remove_prefix(1);
    }
    if (!s.empty() && s.front() == '.')
        out.push_back('0');
    if (s.size() > 1 && s.back() == '.')
        s.remove_suffix(1);
    out.append(s);
}

}  // namespace

std::string cut_value(std::string_view cell) {
    return std::string(cell.substr(0, 200));
}

std::string normalize_header(std::string_view header) {
    std::string out;
    out.reserve(header.size());
    for (char c : header) {
        if (c >= 'A' && c <= 'Z')
            out.push_back(static_cast<char>(c - 'A' + 'a'));
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            out.push_back(c);
    }
    return out;
}

MetricsColumns match_metrics_header(const std::vector<std::string_view>& cells, long header_row,
                                    std::vector<ImportError>& errors) {
    MetricsColumns out;
    std::vector<MetricsColumns::Column> metrics;
    auto duplicate = [&](const MetricsColumns::Column& first, std::string_view header) {
        errors.push_back({header_row, std::string(header), cut_value(header),
                          "means the same column as \"" + first.header + "\"; keep only one"});
    };
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::string_view header = trim(cells[i]);
        if (header.empty())
            continue;
        auto m = match_header(header);
        MetricsColumns::Column col{i, std::string(header), 0};
        if (!m) {
            out.ignored.push_back(std::string(header));
            continue;
        }
        std::optional<MetricsColumns::Column>* slot = nullptr;
        switch (m->target) {
            case Target::Informational:
                continue;
            case Target::EmployeeId:
                slot = &out.employee_id;
                break;
            case Target::Email:
                slot = &out.email;
                break;
            case Target::MetricDate:
                slot = &out.metric_date;
                break;
            case Target::Metric:
                col.metric = m->metric;
                if (std::any_of(metrics.begin(), metrics.end(),
                                [&](const auto& c) { return c.metric == m->metric; })) {
                    for (const auto& c : metrics)
                        if (c.metric == m->metric)
                            duplicate(c, header);
                    continue;
                }
                metrics.push_back(col);
                continue;
        }
        if (*slot)
            duplicate(**slot, header);
        else
            *slot = col;
    }
    std::sort(metrics.begin(), metrics.end(),
              [](const auto& a, const auto& b) { return a.metric < b.metric; });
    out.metrics = std::move(metrics);
    if (!out.employee_id && !out.email)
        errors.push_back({header_row, "", "",
                          "no agent column: add \"employee_id\" or \"email\" (or \"Employee ID\", "
                          "\"Agent Email\")"});
    if (!out.metric_date)
        errors.push_back({header_row, "", "", "no date column: add \"metric_date\" (or \"Date\")"});
    if (out.metrics.empty())
        errors.push_back({header_row, "", "",
                          "no metric column (such as service_score, quality_score, csat or aht); "
                          "the template lists them"});
    return out;
}

std::vector<std::string> metrics_template_headers() {
    std::vector<std::string> out = {"employee_id", "email", "metric_date"};
    for (std::size_t i = 0; i < kImportedFrom; ++i)
        out.emplace_back(kMetricColumns[i]);
    return out;
}

ValueKind value_kind(std::size_t metric) {
    std::string_view c = kMetricColumns[metric];
    if (c == "aht")
        return ValueKind::Seconds;
    if (c == "csat" || c == "scheduled_hours" || c == "actual_hours")
        return ValueKind::Decimal;
    if (c.starts_with("calls_") || c.ends_with("_minutes"))
        return ValueKind::Integer;
    return ValueKind::Percent;
}

bool is_empty_value(std::string_view s) {
    if (s.empty() || s == "-")
        return true;
    if (s.size() > 4)
        return false;
    std::string n = normalize_header(s);
    return (n == "na" && s.size() <= 4) || n == "null";
}

const char* normalize_value(ValueKind kind, std::string_view s, bool decimal_comma,
                            std::string& out) {
    if (kind == ValueKind::Percent && !s.empty() && s.back() == '%') {
        s.remove_suffix(1);
        s = trim(s);
    }
    std::string comma_fixed;
    if (auto comma = s.find(','); comma != std::string_view::npos) {
        bool one = s.find(',', comma + 1) == std::string_view::npos &&
                   s.find('.') == std::string_view::npos;
        if (kind == ValueKind::Integer)
            return "must be a whole number";
        if (!decimal_comma || !one)
            return decimal_comma ? "must be a number"
                                 : "must use a dot as decimal separator (a decimal comma is "
                                   "accepted only in semicolon- or tab-separated files)";
        comma_fixed = std::string(s);
        comma_fixed[comma] = '.';
        s = comma_fixed;
    }
    switch (kind) {
        case ValueKind::Percent:
        case ValueKind::Decimal:
            tidy_decimal(s, out);
            return nullptr;
        case ValueKind::Integer: {
            tidy_decimal(s, out);
            // "12.0" / "12.00" are whole numbers (spreadsheets write them so).
            if (auto dot = out.find('.'); dot != std::string::npos) {
                std::string_view frac = std::string_view(out).substr(dot + 1);
                if (!frac.empty() && frac.find_first_not_of('0') == std::string_view::npos)
                    out.resize(dot);
            }
            return nullptr;
        }
        case ValueKind::Seconds: {
            if (s.find(':') == std::string_view::npos) {
                // Seconds, rounded to whole seconds (half up): "312.5" -> "313".
                tidy_decimal(s, out);
                auto dot = out.find('.');
                if (dot == std::string::npos)
                    return nullptr;
                std::string_view whole = std::string_view(out).substr(0, dot);
                std::string_view frac = std::string_view(out).substr(dot + 1);
                bool negative = !whole.empty() && whole.front() == '-';
                if (negative)
                    whole.remove_prefix(1);
                if (!digits(whole) || !digits(frac) || whole.size() > 15)
                    return "must be seconds, m:ss or h:mm:ss";
                long long v = std::stoll(std::string(whole)) + (frac[0] >= '5' ? 1 : 0);
                out = (negative && v != 0 ? "-" : "") + std::to_string(v);
                return nullptr;
            }
            // m:ss or h:mm:ss
            std::string_view parts[3];
            std::size_t n = 0;
            std::string_view rest = s;
            while (n < 3) {
                auto colon = rest.find(':');
                parts[n++] = rest.substr(0, colon);
                if (colon == std::string_view::npos) {
                    rest = {};
                    break;
                }
                rest.remove_prefix(colon + 1);
                if (n == 3)
                    return "must be seconds, m:ss or h:mm:ss";
            }
            if (n < 2 || !digits(parts[0]) || parts[0].size() > 9)
                return "must be seconds, m:ss or h:mm:ss";
            for (std::size_t i = 1; i < n; ++i)
                if (parts[i].size() != 2 || !digits(parts[i]) || to_int(parts[i]) > 59)
                    return "must be seconds, m:ss or h:mm:ss";
            long long total = 0;
            for (std::size_t i = 0; i < n; ++i)
                total = total * 60 + to_int(parts[i]);
            out = std::to_string(total);
            return nullptr;
        }
    }
    return nullptr;
}

const char* normalize_date(std::string_view s, std::string& out, int& days) {
    constexpr const char* kBad = "must be a date (YYYY-MM-DD)";
    constexpr const char* kAmbiguous =
        "is ambiguous (day or month first?): write dates as YYYY-MM-DD";
    // Split the date part: up to the first 'T' or space.
    std::string_view date = s, time;
    if (auto t = s.find_first_of("T "); t != std::string_view::npos) {
        date = s.substr(0, t);
        time = s.substr(t + 1);
        if (time.empty() || time.find_first_not_of("0123456789:.+-Z ") != std::string_view::npos ||
            !(time[0] >= '0' && time[0] <= '9'))
            return kBad;
    }
    if (date.empty())
        return kBad;
    char sep = 0;
    for (char c : date)
        if (c == '-' || c == '/' || c == '.') {
            sep = c;
            break;
        }
    if (!sep)
        return kBad;
    std::string_view parts[3];
    std::size_t n = 0;
    std::string_view rest = date;
    for (;;) {
        auto p = rest.find(sep);
        if (n == 3)
            return kBad;
        parts[n++] = rest.substr(0, p);
        if (p == std::string_view::npos)
            break;
        rest.remove_prefix(p + 1);
    }
    if (n != 3 || !digits(parts[0]) || !digits(parts[1]) || !digits(parts[2]))
        return kBad;
    if (parts[0].size() != 4) {
        // 3/4/2024, 04.03.2024, 3-4-24: day-first or month-first
        if (parts[0].size() <= 2 && parts[1].size() <= 2 &&
            (parts[2].size() == 4 || parts[2].size() == 2))
            return kAmbiguous;
        return kBad;
    }
    if (parts[1].size() > 2 || parts[2].size() > 2)
        return kBad;
    int y = to_int(parts[0]), m = to_int(parts[1]), d = to_int(parts[2]);
    if (y < 1 || !valid_day(y, m, d))
        return "is not a real calendar date";
    out.resize(10);
    out[0] = parts[0][0];
    out[1] = parts[0][1];
    out[2] = parts[0][2];
    out[3] = parts[0][3];
    out[4] = '-';
    out[5] = static_cast<char>('0' + m / 10);
    out[6] = static_cast<char>('0' + m % 10);
    out[7] = '-';
    out[8] = static_cast<char>('0' + d / 10);
    out[9] = static_cast<char>('0' + d % 10);
    days = days_from_civil(y, m, d);
    return nullptr;
}

}  // namespace coach::imports
