#include "sessions/rules.hpp"

#include "auth/scope.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace coach::sessions {
namespace {

// The statuses each action may start from; nullopt stands for "no session yet".
struct Step {
    Action action;
    std::vector<std::optional<Status>> from;
    std::optional<Status> to;  // nullopt: the status stays (Edit, Reschedule)
};

const std::vector<Step>& steps() {
    static const std::vector<Step> kSteps = {
        {Action::Schedule, {std::nullopt}, Status::Scheduled},
        {Action::Reschedule, {Status::Scheduled}, std::nullopt},
        {Action::Start, {Status::Scheduled}, Status::InProgress},
        {Action::Complete, {Status::InProgress}, Status::Completed},
        {Action::Cancel, {Status::Scheduled}, Status::Cancelled},
        {Action::MarkNoShow, {Status::Scheduled}, Status::NoShow},
        {Action::Record,
         {std::nullopt, Status::Scheduled, Status::InProgress, Status::Completed},
         Status::Completed},
        {Action::Edit, {Status::Scheduled, Status::InProgress, Status::Completed}, std::nullopt},
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

// "This session is COMPLETED: it cannot be started; it can be edited."
std::string_view participle(Action action) {
    switch (action) {
        case Action::Schedule:
            return "scheduled";
        case Action::Reschedule:
            return "rescheduled";
        case Action::Start:
            return "started";
        case Action::Complete:
            return "completed";
        case Action::Cancel:
            return "cancelled";
        case Action::MarkNoShow:
            return "marked a no-show";
        case Action::Record:
            return "recorded";
        case Action::Edit:
            return "edited";
    }
    return "changed";
}

std::string refusal(std::optional<Status> from, Action action) {
    if (!from)
        return fmt::format("There is no session yet: it cannot be {}; schedule one first.",
                           participle(action));
    // What a user can do next: Record is the import's, not named.
    std::vector<std::string_view> next;
    for (Action a : actions_from(from))
        if (a != Action::Record)
            next.push_back(participle(a));
    if (next.empty())
        return fmt::format("This session is {}: nothing can change it any more.", to_string(*from));
    std::string list(next.back());
    if (next.size() > 1)
        list = fmt::format("{} or {}", fmt::join(next.begin(), next.end() - 1, ", "), list);
    return fmt::format("This session is {}: it cannot be {}; it can be {}.", to_string(*from),
                       participle(action), list);
}

}  // namespace

std::string_view to_string(Status status) {
    return enum_label(kStatusNames, status);
}

std::optional<Status> parse_status(std::string_view label) {
    return parse_enum_label<Status>(kStatusNames, label);
}

std::string_view to_string(Action action) {
    switch (action) {
        case Action::Schedule:
            return "schedule";
        case Action::Reschedule:
            return "reschedule";
        case Action::Start:
            return "start";
        case Action::Complete:
            return "complete";
        case Action::Cancel:
            return "cancel";
        case Action::MarkNoShow:
            return "no-show";
        case Action::Record:
            return "record";
        case Action::Edit:
            return "edit";
    }
    return "?";
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
