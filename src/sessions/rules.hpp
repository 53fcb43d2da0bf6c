#pragma once
// A coaching session's status (coaching_sessions.status) and its transitions (docs/domain.md,
// "Coaching sessions"), as pure functions in the way of imports/rules.hpp: which action may
// move a session from which status, for which role, and the refusal otherwise (the API's 403
// and 409 messages; a 409 names what is allowed instead). Callers apply a transition with
// UPDATE ... WHERE status = <the status it was decided from>.
//
//   (new) --Schedule--> SCHEDULED --Start--> IN_PROGRESS --Complete--> COMPLETED
//   SCHEDULED --Reschedule--> SCHEDULED   (the old time is kept in the session's history)
//   SCHEDULED, IN_PROGRESS --Prepare--> the same status (prep_data rebuilt)
//   SCHEDULED --Cancel--> CANCELLED,  SCHEDULED --MarkNoShow--> NO_SHOW   (both with a reason)
//   (new), SCHEDULED, IN_PROGRESS, COMPLETED --Record--> COMPLETED
//       (a session written after the fact: the COACHING_HISTORY import)
//   SCHEDULED, IN_PROGRESS, COMPLETED --Edit--> the same status (topics, notes, summary)
//
// CANCELLED and NO_SHOW are final. Agents read their sessions and never change them; whose
// sessions a team leader, manager or admin may change is auth::may's (per row).
#include "auth/role.hpp"
#include "core/enum_labels.hpp"
#include "core/error.hpp"

#include <array>
#include <chrono>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace coach::sessions {

enum class Status { Scheduled, InProgress, Completed, Cancelled, NoShow };

// The session_status labels, in Status order.
inline constexpr std::array<std::string_view, 5> kStatusNames = {
    "SCHEDULED", "IN_PROGRESS", "COMPLETED", "CANCELLED", "NO_SHOW"};
inline constexpr std::array<Status, 5> kAllStatuses = {
    Status::Scheduled, Status::InProgress, Status::Completed, Status::Cancelled, Status::NoShow};

std::string_view to_string(Status status);
std::optional<Status> parse_status(std::string_view label);

enum class Action {
    Schedule,
    Reschedule,
    Prepare,
    Start,
    Complete,
    Cancel,
    MarkNoShow,
    Record,
    Edit
};

inline constexpr std::array<Action, 9> kAllActions = {
    Action::Schedule, Action::Reschedule, Action::Prepare, Action::Start, Action::Complete,
    Action::Cancel,   Action::MarkNoShow, Action::Record,  Action::Edit};

// "schedule", "reschedule", "prepare", "start", "complete", "cancel", "no-show", "record", "edit":
// as in the routes (/start, /no-show, ...). The 409 messages say "cannot be started; it can be
// cancelled, marked a no-show or edited" (Record, the import's, is never offered).
std::string_view to_string(Action action);

// The status `action` leads to from `from` (nullopt: no session yet), or the refusal:
// Forbidden for a role that never changes sessions (AGENT), Conflict otherwise.
Result<Status> transition(std::optional<Status> from, Action action, auth::Role role);

// The actions allowed from `from` (nullopt: no session yet), in kAllActions order.
std::vector<Action> actions_from(std::optional<Status> from);

// Cancelling and marking a no-show need a reason (cancelled_reason, no_show_reason).
bool needs_reason(Action action);

// Whether two sessions overlap: [start, start + minutes) intervals; touching ends do not.
bool overlaps(std::chrono::sys_seconds a_start, std::chrono::minutes a_length,
              std::chrono::sys_seconds b_start, std::chrono::minutes b_length);

// session_type labels.
inline constexpr std::array<std::string_view, 4> kSessionTypes = {"REGULAR", "FOLLOW_UP",
                                                                  "PIP_CHECK", "URGENT"};

// A completed session's primary issue and intervention method (its effectiveness record), as
// the analytics group them: a fixed vocabulary, so that "Role-play" and "role play" count as
// one method (docs/domain.md, "Coaching sessions").
inline constexpr std::array<std::string_view, 9> kPrimaryIssues = {
    "Service",    "AHT",          "Quality", "Attendance", "Adherence",
    "Compliance", "Productivity", "CSAT",    "FCR"};
inline constexpr std::array<std::string_view, 6> kInterventionMethods = {
    "Role-play", "Shadowing", "Side-by-side", "Training", "Call review", "Feedback"};

// An agent's answer to a completed session (coaching_sessions.acknowledgement).
inline constexpr std::array<std::string_view, 2> kAcknowledgements = {"ACKNOWLEDGED", "DISPUTED"};

// Whether an agent's no-shows call for their manager: two or more on days within the 30 days
// up to `today` (today - 29 .. today).
bool no_shows_alert(std::span<const std::chrono::sys_days> no_show_days,
                    std::chrono::sys_days today);

}  // namespace coach::sessions
