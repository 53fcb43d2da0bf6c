// Coaching sessions (docs/domain.md, "Coaching sessions"). Every write runs in one
// transaction: the session (or the agent) locked first, then the permission, the If-Match,
// the transition (sessions::transition) and the calendars checked, then the write, its
// notifications and its audit entry committed together. JSON: the session as PostgreSQL
// builds it (coaching_session_json, migration 0022), passed through; the list's envelope by
// http::collection_response.
#include "sessions/routes.hpp"

#include "audit/audit.hpp"
#include "http/collection.hpp"
#include "http/etag.hpp"
#include "http/handler.hpp"
#include "http/json_input.hpp"
#include "http/query_params.hpp"
#include "http/response.hpp"
#include "http/services.hpp"
#include "notifications/notify.hpp"
#include "sessions/store.hpp"
#include "users/coached_agent.hpp"

#include <fmt/format.h>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include <chrono>

namespace coach::sessions {
namespace json = boost::json;
using auth::Resource;

namespace {

constexpr std::string_view kEntity = "coaching_sessions";
constexpr std::array<std::string_view, 2> kOrders = {"asc", "desc"};

Error forbidden(std::string message) {
    return make_error(ErrorCode::Forbidden, std::move(message));
}

// A session found (or locked) for the caller: 404 unless it may read it.
Result<SessionRow> visible(const RequestContext& ctx, Result<std::optional<SessionRow>> row) {
    if (!row)
        return row.error();
    if (!*row || !auth::may(ctx.me(), Resource::Sessions, auth::Action::Read, (*row)->agent))
        return not_found();
    return std::move(**row);
}

std::string link_of(const std::string& id) {
    return "/sessions/" + id;
}

// "2026-12-07 09:30 (+01:00)" from an RFC 3339 time as the client sent it.
std::string when(std::string_view rfc3339) {
    std::string out(rfc3339.substr(0, 10));
    out += ' ';
    out += rfc3339.substr(11, 5);
    std::string_view zone = rfc3339.substr(rfc3339.find_last_of("Zz+-"));
    out += zone == "Z" || zone == "z" ? " (UTC)" : fmt::format(" ({})", zone);
    return out;
}

// The session of the path's {id}, locked FOR UPDATE in a transaction of its own, with the
// caller's view of it: 400 on a malformed id, 404 when absent or not readable.
struct LockedSession {
    db::Transaction tx;
    SessionRow current;
    std::optional<db::PgResult> also;  // the rows of lock_visible_session's `also`
};

// The session of the path's {id}, locked in a new transaction, 404 unless the caller may read
// it. `also` (given the id): a read sent in the same round trip, after the lock. `with_json`:
// false for a caller that neither answers with the session's JSON nor audits it (a prep).
awaitable<Result<LockedSession>> lock_visible_session(RequestContext& ctx,
                                                      db::Query (*also)(const std::string&) = {},
                                                      bool with_json = true) {
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    auto tx = co_await db::Transaction::begin(ctx.db);
    if (!tx)
        co_return tx.error();
    std::vector<db::Query> batch{lock_session_query(*id, with_json)};
    if (also)
        batch.push_back(also(*id));
    auto rows = co_await tx->pipeline(std::move(batch));
    if (!rows)
        co_return rows.error();
    auto current = visible(ctx, locked_session(rows->front()));
    if (!current)
        co_return current.error();
    std::optional<db::PgResult> more;
    if (also)
        more = std::move(rows->back());
    co_return LockedSession{std::move(*tx), std::move(*current), std::move(more)};
}

// The 409 naming the sessions a calendar already has then (none: nothing to refuse): in words
// (details) and as data (error.conflicts, which the web app lists).
std::optional<Response> overlap_refusal(const std::vector<Conflict>& conflicts) {
    if (conflicts.empty())
        return std::nullopt;
    Error e = make_error(ErrorCode::Conflict,
                         "This time overlaps another session; choose another time or send "
                         "allow_overlap: true to book it anyway.");
    json::array listed;
    for (const Conflict& c : conflicts) {
        const bool both = c.same_leader && c.same_agent;
        const std::string_view calendar = both ? "both" : c.same_leader ? "team_leader" : "agent";
        const std::string_view whose = both            ? "both calendars"
                                       : c.same_leader ? "the team leader's calendar"
                                                       : "the agent's calendar";
        e.details.push_back(
            {"scheduled_date", fmt::format("overlaps the session with {} at {} ({}; session {})",
                                           c.agent_name, c.at, whose, c.id)});
        listed.push_back(json::object{{"session_id", c.id},
                                      {"agent_id", c.agent_id},
                                      {"agent_name", c.agent_name},
                                      {"scheduled_date", c.at},
                                      {"planned_minutes", c.planned_minutes},
                                      {"calendar", calendar}});
    }
    return http::error_response(e, json::object{{"conflicts", std::move(listed)}});
}

// Commits the transaction with the audit entry and the notifications of the change.
awaitable<Result<void>> commit(RequestContext& ctx, db::Transaction& tx, std::string_view action,
                               const std::string& id, std::optional<std::string> before,
                               std::optional<std::string> after,
                               const std::vector<notifications::Notice>& notices) {
    std::vector<db::Query> told;
    told.reserve(notices.size());
    for (const auto& n : notices)
        told.push_back(notifications::notify(n, ctx.services.config.public_url));
    db::Query entry =
        audit::entry(ctx.origin(), action, kEntity, id, std::move(before), std::move(after));
    co_return co_await audit::commit(tx, std::move(entry), std::move(told));
}

// The prep quotes the team leader's open quick notes, which agents never read (docs/domain.md,
// "Session prep"): whoever may not read notes gets the session with prep_data null.
bool may_see_prep(const auth::Principal& viewer) {
    return auth::role_may(viewer.role, Resource::QuickNotes, auth::Action::Read);
}

std::string without_prep(const std::string& json) {
    auto session = json::parse(json);
    session.as_object()["prep_data"] = nullptr;
    return json::serialize(session);
}

Response session_response(const RequestContext& ctx, http::Status status, const SessionRow& row) {
    return http::with_etag(
        http::json_text(status, may_see_prep(ctx.me()) ? row.json : without_prep(row.json)),
        row.version);
}

awaitable<Result<Response>> list(RequestContext& ctx) {
    std::vector<FieldError> errors;
    ListFilter f;
    f.agent_id = http::uuid_query(ctx, "agent_id", errors);
    f.team_leader_id = http::uuid_query(ctx, "team_leader_id", errors);
    f.status = http::enum_query(ctx, "status", kStatusNames, errors);
    f.session_type = http::enum_query(ctx, "session_type", kSessionTypes, errors);
    f.from = http::instant_query(ctx, "from", false, errors);
    f.to = http::instant_query(ctx, "to", true, errors);
    f.descending = http::enum_query(ctx, "order", kOrders, errors) == "desc";
    http::Page page = http::read_page(ctx, {http::KeyPart::Timestamp, http::KeyPart::Uuid}, errors);
    if (!errors.empty())
        co_return validation_error(std::move(errors));
    f.limit = page.limit;
    f.after = page.after;
    auto sessions = co_await list_sessions(ctx.db, ctx.me(), f);
    if (sessions && !may_see_prep(ctx.me()))
        for (auto& item : sessions->items)
            item = without_prep(item);
    co_return http::collection_response(std::move(sessions));
}

awaitable<Result<Response>> get(RequestContext& ctx) {
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    auto row = visible(ctx, co_await find_session(ctx.db, *id));
    if (!row)
        co_return row.error();
    co_return session_response(ctx, http::Status::ok, *row);
}

awaitable<Result<Response>> create(RequestContext& ctx) {
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    auto in = parse_new_session(*body);
    if (!in)
        co_return in.error();
    const auth::Principal& me = ctx.me();
    if (auto to = transition(std::nullopt, Action::Schedule, me.role); !to)
        co_return to.error();
    auto tx = co_await db::Transaction::begin(ctx.db);
    if (!tx)
        co_return tx.error();
    auto agent = co_await users::lock_coached_agent(*tx, me, Resource::Sessions, in->agent_id);
    if (!agent)
        co_return agent.error();
    const auth::Subject& subject = agent->subject;
    if (!in->allow_overlap) {
        const std::optional<std::string> none;
        auto conflicts = co_await calendar_conflicts(*tx, *subject.team_leader_id, in->agent_id,
                                                     in->scheduled_date, in->planned_minutes, none);
        if (!conflicts)
            co_return conflicts.error();
        if (auto refused = overlap_refusal(*conflicts))
            co_return std::move(*refused);
    }
    auto row = co_await insert_session(*tx, *in, *subject.team_leader_id, me.id);
    if (!row)
        co_return row.error();
    std::vector<notifications::Notice> notices{
        {in->agent_id, "session_scheduled",
         fmt::format("Coaching session scheduled for {}.", when(in->scheduled_date)),
         link_of(row->id)}};
    if (auto done =
            co_await commit(ctx, *tx, "session.create", row->id, std::nullopt, row->json, notices);
        !done)
        co_return done.error();
    Response res = session_response(ctx, http::Status::created, *row);
    res.set(http::beast_http::field::location, "/api/v1/coaching-sessions/" + row->id);
    co_return res;
}

awaitable<Result<Response>> patch(RequestContext& ctx) {
    auto locked = co_await lock_visible_session(ctx);
    if (!locked)
        co_return locked.error();
    db::Transaction& tx = locked->tx;
    const SessionRow& current = locked->current;
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    auto in = parse_session_patch(*body);
    if (!in)
        co_return in.error();
    const auth::Principal& me = ctx.me();
    const Action action = in->reschedules() ? Action::Reschedule : Action::Edit;
    if (auto to = transition(current.status, action, me.role); !to)
        co_return to.error();
    if (!auth::may(me, Resource::Sessions, auth::Action::Update, current.agent))
        co_return forbidden("You may not change this session.");
    if (auto refusal = http::if_match_refusal(ctx, current.version, current.json, true))
        co_return std::move(*refusal);
    std::vector<notifications::Notice> notices;
    if (action == Action::Reschedule) {
        // The new time and length, each as sent or as it is.
        auto now = boost::json::parse(current.json).as_object();
        auto field = [&](std::string_view name) -> const boost::json::value& {
            auto it = in->set.find(name);
            return it != in->set.end() ? it->value() : now.at(name);
        };
        const std::string start(field("scheduled_date").as_string());
        const int minutes = static_cast<int>(field("planned_minutes").to_number<std::int64_t>());
        if (!in->allow_overlap) {
            const std::optional<std::string> except = current.id;
            auto conflicts = co_await calendar_conflicts(tx, current.team_leader_id,
                                                         current.agent.id, start, minutes, except);
            if (!conflicts)
                co_return conflicts.error();
            if (auto refused = overlap_refusal(*conflicts))
                co_return std::move(*refused);
        }
        notices.push_back({current.agent.id, "session_changed",
                           fmt::format("Your coaching session moved to {}.", when(start)),
                           link_of(current.id)});
    }
    auto row = co_await update_session(tx, current.id, in->set, me.id);
    if (!row)
        co_return row.error();
    if (auto done = co_await commit(
            ctx, tx, action == Action::Reschedule ? "session.reschedule" : "session.update",
            current.id, current.json, row->json, notices);
        !done)
        co_return done.error();
    co_return session_response(ctx, http::Status::ok, *row);
}

// The lifecycle moves share their steps: lock, may(Update), If-Match when sent, transition,
// the move, what follows from it, audit.
struct Move {
    Action action;
    std::string_view audit_action;
    std::optional<std::string> reason;       // cancel, no-show
    const Completion* completion = nullptr;  // complete
};

awaitable<Result<Response>> change_status(RequestContext& ctx, const Move& m) {
    auto locked = co_await lock_visible_session(ctx);
    if (!locked)
        co_return locked.error();
    db::Transaction& tx = locked->tx;
    const SessionRow& current = locked->current;
    const auth::Principal& me = ctx.me();
    auto to = transition(current.status, m.action, me.role);
    if (!to)
        co_return to.error();
    if (!auth::may(me, Resource::Sessions, auth::Action::Update, current.agent))
        co_return forbidden("You may not change this session.");
    if (auto refusal = http::if_match_refusal(ctx, current.version, current.json, false))
        co_return std::move(*refusal);
    if (m.completion) {
        // The content, the effectiveness record, the action items and the linked notes
        // first: the session read back after the move below then shows them all.
        if (!m.completion->set.empty()) {
            auto written = co_await update_session(tx, current.id, m.completion->set, me.id);
            if (!written)
                co_return written.error();
        }
        auto recorded = co_await record_completion(tx, current.id, *m.completion, me.id);
        if (!recorded)
            co_return recorded.error();
    }
    const StatusChange change{current.status, *to, m.reason,
                              m.completion ? m.completion->duration_minutes : std::nullopt};
    auto row = co_await set_status(tx, current.id, change);
    if (!row)
        co_return row.error();
    if (!*row)
        co_return make_error(ErrorCode::Conflict,
                             "This session was changed at the same time; reload it.");
    std::vector<notifications::Notice> notices;
    const std::string link = link_of(current.id);
    switch (m.action) {
        case Action::Cancel:
            notices.push_back({current.agent.id, "session_cancelled",
                               "Your coaching session was cancelled: " + *m.reason, link});
            break;
        case Action::MarkNoShow: {
            auto days_ago = co_await recent_no_shows(tx, current.agent.id);
            if (!days_ago)
                co_return days_ago.error();
            std::vector<std::chrono::sys_days> days;
            for (int d : *days_ago)
                days.push_back(std::chrono::sys_days{} - std::chrono::days(d));
            if (no_shows_alert(days, std::chrono::sys_days{}) &&
                current.agent.team_leaders_manager_id)
                notices.push_back(
                    {*current.agent.team_leaders_manager_id, "no_shows",
                     fmt::format("{} missed {} coaching sessions in the last 30 days.",
                                 boost::json::parse((*row)->json).at("agent_name").as_string(),
                                 days.size()),
                     link});
            break;
        }
        case Action::Complete:
            notices.push_back({current.agent.id, "session_completed",
                               "Your coaching session's summary is ready: read it and "
                               "acknowledge it.",
                               link});
            break;
        default:
            break;
    }
    if (auto done = co_await commit(ctx, tx, m.audit_action, current.id, current.json, (*row)->json,
                                    notices);
        !done)
        co_return done.error();
    co_return session_response(ctx, http::Status::ok, **row);
}

// Each Move is a named variable: GCC 12 destroys a temporary in a co_await expression twice
// (PR 107288).
awaitable<Result<Response>> start(RequestContext& ctx) {
    const Move m{Action::Start, "session.start"};
    co_return co_await change_status(ctx, m);
}

awaitable<Result<Response>> with_reason(RequestContext& ctx, Action action,
                                        std::string_view audit_action) {
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    auto reason = parse_reason(*body);
    if (!reason)
        co_return reason.error();
    const Move m{action, audit_action, std::move(*reason)};
    co_return co_await change_status(ctx, m);
}

awaitable<Result<Response>> cancel(RequestContext& ctx) {
    co_return co_await with_reason(ctx, Action::Cancel, "session.cancel");
}

awaitable<Result<Response>> no_show(RequestContext& ctx) {
    co_return co_await with_reason(ctx, Action::MarkNoShow, "session.no_show");
}

awaitable<Result<Response>> complete(RequestContext& ctx) {
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    auto in = parse_completion(*body);
    if (!in)
        co_return in.error();
    const Move m{Action::Complete, "session.complete", std::nullopt, &*in};
    co_return co_await change_status(ctx, m);
}

awaitable<Result<Response>> prepare(RequestContext& ctx) {
    auto locked = co_await lock_visible_session(ctx, prep_facts_query, false);
    if (!locked)
        co_return locked.error();
    db::Transaction& tx = locked->tx;
    const SessionRow& current = locked->current;
    const auth::Principal& me = ctx.me();
    if (auto to = transition(current.status, Action::Prepare, me.role); !to)
        co_return to.error();
    if (!auth::may(me, Resource::Sessions, auth::Action::Update, current.agent))
        co_return forbidden("You may not prepare this session.");
    auto facts = prep_facts_of(*locked->also);
    if (!facts)
        co_return facts.error();
    const std::string prep = prep_document(*facts);
    auto version = co_await set_prep(tx, current.id, prep);
    if (!version)
        co_return version.error();
    const std::vector<notifications::Notice> none;
    if (auto done = co_await commit(ctx, tx, "session.prepare", current.id, std::nullopt,
                                    std::nullopt, none);
        !done)
        co_return done.error();
    co_return http::with_etag(http::json_text(http::Status::ok, prep), *version);
}

awaitable<Result<Response>> answer(RequestContext& ctx) {
    auto body = http::parse_json_object(ctx.request);
    if (!body)
        co_return body.error();
    auto reply = parse_answer(*body);
    if (!reply)
        co_return reply.error();
    auto locked = co_await lock_visible_session(ctx);
    if (!locked)
        co_return locked.error();
    db::Transaction& tx = locked->tx;
    const SessionRow& current = locked->current;
    if (!auth::may_acknowledge_session(ctx.me(), current.agent))
        co_return forbidden("Only the coached agent acknowledges a session.");
    if (current.status != Status::Completed)
        co_return make_error(ErrorCode::Conflict,
                             fmt::format("This session is {}: a session is acknowledged once "
                                         "it is completed.",
                                         to_string(current.status)));
    auto row = co_await acknowledge(tx, current.id, *reply);
    if (!row)
        co_return row.error();
    if (!*row)
        co_return make_error(ErrorCode::Conflict, "You have answered this session already.");
    const bool disputed = reply->acknowledgement == "DISPUTED";
    const std::string agent_name(boost::json::parse((*row)->json).at("agent_name").as_string());
    const std::string subject =
        disputed ? fmt::format("{} disputed their coaching session: {}", agent_name,
                               reply->comment.value_or(""))
                 : fmt::format("{} acknowledged their coaching session.", agent_name);
    const std::string_view kind = disputed ? "session_disputed" : "session_acknowledged";
    std::vector<notifications::Notice> notices{
        {current.team_leader_id, kind, subject, link_of(current.id)}};
    if (disputed && current.agent.team_leaders_manager_id)
        notices.push_back(
            {*current.agent.team_leaders_manager_id, kind, subject, link_of(current.id)});
    if (auto done = co_await commit(ctx, tx, "session.acknowledge", current.id, current.json,
                                    (*row)->json, notices);
        !done)
        co_return done.error();
    co_return session_response(ctx, http::Status::ok, **row);
}

}  // namespace

void add_routes(http::Router& router) {
    using http::Verb;
    const auto add = [&](Verb verb, std::string pattern, auto handler, std::string summary) {
        router.add({verb, std::move(pattern), handler, http::Access::Authenticated,
                    http::kJsonBodyLimit, std::move(summary)});
    };
    add(Verb::get, "/api/v1/coaching-sessions", list, "List coaching sessions");
    add(Verb::post, "/api/v1/coaching-sessions", create, "Schedule a coaching session");
    add(Verb::get, "/api/v1/coaching-sessions/{id}", get, "Get a coaching session (with ETag)");
    add(Verb::patch, "/api/v1/coaching-sessions/{id}", patch,
        "Change or reschedule a coaching session (If-Match)");
    add(Verb::post, "/api/v1/coaching-sessions/{id}/prep", prepare,
        "Build the session's prep (agenda, figures, notes, items, methods)");
    add(Verb::post, "/api/v1/coaching-sessions/{id}/start", start, "Start a coaching session");
    add(Verb::post, "/api/v1/coaching-sessions/{id}/complete", complete,
        "Complete a coaching session");
    add(Verb::post, "/api/v1/coaching-sessions/{id}/cancel", cancel, "Cancel a coaching session");
    add(Verb::post, "/api/v1/coaching-sessions/{id}/no-show", no_show,
        "Mark a coaching session a no-show");
    add(Verb::post, "/api/v1/coaching-sessions/{id}/acknowledge", answer,
        "Acknowledge or dispute a completed coaching session (the agent)");
}

}  // namespace coach::sessions
