#include "sessions/session_input.hpp"

#include "notes/rules.hpp"
#include "sessions/rules.hpp"

#include <algorithm>
#include <array>

namespace coach::sessions {
namespace json = boost::json;
namespace {

using notes::kPriorities;
constexpr std::size_t kMaxActionItems = 20;

using http::Column;

// What a PATCH may set. The schedule (scheduled_date, planned_minutes) only while SCHEDULED:
// sessions::transition decides from the action (Reschedule or Edit).
constexpr Column kScheduleColumns[] = {
    {"scheduled_date", Column::Timestamp, false},
    {"planned_minutes", Column::Integer, false, 0, 5, 480},
    {"session_type", Column::OneOf, false, 0, 0, 0, kSessionTypes},
};
// What a PATCH and the completion may set: the session's content.
constexpr Column kContentColumns[] = {
    {"topics_covered", Column::Texts, true, 200},
    {"discussion_notes", Column::Text, true, 20000},
    {"agent_commitments", Column::Text, true, 5000},
    {"resources_shared", Column::Texts, true, 500},
    {"engagement_score", Column::Integer, true, 0, 1, 5},
    {"receptiveness_score", Column::Integer, true, 0, 1, 5},
    {"understanding_score", Column::Integer, true, 0, 1, 5},
    {"overall_effectiveness", Column::Integer, true, 0, 1, 5},
    {"summary", Column::Text, true, 5000},
    {"key_achievements", Column::Text, true, 5000},
    {"areas_of_concern", Column::Text, true, 5000},
    {"follow_up_required", Column::Flag, false},
    {"follow_up_date", Column::Date, true},
    {"follow_up_topics", Column::Texts, true, 200},
};

// The completion's action items, each checked; errors name "action_items[i].field".
json::array read_action_items(const json::object& body, http::Fields& f) {
    json::array out;
    const json::value* v = body.if_contains("action_items");
    if (!v || v->is_null())
        return out;
    if (!v->is_array() || v->as_array().size() > kMaxActionItems) {
        f.add("action_items", "must be an array of at most 20 action items");
        return out;
    }
    const json::array& items = v->as_array();
    for (std::size_t i = 0; i < items.size(); ++i) {
        const std::string where = "action_items[" + std::to_string(i) + "]";
        if (!items[i].is_object()) {
            f.add(where, "must be an object");
            continue;
        }
        const json::object& o = items[i].as_object();
        http::Fields item(o);
        auto title = item.string("title", true, 255, 1);
        auto description = item.string("description", false, 5000);
        auto due = item.date("due_date", true);
        auto priority = item.one_of("priority", false, kPriorities);
        item.reject_unknown({"title", "description", "due_date", "priority"});
        if (!item.ok()) {
            for (const FieldError& e : item.error().details)
                f.add(where + "." + e.field, e.message);
            continue;
        }
        json::object row{{"title", *title}, {"due_date", *due}};
        row["description"] = description ? json::value(*description) : json::value(nullptr);
        row["priority"] = priority ? json::value(*priority) : json::value(nullptr);
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace

bool SessionPatch::reschedules() const {
    return set.contains("scheduled_date") || set.contains("planned_minutes");
}

Result<NewSession> parse_new_session(const json::object& body) {
    http::Fields f(body);
    NewSession s;
    auto agent = f.uuid("agent_id", true);
    auto at = f.timestamp("scheduled_date", true);
    auto minutes = f.integer("planned_minutes", false, 5, 480);
    auto type = f.one_of("session_type", false, kSessionTypes);
    s.topics_covered = f.string_array("topics_covered", false, 20, 200);
    auto overlap = f.boolean("allow_overlap", false);
    f.reject_unknown({"agent_id", "scheduled_date", "planned_minutes", "session_type",
                      "topics_covered", "allow_overlap"});
    if (!f.ok())
        return f.error();
    s.agent_id = *agent;
    s.scheduled_date = *at;
    s.planned_minutes = static_cast<int>(minutes.value_or(30));
    s.session_type = type.value_or("REGULAR");
    s.allow_overlap = overlap.value_or(false);
    return s;
}

Result<SessionPatch> parse_session_patch(const json::object& body) {
    http::Fields f(body);
    SessionPatch p;
    http::read_columns(body, f, kScheduleColumns, p.set);
    http::read_columns(body, f, kContentColumns, p.set);
    p.allow_overlap = f.boolean("allow_overlap", false).value_or(false);
    http::reject_unknown(body, f, {kScheduleColumns, kContentColumns}, {"allow_overlap"});
    if (!f.ok())
        return f.error();
    if (p.set.empty())
        return validation_error({{"body", "names no field to change"}});
    return p;
}

Result<Completion> parse_completion(const json::object& body) {
    http::Fields f(body);
    Completion c;
    http::read_columns(body, f, kContentColumns, c.set);
    // The outcome in words is what the agent acknowledges: required.
    if (!body.contains("summary") || body.at("summary").is_null())
        f.add("summary", "is required");
    else if (auto it = c.set.find("summary"); it != c.set.end() && it->value().as_string().empty())
        f.add("summary", "must not be empty");
    auto issue = f.one_of("primary_issue", true, kPrimaryIssues);
    auto method = f.one_of("intervention_method", true, kInterventionMethods);
    auto minutes = f.integer("duration_minutes", false, 1, 480);
    c.action_items = read_action_items(body, f);
    http::reject_unknown(
        body, f, {kContentColumns},
        {"primary_issue", "intervention_method", "duration_minutes", "action_items"});
    if (!f.ok())
        return f.error();
    c.primary_issue = *issue;
    c.intervention_method = *method;
    if (minutes)
        c.duration_minutes = static_cast<int>(*minutes);
    return c;
}

Result<std::string> parse_reason(const json::object& body) {
    http::Fields f(body);
    auto reason = f.string("reason", true, 1000, 1);
    f.reject_unknown({"reason"});
    if (!f.ok())
        return f.error();
    return *reason;
}

Result<Answer> parse_answer(const json::object& body) {
    http::Fields f(body);
    auto answer = f.one_of("acknowledgement", true, kAcknowledgements);
    auto comment = f.string("comment", false, 2000);
    f.reject_unknown({"acknowledgement", "comment"});
    if (answer && *answer == "DISPUTED" &&
        (!comment || comment->find_first_not_of(" \t\r\n") == std::string::npos))
        f.add("comment", "is required to dispute a session: say what you disagree with");
    if (!f.ok())
        return f.error();
    return Answer{*answer, comment};
}

}  // namespace coach::sessions
