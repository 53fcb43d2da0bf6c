#include "notes/note_input.hpp"

#include "notes/rules.hpp"

#include <algorithm>

namespace coach::notes {
namespace json = boost::json;
namespace {

using http::Column;

constexpr Column kColumns[] = {
    {"note_type", Column::OneOf, false, 0, 0, 0, kNoteTypes},
    {"content", Column::Text, false, 5000},
    {"priority", Column::OneOf, false, 0, 0, 0, kPriorities},
    {"category", Column::Text, true, 100},
    {"subcategory", Column::Text, true, 100},
    {"call_id", Column::Text, true, 100},
    {"customer_id", Column::Text, true, 100},
    {"timestamp_occurred", Column::Timestamp, false},
    {"requires_follow_up", Column::Flag, false},
    {"linked_session_id", Column::Uuid, true},
};

// A text column holding only blanks says nothing: content must say something.
void require_content(const json::object& set, http::Fields& f) {
    if (auto it = set.find("content"); it != set.end()) {
        const std::string_view s = it->value().as_string();
        if (s.find_first_not_of(" \t\r\n") == std::string_view::npos)
            f.add("content", "must not be empty");
    }
}

// The type's priority when the body sets a type but no priority.
void default_priority(json::object& set) {
    if (!set.contains("priority"))
        if (auto it = set.find("note_type"); it != set.end())
            set["priority"] = priority_for(it->value().as_string());
}

}  // namespace

Result<NewNote> parse_new_note(const json::object& body) {
    http::Fields f(body);
    NewNote n;
    auto agent = f.uuid("agent_id", true);
    for (std::string_view required : {"note_type", "content"})
        if (!body.contains(required))
            f.add(std::string(required), "is required");
    http::read_columns(body, f, kColumns, n.set);
    http::reject_unknown(body, f, {kColumns}, {"agent_id"});
    require_content(n.set, f);
    if (!f.ok())
        return f.error();
    n.agent_id = *agent;
    default_priority(n.set);
    if (auto it = n.set.find("linked_session_id"); it != n.set.end() && it->value().is_string())
        n.linked_session_id = std::string(it->value().as_string());
    return n;
}

Result<NotePatch> parse_note_patch(const json::object& body) {
    http::Fields f(body);
    NotePatch p;
    http::read_columns(body, f, kColumns, p.set);
    http::reject_unknown(body, f, {kColumns});
    require_content(p.set, f);
    if (!f.ok())
        return f.error();
    if (p.set.empty())
        return validation_error({{"body", "names no field to change"}});
    default_priority(p.set);
    return p;
}

Result<Addressing> parse_addressing(const json::object& body) {
    http::Fields f(body);
    auto notes = f.string("addressed_notes", true, 2000, 1);
    auto at = f.timestamp("addressed_date", false);
    f.reject_unknown({"addressed_notes", "addressed_date"});
    if (!f.ok())
        return f.error();
    return Addressing{*notes, at};
}

bool is_idempotency_key(std::string_view key) {
    return !key.empty() && key.size() <= 100 &&
           std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < 127; });
}

}  // namespace coach::notes
