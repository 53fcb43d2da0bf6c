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

// Inserts the note; nullopt when `writer` used `key` before (the caller then reads that note).
struct Authorship {
    std::string agent_id, team_leader_id, writer;
    std::optional<std::string> key;  // Idempotency-Key
};
awaitable<Result<std::optional<NoteRow>>> insert_note(db::Transaction& tx, const Authorship& who,
                                                      const boost::json::object& set);
// The note `writer` created with `key`, and its agent (to tell a retry from a key reused for a
// note about another agent).
struct KeyedNote {
    NoteRow row;
    std::string agent_id;
};
awaitable<Result<std::optional<KeyedNote>>> note_by_key(db::Transaction& tx,
                                                        const std::string& writer,
                                                        const std::string& key);
// Whether `session_id` is one of `agent_id`'s sessions.
awaitable<Result<bool>> is_session_of(db::Transaction& tx, const std::string& session_id,
                                      const std::string& agent_id);
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
