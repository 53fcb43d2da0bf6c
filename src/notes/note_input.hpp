#pragma once
// Reading the JSON bodies of the quick-notes routes (docs/domain.md, "Quick notes"): every bad
// field is collected before the 422; columns from a fixed whitelist.
#include "http/json_input.hpp"

#include <boost/json/object.hpp>

#include <optional>
#include <string>

namespace coach::notes {

// POST /quick-notes: agent_id, note_type and content are enough (a phone on the floor); the
// priority follows the type unless given.
struct NewNote {
    std::string agent_id;
    boost::json::object set;  // the other columns, priority always set (insert_note.sql)
    std::optional<std::string> linked_session_id;
};

// PATCH /quick-notes/{id}: the columns to set (update_note.sql); a new type without a priority
// brings that type's priority.
struct NotePatch {
    boost::json::object set;
};

// POST /quick-notes/{id}/address: how it was addressed and, optionally, when.
struct Addressing {
    std::string notes;
    std::optional<std::string> at;  // RFC 3339; default now
};

Result<NewNote> parse_new_note(const boost::json::object& body);
Result<NotePatch> parse_note_patch(const boost::json::object& body);
Result<Addressing> parse_addressing(const boost::json::object& body);

// An Idempotency-Key header: 1 to 100 visible ASCII characters.
bool is_idempotency_key(std::string_view key);

}  // namespace coach::notes
