#include "sessions/rules.hpp"

#include "auth/scope.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace coach::sessions {
namespace {

// One row an action: its name (routes), its participle (messages), the statuses it may start
// from (nullopt: no session yet) and where it leads.
struct Step {
    Action action;
    std::string_view name;
    std::string_view participle;  // "it cannot be <participle>"
    std::vector<std::optional<Status>> from;
    std::optional<Status> to;  // nullopt: the status stays (Edit, Reschedule, Prepare)
};

const std::vector<Step>& steps() {
    static const std::vector<Step> kSteps = {
        {Action::Schedule, "schedule", "scheduled", {std::nullopt}, Status::Scheduled},
        {Action::Reschedule, "reschedule", "rescheduled", {Status::Scheduled}, std::nullopt},
        {Action::Prepare,
         "prepare",
         "prepared",
         {Status::Scheduled, Status::InProgress},
         std::nullopt},
        {Action::Start, "start", "started", {Status::Scheduled}, Status::InProgress},
        {Action::Complete, "complete", "completed", {Status::InProgress}, Status::Completed},
        {Action::Cancel, "cancel", "cancelled", {Status::Scheduled}, Status::Cancelled},
        {Action::MarkNoShow, "no-show", "marked a no-show", {Status::Scheduled}, Status::NoShow},
        {Action::Record,
         "record",
         "recorded",
         {std::nullopt, Status::Scheduled, Status::InProgress, Status::Completed},
         Status::Completed},
        {Action::Edit,
         "edit",
         "edited",
         {Status::Scheduled, Status::InProgress, Status::Completed},
         std::nullopt},
    };
    return kSteps;
}

const Step& step_of(Action action) {
    return *std::find_if(steps().begin(), steps().end(),
                         [&](const Step& s) { return s.action == action; });
}

bool allowed(const Step& step, std::optional<Status> from) {
    return std::find(step.from.begin(), step.from.end(), from) != step.from.end();
}

std::string refusal(std::optional<Status> from, Action action) {
    if (!from)
        return fmt::format("There is no session yet: it cannot be {}; schedule one first.",
                           step_of(action).participle);
    // What a user can do next: Record is the import's, not named.
    std::vector<std::string_view> next;
    for (Action a : actions_from(from))
        if (a != Action::Record)
            next.push_back(step_of(a).participle);
    if (next.empty())
        return fmt::format("This session is {}: nothing can change it any more.", to_string(*from));
    std::string list(next.back());
    if (next.size() > 1)
        list = fmt::format("{} or {}", fmt::join(next.begin(), next.end() - 1, ", "), list);
    return fmt::format("This session is {}: it cannot be {}; it can be {}.", to_string(*from),
                       step_of(action).participle, list);
}

}  // namespace

std::string_view to_string(Status status) {
    return enum_label(kStatusNames, status);
}

std::optional<Status> parse_status(std::string_view label) {
    return parse_enum_label<Status>(kStatusNames, label);
}

std::string_view to_string(Action action) {
    return step_of(action).name;
}

Result<Status> transition(std::optional<Status> from, Action action, auth::Role role) {
    const bool creates = !from;
    if (!auth::role_may(role, auth::Resource::Sessions,
                        creates ? auth::Action::Create : auth::Action::Update))
        return make_error(ErrorCode::Forbidden,
                          "Agents read their coaching sessions; their team leader or a manager "
                          "changes them.");
    const Step& step = step_of(action);
    if (!allowed(step, from))
        return make_error(ErrorCode::Conflict, refusal(from, action));
    return step.to ? *step.to : *from;
}

std::vector<Action> actions_from(std::optional<Status> from) {
    std::vector<Action> out;
    for (Action a : kAllActions)
        if (allowed(step_of(a), from))
            out.push_back(a);
    return out;
}

bool needs_reason(Action action) {
    return action == Action::Cancel || action == Action::MarkNoShow;
}

bool overlaps(std::chrono::sys_seconds a_start, std::chrono::minutes a_length,
              std::chrono::sys_seconds b_start, std::chrono::minutes b_length) {
    return a_start < b_start + b_length && b_start < a_start + a_length;
}

bool no_shows_alert(std::span<const std::chrono::sys_days> no_show_days,
                    std::chrono::sys_days today) {
    const auto first = today - std::chrono::days(29);
    return std::count_if(no_show_days.begin(), no_show_days.end(),
                         [&](std::chrono::sys_days d) { return d >= first && d <= today; }) >= 2;
}

}  // namespace coach::sessions
