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

void append_plural(std::string& out, long long n, std::string_view one, std::string_view many) {
    append_int(out, n);
    out += ' ';
    out += n == 1 ? one : many;
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
    // The first letters differ: one comparison of the whole text (~50 per dashboard request).
    for (const auto& [l, name] : kLevelNames)
        if (!text.empty() && name.front() == text.front() && name == text)
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
        if (!text.empty() && name.front() == text.front() && name == text)
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

MetricSet::MetricSet(std::initializer_list<std::string_view> columns) noexcept {
    for (auto c : columns)
        add(c);
}

void MetricSet::add(std::string_view column) noexcept {
    if (const MetricInfo* m = find_metric(column))
        bits_ |= static_cast<std::uint16_t>(1U << (m - kMetrics.data()));
}

std::string_view to_string(ReasonCode code) noexcept {
    constexpr std::array<std::string_view, 9> kNames{
        "NO_METRICS",        "LOW_PERFORMANCE",      "DECLINING_COMPOSITE",
        "DECLINING_METRICS", "OVERDUE_COACHING",     "NEVER_COACHED",
        "HIGH_NOTES",        "OVERDUE_ACTION_ITEMS", "ACTIVE_PIP"};  // in ReasonCode order
    static_assert(static_cast<std::size_t>(ReasonCode::ActivePip) + 1 == kNames.size());
    auto i = static_cast<std::size_t>(code);
    return i < kNames.size() ? kNames[i] : std::string_view();
}

void Urgency::add(ReasonCode code, int points) noexcept {
    if (count_ < parts_.size())
        parts_[count_++] = {code, points};
    score_ = std::min(100, score_ + points);
}

namespace {

constexpr std::size_t kCompositeIndex = 5;
static_assert(kMetrics[kCompositeIndex].column == "composite_score");

// How many non-composite metrics of the set there are.
int declining_count(const MetricSet& set) noexcept {
    int n = 0;
    for (std::size_t i = 0; i < kMetrics.size(); ++i)
        n += (i != kCompositeIndex && set.contains(i)) ? 1 : 0;
    return n;
}

}  // namespace

Urgency urgency(const UrgencyInput& in) noexcept {
    // Sums of the parts before the cap: at most 5 or 40, 10, 8, 30, 20, 15, 10 = 133.
    Urgency u;
    if (!in.level)
        u.add(ReasonCode::NoMetrics, level_points(std::nullopt));
    else if (int points = level_points(in.level); points > 0)
        u.add(ReasonCode::LowPerformance, points);
    if (in.composite_trend == Trend::Declining)
        u.add(ReasonCode::DecliningComposite, 10);
    if (int n = declining_count(in.declining_metrics); n > 0)
        u.add(ReasonCode::DecliningMetrics, std::min(8, 2 * n));
    const int gap = coaching_gap_days(in.level);
    if (!in.days_since_last_coaching)
        u.add(ReasonCode::NeverCoached, 30);
    else if (int d = *in.days_since_last_coaching; d > gap)
        u.add(ReasonCode::OverdueCoaching, std::min(30, 10 + (20 * (d - gap)) / gap));
    if (in.unaddressed_high_notes > 0)
        u.add(ReasonCode::HighNotes, std::min(20, 10 * in.unaddressed_high_notes));
    if (in.overdue_action_items > 0)
        u.add(ReasonCode::OverdueActionItems, std::min(15, 5 * in.overdue_action_items));
    if (in.active_pip)
        u.add(ReasonCode::ActivePip, 10);
    return u;
}

void append_reason_text(std::string& out, ReasonCode code, const UrgencyInput& in) {
    switch (code) {
        case ReasonCode::NoMetrics:
            out += "No composite score in the last 30 days";
            return;
        case ReasonCode::LowPerformance:
            out += "30-day composite ";
            append_two_decimals(out, in.avg30_composite.value_or(0.0));
            out += " (";
            out += in.level ? to_string(*in.level) : std::string_view();
            out += ')';
            return;
        case ReasonCode::DecliningComposite:
            out += "Composite declining against the previous 30 days";
            return;
        case ReasonCode::DecliningMetrics: {
            out += "Declining against the previous 30 days: ";
            bool first = true;
            for (std::size_t i = 0; i < kMetrics.size(); ++i)
                if (i != kCompositeIndex && in.declining_metrics.contains(i)) {
                    if (!first)
                        out += ", ";
                    first = false;
                    out += kMetrics[i].label;
                }
            return;
        }
        case ReasonCode::OverdueCoaching:
            append_plural(out, in.days_since_last_coaching.value_or(0), "day", "days");
            out += " since last coaching (";
            append_cadence(out, in.level);
            out += ')';
            return;
        case ReasonCode::NeverCoached:
            out += "Never coached (";
            append_cadence(out, in.level);
            out += ')';
            return;
        case ReasonCode::HighNotes:
            append_plural(out, in.unaddressed_high_notes, "unaddressed high-priority note",
                          "unaddressed high-priority notes");
            return;
        case ReasonCode::OverdueActionItems:
            append_plural(out, in.overdue_action_items, "overdue action item",
                          "overdue action items");
            return;
        case ReasonCode::ActivePip:
            out += "On an active performance improvement plan";
            return;
    }
}

}  // namespace coach::dashboards
