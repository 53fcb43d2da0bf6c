#pragma once
// The quick-notes area's statements (src/notes/sql/), run and read by column name.
#include "auth/scope.hpp"
#include "db/keyset_page.hpp"
#include "db/pool.hpp"
#include "db/transaction.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/json/object.hpp>

#include <optional>
#include <string>
#include <vector>

namespace coach::notes {

using boost::asio::awaitable;

struct NoteRow {
    std::string id;
    std::string json;  // quick_note_json (migration 0023)
    bool addressed = false;
    auth::Subject agent;  // the subject of permission checks
};

struct ListFilter {
    std::optional<std::string> agent_id, team_leader_id, note_type, priority, from, to;
    std::optional<bool> addressed, overdue;
    int limit = 50;
    std::optional<std::vector<std::string>> after;  // (created_at, id)
};

awaitable<Result<std::optional<NoteRow>>> find_note(db::Pool& pool, const std::string& id);
awaitable<Result<db::KeysetPage>> list_notes(db::Pool& pool, const auth::Principal& viewer,
                                             const ListFilter& filter);

// The following run inside the caller's transaction.
awaitable<Result<std::optional<NoteRow>>> lock_note(db::Transaction& tx, const std::string& id);

// A create's statements, which the route sends in one pipeline with
// users::lock_subject_query (docs/architecture.md, "Check and write"), and their readings.
struct Authorship {
    std::string agent_id, writer;
    std::optional<std::string> key;  // Idempotency-Key
};
// Inserts the note (its team leader: the agent's). No row when `writer` used `key` before, and
// none, rather than an error, for an agent_id that is no agent with a team leader or a
// linked_session_id that is none of the agent's sessions: the route answers those from the
// other statements' rows and rolls the transaction back.
db::Query insert_note_query(const Authorship& who, const std::string& set_json);
std::optional<NoteRow> inserted_note(const db::PgResult& r);
// The note `writer` created with `key`, and its agent (to tell a retry from a key reused for a
// note about another agent).
struct KeyedNote {
    NoteRow row;
    std::string agent_id;
};
db::Query note_by_key_query(const std::string& writer, const std::string& key);
std::optional<KeyedNote> keyed_note(const db::PgResult& r);
// Whether `session_id` is one of `agent_id`'s sessions.
db::Query session_of_query(const std::string& session_id, const std::string& agent_id);
bool is_session_of(const db::PgResult& r);

awaitable<Result<std::optional<KeyedNote>>> note_by_key(db::Transaction& tx,
                                                        const std::string& writer,
                                                        const std::string& key);
awaitable<Result<NoteRow>> update_note(db::Transaction& tx, const std::string& id,
                                       const boost::json::object& set);
// nullopt when it was addressed already.
struct AddressingRow {
    std::string by, notes;
    std::optional<std::string> at;
};
awaitable<Result<std::optional<NoteRow>>> address_note(db::Transaction& tx, const std::string& id,
                                                       const AddressingRow& how);

}  // namespace coach::notes
