#pragma once
// Reading the JSON bodies of the sessions routes (docs/domain.md, "Coaching sessions"): every
// bad field is collected before the 422. Columns come from a fixed whitelist, never from input.
#include "http/json_input.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace coach::sessions {

// POST /coaching-sessions: schedule a session.
struct NewSession {
    std::string agent_id;
    std::string scheduled_date;  // RFC 3339
    int planned_minutes = 30;
    std::string session_type = "REGULAR";
    std::optional<std::vector<std::string>> topics_covered;
    bool allow_overlap = false;  // schedule even when a calendar has a session then
};

// PATCH /coaching-sessions/{id}: the columns to set, as the JSON object update_session.sql
// reads (null clears a nullable column).
struct SessionPatch {
    boost::json::object set;
    bool allow_overlap = false;
    // Whether it moves the session (scheduled_date or planned_minutes): a Reschedule.
    bool reschedules() const;
};

// POST /coaching-sessions/{id}/complete.
struct Completion {
    boost::json::object set;  // the session's content columns, as in a PATCH
    std::string primary_issue, intervention_method;
    std::optional<int> duration_minutes;  // actual length; default: until now
    // [{title, description, due_date, priority}], created with the session's agent.
    boost::json::array action_items;
};

// POST /coaching-sessions/{id}/acknowledge (the agent's answer).
struct Answer {
    std::string acknowledgement;  // ACKNOWLEDGED or DISPUTED
    std::optional<std::string> comment;
};

Result<NewSession> parse_new_session(const boost::json::object& body);
Result<SessionPatch> parse_session_patch(const boost::json::object& body);
Result<Completion> parse_completion(const boost::json::object& body);
// {"reason": "..."}: cancelling, marking a no-show.
Result<std::string> parse_reason(const boost::json::object& body);
Result<Answer> parse_answer(const boost::json::object& body);

}  // namespace coach::sessions
