#include "dashboards/rules.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace coach::dashboards {

namespace {

constexpr std::array<std::pair<Level, std::string_view>, 5> kLevelNames{{
    {Level::Excellent, "EXCELLENT"},
    {Level::Good, "GOOD"},
    {Level::Fair, "FAIR"},
    {Level::Poor, "POOR"},
    {Level::Critical, "CRITICAL"},
}};

constexpr std::array<std::pair<Trend, std::string_view>, 4> kTrendNames{{
    {Trend::Improving, "IMPROVING"},
    {Trend::Stable, "STABLE"},
    {Trend::Declining, "DECLINING"},
    {Trend::InsufficientData, "INSUFFICIENT_DATA"},
}};

int level_points(std::optional<Level> level) {
    if (!level)
        return 5;
    switch (*level) {
        case Level::Critical:
            return 40;
        case Level::Poor:
            return 30;
        case Level::Fair:
            return 15;
        case Level::Good:
        case Level::Excellent:
            return 0;
    }
    return 0;
}

void append_int(std::string& out, long long n) {
    char buf[24];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, n);
    out.append(buf, end);
}

// The texts below are built in one allocation each (reserve, then append): a team dashboard
// computes ~50 urgencies per request.
std::string plural(long long n, std::string_view one, std::string_view many) {
    std::string out;
    out.reserve(24 + many.size());
    append_int(out, n);
    out += ' ';
    out += n == 1 ? one : many;
    return out;
}

// 58.4 -> "58.40" (the figure is stored with 2 decimals).
void append_two_decimals(std::string& out, double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 2);
    out.append(buf, end);
}

// "FAIR: every 7 days" (coaching_cadence) appended to out.
void append_cadence(std::string& out, std::optional<Level> level) {
    int gap = coaching_gap_days(level);
    out += level ? to_string(*level) : std::string_view("no level yet");
    out += ": every ";
    if (gap == 1) {
        out += "day";
    } else {
        append_int(out, gap);
        out += " days";
    }
}

}  // namespace

std::string_view to_string(Level level) noexcept {
    for (const auto& [l, name] : kLevelNames)
        if (l == level)
            return name;
    return "";
}

std::optional<Level> parse_level(std::string_view text) noexcept {
    for (const auto& [l, name] : kLevelNames)
        if (name == text)
            return l;
    return std::nullopt;
}

std::optional<Level> level_of(std::optional<double> composite) noexcept {
    if (!composite)
        return std::nullopt;
    double c = *composite;
    if (c >= 90)
        return Level::Excellent;
    if (c >= 80)
        return Level::Good;
    if (c >= 70)
        return Level::Fair;
    if (c >= 60)
        return Level::Poor;
    return Level::Critical;
}

int coaching_gap_days(std::optional<Level> level) noexcept {
    if (!level)
        return 14;
    switch (*level) {
        case Level::Excellent:
            return 30;
        case Level::Good:
            return 14;
        case Level::Fair:
            return 7;
        case Level::Poor:
            return 3;
        case Level::Critical:
            return 1;
    }
    return 14;
}

std::string coaching_cadence(std::optional<Level> level) {
    std::string out;
    append_cadence(out, level);
    return out;
}

std::string_view to_string(Trend trend) noexcept {
    for (const auto& [t, name] : kTrendNames)
        if (t == trend)
            return name;
    return "";
}

std::optional<Trend> parse_trend(std::string_view text) noexcept {
    for (const auto& [t, name] : kTrendNames)
        if (name == text)
            return t;
    return std::nullopt;
}

PeriodSum period_sum(std::span<const double> values) noexcept {
    PeriodSum s;
    for (double v : values) {
        s.hundredths += std::llround(v * 100.0);
        ++s.count;
    }
    return s;
}

Trend trend_of(const PeriodSum& current, const PeriodSum& previous, bool lower_is_better) noexcept {
    if (current.count < kTrendMinPoints || previous.count < kTrendMinPoints)
        return Trend::InsufficientData;
    // Both averages multiplied by n_cur * n_prev: exact integer arithmetic.
    long long diff = current.hundredths * previous.count - previous.hundredths * current.count;
    long long base = previous.hundredths * current.count;
    if (lower_is_better)
        diff = -diff;
    if (diff == 0)
        return Trend::Stable;
    if (20 * diff >= base)
        return Trend::Improving;
    if (20 * diff <= -base)
        return Trend::Declining;
    return Trend::Stable;
}

Trend trend_of(std::span<const double> current, std::span<const double> previous,
               bool lower_is_better) noexcept {
    return trend_of(period_sum(current), period_sum(previous), lower_is_better);
}

const MetricInfo* find_metric(std::string_view column) noexcept {
    for (const auto& m : kMetrics)
        if (m.column == column)
            return &m;
    return nullptr;
}

Urgency urgency(const UrgencyInput& in) {
    Urgency u;
    u.reasons.reserve(7);
    auto add = [&u](std::string_view code, std::string text, int points) {
        u.reasons.push_back({code, std::move(text), points});
        u.score += points;
    };

    if (!in.level) {
        add("NO_METRICS", "No composite score in the last 30 days", level_points(std::nullopt));
    } else if (int points = level_points(in.level); points > 0) {
        std::string text;
        text.reserve(40);
        text += "30-day composite ";
        append_two_decimals(text, in.avg30_composite.value_or(0.0));
        text += " (";
        text += to_string(*in.level);
        text += ')';
        add("LOW_PERFORMANCE", std::move(text), points);
    }

    if (in.composite_trend == Trend::Declining)
        add("DECLINING_COMPOSITE", "Composite declining against the previous 30 days", 10);

    if (!in.declining_metrics.empty()) {
        std::string text;
        int labels = 0;
        for (const auto& m : kMetrics)
            if (m.column != "composite_score" &&
                std::find(in.declining_metrics.begin(), in.declining_metrics.end(), m.column) !=
                    in.declining_metrics.end()) {
                if (labels++ == 0) {
                    text.reserve(128);
                    text += "Declining against the previous 30 days: ";
                } else {
                    text += ", ";
                }
                text += m.label;
            }
        if (labels > 0)
            add("DECLINING_METRICS", std::move(text), std::min(8, 2 * labels));
    }

    const int gap = coaching_gap_days(in.level);
    if (!in.days_since_last_coaching) {
        std::string text;
        text.reserve(48);
        text += "Never coached (";
        append_cadence(text, in.level);
        text += ')';
        add("NEVER_COACHED", std::move(text), 30);
    } else if (int d = *in.days_since_last_coaching; d > gap) {
        std::string text;
        text.reserve(64);
        append_int(text, d);
        text += d == 1 ? " day" : " days";
        text += " since last coaching (";
        append_cadence(text, in.level);
        text += ')';
        add("OVERDUE_COACHING", std::move(text), std::min(30, 10 + (20 * (d - gap)) / gap));
    }

    if (in.unaddressed_high_notes > 0)
        add("HIGH_NOTES",
            plural(in.unaddressed_high_notes, "unaddressed high-priority note",
                   "unaddressed high-priority notes"),
            std::min(20, 10 * in.unaddressed_high_notes));
    if (in.overdue_action_items > 0)
        add("OVERDUE_ACTION_ITEMS",
            plural(in.overdue_action_items, "overdue action item", "overdue action items"),
            std::min(15, 5 * in.overdue_action_items));
    if (in.active_pip)
        add("ACTIVE_PIP", "On an active performance improvement plan", 10);

    u.score = std::min(100, u.score);
    return u;
}

}  // namespace coach::dashboards
