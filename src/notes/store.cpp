#include "notes/store.hpp"

#include "auth/scope_sql.hpp"
#include "db/columns.hpp"
#include "notes/sql.hpp"

#include <boost/json/serialize.hpp>

namespace coach::notes {
namespace {

NoteRow note_at(const db::PgResult& r, int row) {
    return NoteRow{std::string(r.get(row, db::column(r, "note_id"))),
                   std::string(r.get(row, db::column(r, "json"))),
                   r.get_bool(row, db::column(r, "addressed")),
                   auth::subject_at(r, row, auth::SubjectColumns(r))};
}

std::optional<NoteRow> first_note(const db::PgResult& r) {
    if (r.empty())
        return std::nullopt;
    return note_at(r, 0);
}

awaitable<Result<NoteRow>> reselect(db::Transaction& tx, const std::string& id) {
    auto r = co_await tx.query(sql::find_note, db::params(id));
    if (!r)
        co_return r.error();
    auto row = first_note(*r);
    if (!row)
        co_return not_found();
    co_return std::move(*row);
}

}  // namespace

awaitable<Result<std::optional<NoteRow>>> find_note(db::Pool& pool, const std::string& id) {
    auto r = co_await pool.query(sql::find_note, db::params(id));
    if (!r)
        co_return r.error();
    co_return first_note(*r);
}

awaitable<Result<std::optional<NoteRow>>> lock_note(db::Transaction& tx, const std::string& id) {
    auto r = co_await tx.query(sql::lock_note, db::params(id));
    if (!r)
        co_return r.error();
    co_return first_note(*r);
}

awaitable<Result<db::KeysetPage>> list_notes(db::Pool& pool, const auth::Principal& viewer,
                                             const ListFilter& f) {
    std::optional<std::string> after_at, after_id;
    if (f.after) {
        after_at = (*f.after)[0];
        after_id = (*f.after)[1];
    }
    auto r = co_await pool.query(
        sql::list_notes,
        db::params(viewer.id, auth::list_reach(viewer.role, auth::Resource::QuickNotes), f.agent_id,
                   f.team_leader_id, f.addressed, f.note_type, f.priority, f.overdue, f.from, f.to,
                   after_at, after_id, f.limit + 1));
    if (!r)
        co_return r.error();
    co_return db::keyset_page(*r, f.limit, "json", {"created_at", "id"});
}

db::Query insert_note_query(const Authorship& who, const std::string& set_json) {
    return db::Query{sql::insert_note, db::params(who.agent_id, who.writer, set_json, who.key)};
}

std::optional<NoteRow> inserted_note(const db::PgResult& r) {
    return first_note(r);
}

db::Query note_by_key_query(const std::string& writer, const std::string& key) {
    return db::Query{sql::note_by_key, db::params(writer, key)};
}

std::optional<KeyedNote> keyed_note(const db::PgResult& r) {
    if (r.empty())
        return std::nullopt;
    return KeyedNote{note_at(r, 0), std::string(r.get(0, db::column(r, "agent_id")))};
}

awaitable<Result<std::optional<KeyedNote>>> note_by_key(db::Transaction& tx,
                                                        const std::string& writer,
                                                        const std::string& key) {
    auto q = note_by_key_query(writer, key);
    auto r = co_await tx.query(q.sql, std::move(q.params));
    if (!r)
        co_return r.error();
    co_return keyed_note(*r);
}

db::Query session_of_query(const std::string& session_id, const std::string& agent_id) {
    return db::Query{sql::session_of_agent, db::params(session_id, agent_id)};
}

bool is_session_of(const db::PgResult& r) {
    return r.get_int(0, db::column(r, "found")) > 0;
}

awaitable<Result<NoteRow>> update_note(db::Transaction& tx, const std::string& id,
                                       const boost::json::object& set) {
    auto r = co_await tx.query(sql::update_note, db::params(id, boost::json::serialize(set)));
    if (!r)
        co_return r.error();
    co_return co_await reselect(tx, id);
}

awaitable<Result<std::optional<NoteRow>>> address_note(db::Transaction& tx, const std::string& id,
                                                       const AddressingRow& how) {
    auto r = co_await tx.query(sql::address_note, db::params(id, how.by, how.notes, how.at));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<NoteRow>{};
    auto row = co_await reselect(tx, id);
    if (!row)
        co_return row.error();
    co_return std::optional<NoteRow>{std::move(*row)};
}

}  // namespace coach::notes
