#include "sessions/prep.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

namespace coach::sessions {
namespace {

constexpr std::array<PrepMetric, 9> kMetrics = {{
    {"service_score", "service", "Service", false, false},
    {"productivity_score", "productivity", "Productivity", false, false},
    {"quality_score", "quality", "Quality", false, false},
    {"attendance_rate", "attendance", "Attendance", false, false},
    {"adherence_score", "adherence", "Adherence", false, false},
    {"compliance_score", "compliance", "Compliance", false, false},
    {"csat", "CSAT", "CSAT", false, false},
    {"fcr", "FCR", "FCR", false, false},
    {"aht", "AHT", "AHT", true, true},
}};

constexpr double kClearly = 2.0;  // percent: smaller gaps are noise, not an agenda item

const PrepMetric* metric_of(std::string_view column) {
    for (const auto& m : kMetrics)
        if (m.column == column)
            return &m;
    return nullptr;
}

std::string amount(const PrepMetric& m, double v) {
    return m.seconds ? fmt::format("{:.0f} s", v) : fmt::format("{:.1f}", v);
}

std::string difference(const PrepMetric& m, double v) {
    return m.seconds ? fmt::format("{:.0f} s", std::abs(v))
                     : fmt::format("{:.1f} points", std::abs(v));
}

// How far ahead (+) or behind (-) `value` is of `against`, in percent, better counted up.
std::optional<double> standing(const PrepMetric& m, double value, std::optional<double> against) {
    if (!against || *against == 0)
        return std::nullopt;
    const double pct = (value - *against) / std::abs(*against) * 100;
    return m.lower_is_better ? -pct : pct;
}

struct Scored {
    const PrepMetric* metric;
    Area area;
    double behind;  // the worse of its standing against the team and against itself
    double ahead;   // its standing against the team
};

std::string weak_reason(const PrepMetric& m, const MetricFigures& f, double change) {
    std::string team = f.team ? fmt::format("team average {}", amount(m, *f.team)) : "no team data";
    const bool worse = m.lower_is_better ? change > 0 : change < 0;
    if (f.previous && worse && std::abs(change) >= 0.05)
        return fmt::format("{} {} {} in 30 days; {}", m.label, m.lower_is_better ? "rose" : "fell",
                           difference(m, change), team);
    if (!f.team)
        return fmt::format("{} {}, down from {}", m.label, amount(m, *f.agent),
                           amount(m, f.previous.value_or(*f.agent)));
    return fmt::format("{} {}, {} {} the {}", m.label, amount(m, *f.agent),
                       difference(m, *f.agent - *f.team), m.lower_is_better ? "above" : "below",
                       team);
}

std::vector<Scored> score(const PrepInputs& in) {
    std::vector<Scored> out;
    for (const auto& f : in.metrics) {
        const PrepMetric* m = metric_of(f.metric);
        if (!m || !f.agent)
            continue;
        const auto vs_team = standing(*m, *f.agent, f.team);
        const auto vs_self = standing(*m, *f.agent, f.previous);
        Scored s{m,
                 Area{std::string(m->column), std::string(m->label), *f.agent, f.team,
                      f.previous ? std::optional(*f.agent - *f.previous) : std::nullopt, ""},
                 std::min(vs_team.value_or(0), vs_self.value_or(0)), vs_team.value_or(0)};
        out.push_back(std::move(s));
    }
    return out;
}

// Shares `total` minutes among `weights` (each at least 1 when total allows), adding up exactly.
std::vector<int> share(int total, const std::vector<int>& weights) {
    const int sum = std::accumulate(weights.begin(), weights.end(), 0);
    std::vector<int> out;
    if (sum == 0)
        return std::vector<int>(weights.size(), 0);
    int given = 0;
    for (int w : weights) {
        out.push_back(std::max(1, static_cast<int>(std::lround(double(total) * w / sum))));
        given += out.back();
    }
    // Rounding: take from or give to the largest item until the total is exact.
    while (given != total) {
        auto largest = std::max_element(out.begin(), out.end());
        const int step = given > total ? -1 : 1;
        if (step < 0 && *largest <= 1)
            break;
        *largest += step;
        given += step;
    }
    return out;
}

}  // namespace

std::span<const PrepMetric> prep_metrics() {
    return kMetrics;
}

Prep build_prep(const PrepInputs& in) {
    Prep p;
    auto scored = score(in);
    std::vector<Scored> weak;
    for (const auto& s : scored)
        if (s.behind < -kClearly)
            weak.push_back(s);
    std::sort(weak.begin(), weak.end(),
              [](const Scored& a, const Scored& b) { return a.behind < b.behind; });
    if (weak.size() > 2)
        weak.resize(2);
    for (auto& s : weak) {
        const MetricFigures& f =
            *std::find_if(in.metrics.begin(), in.metrics.end(),
                          [&](const auto& x) { return x.metric == s.area.metric; });
        s.area.reason = weak_reason(*s.metric, f, s.area.change.value_or(0));
        p.weakest.push_back(s.area);
    }
    const Scored* best = nullptr;
    for (const auto& s : scored)
        if (s.ahead > kClearly && (!best || s.ahead > best->ahead))
            best = &s;
    if (best) {
        Area a = best->area;
        a.reason = fmt::format(
            "{} {}, {} {} the team average {}", a.label, amount(*best->metric, a.value),
            difference(*best->metric, a.value - *a.team),
            best->metric->lower_is_better ? "below" : "above", amount(*best->metric, *a.team));
        p.strongest.push_back(std::move(a));
    }

    // The agenda, by weight; the check-in and the close are short and fixed in share.
    std::vector<AgendaItem> items;
    std::vector<int> weights;
    auto add = [&](std::string title, std::string reason, int weight) {
        items.push_back({std::move(title), std::move(reason), 0});
        weights.push_back(weight);
    };
    add("Check in", "How the agent sees the last weeks", 1);
    for (const auto& a : p.weakest)
        add("Work on " + a.label, a.reason, 4);
    if (in.open_notes > 0)
        add("Talk through the open notes",
            in.high_notes > 0 ? fmt::format("{} open notes, {} of them high priority",
                                            in.open_notes, in.high_notes)
                              : fmt::format("{} open notes", in.open_notes),
            2);
    if (in.overdue_items > 0)
        add("Review overdue action items",
            fmt::format("{} of {} open action items are overdue", in.overdue_items, in.open_items),
            2);
    if (in.follow_up_topics > 0)
        add("Follow up on the last session",
            fmt::format("{} follow-up topics from the last session", in.follow_up_topics), 1);
    if (!p.strongest.empty())
        add("Recognise " + p.strongest.front().label, p.strongest.front().reason, 1);
    if (p.weakest.empty() && in.open_notes == 0 && in.overdue_items == 0)
        add("Development and goals", "No area is clearly behind: time for growth", 3);
    add("Agree actions", "What the agent will do before the next session", 2);
    auto minutes = share(in.planned_minutes, weights);
    for (std::size_t i = 0; i < items.size(); ++i)
        items[i].minutes = minutes[i];
    p.agenda = std::move(items);

    // What has worked for each weak area's issue so far.
    for (const auto& a : p.weakest) {
        MethodSuggestion m;
        m.issue = std::string(metric_of(a.metric)->issue);
        for (const auto& e : in.evidence)
            if (e.issue == m.issue)
                m.methods.push_back(e);
        std::sort(m.methods.begin(), m.methods.end(), [](const Evidence& x, const Evidence& y) {
            return x.average_improvement != y.average_improvement
                       ? x.average_improvement > y.average_improvement
                       : x.sessions > y.sessions;
        });
        if (m.methods.empty()) {
            m.evidence = fmt::format(
                "No measured sessions on {} yet: the method you record will be the first "
                "evidence.",
                m.issue);
        } else {
            const Evidence& top = m.methods.front();
            m.evidence = fmt::format("{} worked best for {}: {:+.1f} % on average over {} {}.",
                                     top.method, m.issue, top.average_improvement, top.sessions,
                                     top.sessions == 1 ? "session" : "sessions");
        }
        p.methods.push_back(std::move(m));
    }
    return p;
}

}  // namespace coach::sessions
