#pragma once
// The dashboard rules (docs/domain.md) as pure functions (no I/O): performance level, coaching
// cadence, metric trends and the urgency score of the team leader's priority queue.
//
// Level and trend are also computed in SQL (db/migrations/0006_dashboards.sql:
// performance_level_of, coaching_gap_days, metric_trend_of, agent_metric_stats);
// tests/integration/dashboard_rules_sql_test.cpp proves both give the same answers.
//
// Performance level, from a composite score (the 30-day average, rounded to 2 decimals as
// shown): EXCELLENT >= 90, GOOD >= 80, FAIR >= 70, POOR >= 60, CRITICAL < 60; none without a
// score. Longest gap without coaching: 30, 14, 7, 3, 1 days; 14 without a level.
//
// Trend of a metric: the average of the current period against the previous period of equal
// length (dashboards: the 30 days up to today against the 30 before). Relative change
// (cur - prev) / prev: IMPROVING at >= +5 %, DECLINING at <= -5 %, else STABLE; for AHT
// lower is better, so the sign flips. INSUFFICIENT_DATA unless each period has at least 3
// values. No change at all is STABLE (also from a previous average of 0); from a previous
// average of 0 any rise is +infinity % (IMPROVING; DECLINING for AHT). The test is exact on
// the stored 2-decimal values: with sums S in hundredths and counts n,
//   diff = S_cur * n_prev - S_prev * n_cur, base = S_prev * n_cur (diff negated for AHT),
//   IMPROVING when 20 * diff >= base, DECLINING when 20 * diff <= -base.
//
// Urgency, 0-100: the sum of these points, capped at 100. Each nonzero part is a reason
// {code, text, points} listed beside the score, in this order:
//   NO_METRICS           5   no composite in the last 30 days (so no level)
//                            "No composite score in the last 30 days"
//   LOW_PERFORMANCE     40   CRITICAL, 30 POOR, 15 FAIR (GOOD and EXCELLENT: 0)
//                            "30-day composite 58.40 (CRITICAL)"
//   DECLINING_COMPOSITE 10   composite trend DECLINING
//                            "Composite declining against the previous 30 days"
//   DECLINING_METRICS    2   per other DECLINING metric (service, productivity, quality,
//                            attendance, adherence, CSAT, FCR, AHT), at most 8
//                            "Declining against the previous 30 days: quality, CSAT"
//   OVERDUE_COACHING         d days since the last COMPLETED session > the level's gap G:
//                            min(30, 10 + floor(20 * (d - G) / G))
//                            "9 days since last coaching (FAIR: every 7 days)"
//   NEVER_COACHED       30   no COMPLETED session ever
//                            "Never coached (CRITICAL: every day)"
//   HIGH_NOTES          10   per unaddressed HIGH quick note, at most 20
//                            "1 unaddressed high-priority note"
//   OVERDUE_ACTION_ITEMS 5   per overdue action item, at most 15  "2 overdue action items"
//   ACTIVE_PIP          10   an ACTIVE or EXTENDED action plan
//                            "On an active performance improvement plan"
// Why these weights: performance is the base (a CRITICAL agent starts at 40), and a missed
// coaching cadence weighs most after it because the cadence already scales with the level
// (the cap is reached at twice the gap: 2 days for a CRITICAL agent, 60 for an EXCELLENT one).
// So a CRITICAL agent not coached for a week (40 + 30 = 70) outranks a POOR agent coached
// yesterday but on a PIP with a HIGH note (30 + 10 + 10 = 50), who outranks a FAIR agent 9
// days without coaching (15 + 15 = 30), who outranks a GOOD agent with one overdue item (5).
// Unaddressed HIGH notes (URGENT/COMPLIANCE) are the strongest single live signal (a
// compliance issue may need a conversation today). Trends only nudge (at most 18).
#include <array>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace coach::dashboards {

enum class Level { Excellent, Good, Fair, Poor, Critical };

std::string_view to_string(Level level) noexcept;  // "EXCELLENT", ...
std::optional<Level> parse_level(std::string_view text) noexcept;
std::optional<Level> level_of(std::optional<double> composite) noexcept;
int coaching_gap_days(std::optional<Level> level) noexcept;
// "FAIR: every 7 days", "CRITICAL: every day", "no level yet: every 14 days".
std::string coaching_cadence(std::optional<Level> level);

enum class Trend { Improving, Stable, Declining, InsufficientData };

std::string_view to_string(Trend trend) noexcept;  // "IMPROVING", ..., "INSUFFICIENT_DATA"
std::optional<Trend> parse_trend(std::string_view text) noexcept;

inline constexpr long long kTrendMinPoints = 3;

// The values of one period: their sum in hundredths (each value rounded to 2 decimals, as
// stored) and how many there are.
struct PeriodSum {
    long long hundredths = 0;
    long long count = 0;
};
PeriodSum period_sum(std::span<const double> values) noexcept;

Trend trend_of(const PeriodSum& current, const PeriodSum& previous, bool lower_is_better) noexcept;
Trend trend_of(std::span<const double> current, std::span<const double> previous,
               bool lower_is_better) noexcept;

// The metrics of a dashboard card, in column order.
struct MetricInfo {
    std::string_view column;  // performance_metrics column
    std::string_view label;   // in reason texts
    bool lower_is_better;
};
inline constexpr std::array<MetricInfo, 9> kMetrics{{
    {"service_score", "service", false},
    {"productivity_score", "productivity", false},
    {"quality_score", "quality", false},
    {"attendance_rate", "attendance", false},
    {"adherence_score", "adherence", false},
    {"composite_score", "composite", false},
    {"csat", "CSAT", false},
    {"fcr", "FCR", false},
    {"aht", "AHT", true},
}};
const MetricInfo* find_metric(std::string_view column) noexcept;

// A set of kMetrics entries (by column), e.g. the metrics whose trend is DECLINING.
class MetricSet {
  public:
    MetricSet() = default;
    MetricSet(std::initializer_list<std::string_view> columns) noexcept;
    void add(std::string_view column) noexcept;  // a column not in kMetrics is ignored
    bool contains(std::size_t metric_index) const noexcept { return (bits_ >> metric_index) & 1U; }
    bool empty() const noexcept { return bits_ == 0; }
    bool operator==(const MetricSet&) const = default;

  private:
    std::uint16_t bits_ = 0;
};

struct UrgencyInput {
    std::optional<Level> level;
    std::optional<double> avg30_composite;  // the figure the level comes from
    Trend composite_trend = Trend::InsufficientData;
    // Non-composite metrics whose trend is DECLINING (shown in kMetrics order).
    MetricSet declining_metrics;
    std::optional<int> days_since_last_coaching;  // nullopt: never coached
    int unaddressed_high_notes = 0;
    int overdue_action_items = 0;
    bool active_pip = false;
};

// The reasons above, in their order.
enum class ReasonCode : std::uint8_t {
    NoMetrics,
    LowPerformance,
    DecliningComposite,
    DecliningMetrics,
    OverdueCoaching,
    NeverCoached,
    HighNotes,
    OverdueActionItems,
    ActivePip,
};
std::string_view to_string(ReasonCode code) noexcept;  // "NO_METRICS", ...

struct UrgencyPart {
    ReasonCode code;
    int points = 0;
};

// The score and its nonzero parts, without their texts: a team dashboard computes ~50 of these
// per request, and writes each text straight into its JSON (append_reason_text), so a card
// costs no allocation here.
class Urgency {
  public:
    // At most one of each pair NO_METRICS / LOW_PERFORMANCE and OVERDUE / NEVER_COACHED.
    static constexpr std::size_t kMaxParts = 7;

    int score() const noexcept { return score_; }  // the parts' sum, capped at 100
    std::span<const UrgencyPart> parts() const noexcept { return {parts_.data(), count_}; }
    void add(ReasonCode code, int points) noexcept;

  private:
    int score_ = 0;
    std::array<UrgencyPart, kMaxParts> parts_{};
    std::size_t count_ = 0;
};

Urgency urgency(const UrgencyInput& in) noexcept;

// The text of reason `code` of the urgency of `in` ("30-day composite 58.40 (CRITICAL)"):
// fixed words, numbers and level names, nothing a JSON string must escape.
void append_reason_text(std::string& out, ReasonCode code, const UrgencyInput& in);

}  // namespace coach::dashboards
