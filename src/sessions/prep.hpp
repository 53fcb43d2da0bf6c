#pragma once
// Session prep (docs/domain.md, "Session prep"), the part that decides: from the figures of the
// agent's last 30 days against the team and the 30 days before, which areas are the weakest and
// the strongest and why, the agenda with minutes per item, and which intervention methods have
// worked for the weakest areas so far, with their evidence. Pure: no I/O; the facts come from
// sql/prep_facts.sql.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace coach::sessions {

// A metric prep compares: its column, its words, the primary issue it belongs to (the
// effectiveness records' vocabulary, kPrimaryIssues) and its direction.
struct PrepMetric {
    std::string_view column, label, issue;
    bool lower_is_better;  // AHT
    bool seconds;          // shown as "310 s" rather than points
};
std::span<const PrepMetric> prep_metrics();

// Averages of one metric; nullopt without data.
struct MetricFigures {
    std::string metric;  // PrepMetric::column
    std::optional<double> agent, previous, team;
};

// Effectiveness records measured so far for one (issue, method).
struct Evidence {
    std::string issue, method;
    int sessions = 0;
    double average_improvement = 0;  // percent
};

struct PrepInputs {
    std::vector<MetricFigures> metrics;
    int open_notes = 0, high_notes = 0;     // unaddressed quick notes
    int open_items = 0, overdue_items = 0;  // action items
    int follow_up_topics = 0;               // of the last completed session
    int planned_minutes = 30;
    std::vector<Evidence> evidence;
};

struct Area {
    std::string metric, label;
    double value = 0;
    std::optional<double> team, change;  // change: against the previous 30 days
    std::string reason;                  // "quality fell 8.2 points in 30 days; team average 84.0"
};

struct AgendaItem {
    std::string title, reason;
    int minutes = 0;
};

struct MethodSuggestion {
    std::string issue;
    std::vector<Evidence> methods;  // best average improvement first
    std::string evidence;           // in words; says so when there is none yet
};

struct Prep {
    std::vector<Area> weakest, strongest;
    std::vector<AgendaItem> agenda;  // minutes add up to planned_minutes
    std::vector<MethodSuggestion> methods;
};

// Weakest: at most two areas where the agent is clearly behind (by more than 2 % against the
// team or against their previous 30 days), the furthest behind first. Strongest: the one area
// furthest ahead of the team (by more than 2 %). The agenda: a check-in, the weakest areas, the
// open notes, the overdue action items, the last session's follow-ups, recognition of the
// strongest area, and agreeing actions; its minutes share planned_minutes by weight.
Prep build_prep(const PrepInputs& in);

}  // namespace coach::sessions
