// Quick notes (docs/domain.md, "Quick notes"): written by a team leader about their own agents
// (or an admin), read by their manager, never by agents. A create may carry an
// Idempotency-Key: the same key from the same writer returns the first note, so a phone that
// retries (or an offline queue that sends again) never makes two. JSON: the note as PostgreSQL
// builds it (quick_note_json, migration 0023), passed through.
#include "notes/routes.hpp"

#include "audit/audit.hpp"
#include "http/collection.hpp"
#include "http/handler.hpp"
#include "http/json_input.hpp"
#include "http/query_params.hpp"
#include "http/response.hpp"
#include "notes/note_input.hpp"
#include "notes/rules.hpp"
#include "notes/store.hpp"
#include "users/coached_agent.hpp"

#include <boost/json/serialize.hpp>

namespace coach::notes {
using auth::Resource;

namespace {

constexpr std::string_view kEntity = "quick_notes";
constexpr std::array<std::string_view, 2> kBooleans = {"true", "false"};

Error agents_never_see_notes() {
    return make_error(ErrorCode::Forbidden,
                      "Quick notes are the team leader's working notes; agents do not see them.");
}

// A note found (or locked) for the caller: 404 unless it may read it.
Result<NoteRow> visible(const RequestContext& ctx, Result<std::optional<NoteRow>> row) {
    if (!row)
        return row.error();
    if (!*row || !auth::may(ctx.me(), Resource::QuickNotes, auth::Action::Read, (*row)->agent))
        return not_found();
    return std::move(**row);
}

std::optional<bool> boolean_query(const RequestContext& ctx, std::string_view name,
                                  std::vector<FieldError>& errors) {
    auto v = http::enum_query(ctx, name, kBooleans, errors);
    if (!v)
        return std::nullopt;
    return *v == "true";
}

awaitable<Result<void>> commit(RequestContext& ctx, db::Transaction& tx, std::string_view action,
                               const std::string& id, std::optional<std::string> before,
                               std::optional<std::string> after) {
    db::Query entry =
        audit::entry(ctx.origin(), action, kEntity, id, std::move(before), std::move(after));
    co_return co_await audit::commit(tx, std::move(entry));
}

Error not_a_session_of_the_agent() {
    return validation_error({{"linked_session_id", "is not a session of this agent"}});
}

// 422 unless `session_id` (when set) is one of the agent's sessions.
awaitable<Result<void>> check_session(db::Transaction& tx,
                                      const std::optional<std::string>& session_id,
                                      const std::string& agent_id) {
    if (!session_id)
        co_return Result<void>{};
    auto q = session_of_query(*session_id, agent_id);
    auto found = co_await tx.query(q.sql, std::move(q.params));
    if (!found)
        co_return found.error();
    if (!is_session_of(*found))
        co_return not_a_session_of_the_agent();
    co_return Result<void>{};
}

awaitable<Result<Response>> list(RequestContext& ctx) {
    if (!auth::role_may(ctx.me().role, Resource::QuickNotes, auth::Action::Read))
        co_return agents_never_see_notes();
    std::vector<FieldError> errors;
    ListFilter f;
    f.agent_id = http::uuid_query(ctx, "agent_id", errors);
    f.team_leader_id = http::uuid_query(ctx, "team_leader_id", errors);
    f.addressed = boolean_query(ctx, "addressed", errors);
    f.overdue = boolean_query(ctx, "overdue", errors);
    f.note_type = http::enum_query(ctx, "note_type", kNoteTypes, errors);
    f.priority = http::enum_query(ctx, "priority", kPriorities, errors);
    f.from = http::instant_query(ctx, "from", false, errors);
    f.to = http::instant_query(ctx, "to", true, errors);
    http::Page page = http::read_page(ctx, {http::KeyPart::Timestamp, http::KeyPart::Uuid}, errors);
    if (!errors.empty())
        co_return validation_error(std::move(errors));
    f.limit = page.limit;
    f.after = page.after;
    co_return http::collection_response(co_await list_notes(ctx.db, ctx.me(), f));
}

awaitable<Result<Response>> get(RequestContext& ctx) {
    if (!auth::role_may(ctx.me().role, Resource::QuickNotes, auth::Action::Read))
        co_return agents_never_see_notes();
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    auto row = visible(ctx, co_await find_note(ctx.db, *id));
    if (!row)
        co_return row.error();
    co_return http::json_text(http::Status::ok, std::move(row->json));
}

// A retried create: the first note as it is now (it may have been edited or addressed since),
// whatever changed meanwhile; a key reused for a note about another agent is the client's
// mistake (409).
Result<Response> replay(const KeyedNote& first, const NewNote& in) {
    if (first.agent_id != in.agent_id)
        return make_error(ErrorCode::Conflict,
                          "This Idempotency-Key was used for a note about another agent; send a "
                          "new key for a new note.");
    Response res = http::json_text(http::Status::created, first.row.json);
    res.set(http::beast_http::field::location, "/api/v1/quick-notes/" + first.row.id);
    res.set("Idempotent-Replayed", "true");
    return res;
}

// A create is one round trip before its commit: the key's note, the agent (share-locked), the
// linked session and the insert go in one pipeline; the checks then read their rows, and a
// refusal rolls the insert back with the transaction (docs/architecture.md, "Check and write").
awaitable<Result<Response>> create(RequestContext& ctx) {
    const auth::Principal& me = ctx.me();
    if (!auth::role_may(me.role, Resource::QuickNotes, auth::Action::Create))
        co_return me.role == auth::Role::Agent
            ? agents_never_see_notes()
            : make_error(ErrorCode::Forbidden,
                         "Managers read their teams' notes; team leaders write them.");
    std::optional<std::string> key;
    if (auto h = ctx.request.find("Idempotency-Key"); h != ctx.request.end()) {
        if (!is_idempotency_key(h->value()))
            co_return make_error(ErrorCode::BadRequest,
                                 "Idempotency-Key must be 1 to 100 visible ASCII characters.");
        key = std::string(h->value());
    }
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    auto in = parse_new_note(*body);
    if (!in)
        co_return in.error();
    auto tx = co_await db::Transaction::begin(ctx.db);
    if (!tx)
        co_return tx.error();
    std::vector<db::Query> batch;
    if (key)
        batch.push_back(note_by_key_query(me.id, *key));
    batch.push_back(users::lock_subject_query(in->agent_id));
    if (in->linked_session_id)
        batch.push_back(session_of_query(*in->linked_session_id, in->agent_id));
    batch.push_back(insert_note_query({in->agent_id, me.id, key}, boost::json::serialize(in->set)));
    auto rows = co_await tx->pipeline(std::move(batch));
    if (!rows)
        co_return rows.error();
    std::size_t next = 0;
    // A retry is answered by its key first: the agent may have moved since the first send.
    if (key)
        if (auto first = keyed_note((*rows)[next++]))
            co_return replay(*first, *in);
    auto agent =
        users::coached_agent(me, Resource::QuickNotes, users::locked_subject((*rows)[next++]));
    if (!agent)
        co_return agent.error();
    if (in->linked_session_id && !is_session_of((*rows)[next++]))
        co_return not_a_session_of_the_agent();
    auto note = inserted_note((*rows)[next]);
    if (!note && !key)  // the checks above cover every other reason for no row
        co_return make_error(ErrorCode::Internal, "The note was not written.");
    if (!note) {
        // The key was used: its note committed first (the insert waited for it).
        auto first = co_await note_by_key(*tx, me.id, *key);
        if (!first)
            co_return first.error();
        if (!*first)
            co_return make_error(ErrorCode::Conflict,
                                 "Another request with this Idempotency-Key is being written; "
                                 "try again.");
        co_return replay(**first, *in);
    }
    if (auto done = co_await commit(ctx, *tx, "note.create", note->id, std::nullopt, note->json);
        !done)
        co_return done.error();
    Response res = http::json_text(http::Status::created, note->json);
    res.set(http::beast_http::field::location, "/api/v1/quick-notes/" + note->id);
    co_return res;
}

// The note of the path's {id}, locked in a transaction of its own, that the caller may change:
// 403 for agents and managers, 404 when absent or out of scope.
struct LockedNote {
    db::Transaction tx;
    NoteRow current;
};

awaitable<Result<LockedNote>> lock_changeable_note(RequestContext& ctx) {
    const auth::Principal& me = ctx.me();
    if (!auth::role_may(me.role, Resource::QuickNotes, auth::Action::Update))
        co_return me.role == auth::Role::Agent
            ? agents_never_see_notes()
            : make_error(ErrorCode::Forbidden, "Only the team leader changes a note.");
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    auto tx = co_await db::Transaction::begin(ctx.db);
    if (!tx)
        co_return tx.error();
    auto current = visible(ctx, co_await lock_note(*tx, *id));
    if (!current)
        co_return current.error();
    if (!auth::may(me, Resource::QuickNotes, auth::Action::Update, current->agent))
        co_return make_error(ErrorCode::Forbidden, "You may not change this note.");
    co_return LockedNote{std::move(*tx), std::move(*current)};
}

awaitable<Result<Response>> patch(RequestContext& ctx) {
    auto locked = co_await lock_changeable_note(ctx);
    if (!locked)
        co_return locked.error();
    db::Transaction& tx = locked->tx;
    const NoteRow& current = locked->current;
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    auto in = parse_note_patch(*body);
    if (!in)
        co_return in.error();
    std::optional<std::string> session;
    if (auto it = in->set.find("linked_session_id"); it != in->set.end() && it->value().is_string())
        session = std::string(it->value().as_string());
    if (auto linked = co_await check_session(tx, session, current.agent.id); !linked)
        co_return linked.error();
    auto row = co_await update_note(tx, current.id, in->set);
    if (!row)
        co_return row.error();
    if (auto done = co_await commit(ctx, tx, "note.update", current.id, current.json, row->json);
        !done)
        co_return done.error();
    co_return http::json_text(http::Status::ok, row->json);
}

awaitable<Result<Response>> address(RequestContext& ctx) {
    auto locked = co_await lock_changeable_note(ctx);
    if (!locked)
        co_return locked.error();
    db::Transaction& tx = locked->tx;
    const NoteRow& current = locked->current;
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    auto in = parse_addressing(*body);
    if (!in)
        co_return in.error();
    const AddressingRow how{ctx.me().id, in->notes, in->at};
    auto row = co_await address_note(tx, current.id, how);
    if (!row)
        co_return row.error();
    if (!*row)
        co_return make_error(ErrorCode::Conflict, "This note is addressed already.");
    if (auto done =
            co_await commit(ctx, tx, "note.address", current.id, current.json, (*row)->json);
        !done)
        co_return done.error();
    co_return http::json_text(http::Status::ok, (*row)->json);
}

}  // namespace

void add_routes(http::Router& router) {
    using http::Verb;
    const auto add = [&](Verb verb, std::string pattern, auto handler, std::string summary) {
        router.add({verb, std::move(pattern), handler, http::Access::Authenticated,
                    http::kJsonBodyLimit, std::move(summary)});
    };
    add(Verb::get, "/api/v1/quick-notes", list, "List quick notes");
    add(Verb::post, "/api/v1/quick-notes", create, "Write a quick note (Idempotency-Key)");
    add(Verb::get, "/api/v1/quick-notes/{id}", get, "Get a quick note");
    add(Verb::patch, "/api/v1/quick-notes/{id}", patch, "Change a quick note");
    add(Verb::post, "/api/v1/quick-notes/{id}/address", address, "Mark a quick note addressed");
}

}  // namespace coach::notes
