#include "sessions/store.hpp"

#include "auth/scope_sql.hpp"
#include "core/clock.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "sessions/sql.hpp"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

namespace coach::sessions {
namespace {

// find_session.sql / lock_session.sql: the first row, if any.
std::optional<SessionRow> session_of(const db::PgResult& r) {
    if (r.empty())
        return std::nullopt;
    return SessionRow{std::string(r.get(0, db::column(r, "session_id"))),
                      std::string(r.get(0, db::column(r, "json"))),
                      parse_status(r.get(0, db::column(r, "status"))).value_or(Status::Scheduled),
                      static_cast<int>(r.get_int(0, db::column(r, "version"))),
                      std::string(r.get(0, db::column(r, "team_leader_id"))),
                      auth::subject_at(r, 0, auth::SubjectColumns(r))};
}

awaitable<Result<SessionRow>> reselect(db::Transaction& tx, const std::string& id) {
    auto r = co_await tx.query(sql::find_session, db::params(id));
    if (!r)
        co_return r.error();
    auto row = session_of(*r);
    if (!row)
        co_return not_found();
    co_return std::move(*row);
}

// A write RETURNING the session's id: the session after it, or nullopt when no row matched.
awaitable<Result<std::optional<SessionRow>>> reselect_if_written(db::Transaction& tx,
                                                                 const Result<db::PgResult>& r,
                                                                 const std::string& id) {
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<SessionRow>{};
    auto row = co_await reselect(tx, id);
    if (!row)
        co_return row.error();
    co_return std::optional<SessionRow>{std::move(*row)};
}

}  // namespace

awaitable<Result<std::optional<SessionRow>>> find_session(db::Pool& pool, const std::string& id) {
    auto r = co_await pool.query(sql::find_session, db::params(id));
    if (!r)
        co_return r.error();
    co_return session_of(*r);
}

db::Query lock_session_query(const std::string& id, bool with_json) {
    return db::Query{sql::lock_session, db::params(id, with_json)};
}

std::optional<SessionRow> locked_session(const db::PgResult& r) {
    return session_of(r);
}

awaitable<Result<db::KeysetPage>> list_sessions(db::Pool& pool, const auth::Principal& viewer,
                                                const ListFilter& f) {
    std::optional<std::string> after_at, after_id;
    if (f.after) {
        after_at = (*f.after)[0];
        after_id = (*f.after)[1];
    }
    auto r = co_await pool.query(
        f.descending ? sql::list_sessions_desc : sql::list_sessions,
        db::params(viewer.id, auth::list_reach(viewer.role, auth::Resource::Sessions), f.agent_id,
                   f.team_leader_id, f.status, f.session_type, f.from, f.to, after_at, after_id,
                   f.limit + 1));
    if (!r)
        co_return r.error();
    co_return db::keyset_page(*r, f.limit, "json", {"scheduled_date", "id"});
}

awaitable<Result<std::vector<Conflict>>> calendar_conflicts(
    db::Transaction& tx, const std::string& team_leader_id, const std::string& agent_id,
    const std::string& start, int minutes, const std::optional<std::string>& except_id) {
    const std::vector<std::string> calendars{team_leader_id, agent_id};
    auto locked = co_await tx.query(sql::lock_calendars, db::params(db::text_array(calendars)));
    if (!locked)
        co_return locked.error();
    auto r = co_await tx.query(sql::calendar_conflicts,
                               db::params(team_leader_id, agent_id, start, minutes, except_id));
    if (!r)
        co_return r.error();
    const int id = db::column(*r, "id"), start_epoch = db::column(*r, "start_epoch"),
              planned = db::column(*r, "planned_minutes"),
              new_start = db::column(*r, "new_start_epoch"),
              same_leader = db::column(*r, "same_leader"),
              same_agent = db::column(*r, "same_agent"), their_agent = db::column(*r, "agent_id"),
              agent_name = db::column(*r, "agent_name"), at = db::column(*r, "at");
    std::vector<Conflict> out;
    for (int i = 0; i < r->rows(); ++i) {
        const std::chrono::sys_seconds theirs{std::chrono::seconds(r->get_int(i, start_epoch))};
        const std::chrono::sys_seconds ours{std::chrono::seconds(r->get_int(i, new_start))};
        if (!overlaps(ours, std::chrono::minutes(minutes), theirs,
                      std::chrono::minutes(r->get_int(i, planned))))
            continue;
        out.push_back({std::string(r->get(i, id)), std::string(r->get(i, their_agent)),
                       std::string(r->get(i, agent_name)), std::string(r->get(i, at)),
                       static_cast<int>(r->get_int(i, planned)), r->get_bool(i, same_leader),
                       r->get_bool(i, same_agent)});
    }
    co_return out;
}

awaitable<Result<SessionRow>> insert_session(db::Transaction& tx, const NewSession& in,
                                             const std::string& team_leader_id,
                                             const std::string& created_by) {
    std::optional<std::string> topics;
    if (in.topics_covered)
        topics = db::text_array(*in.topics_covered);
    auto r = co_await tx.query(
        sql::insert_session, db::params(in.agent_id, team_leader_id, created_by, in.scheduled_date,
                                        in.planned_minutes, in.session_type, topics));
    if (!r)
        co_return r.error();
    co_return co_await reselect(tx, std::string(r->get(0, db::column(*r, "id"))));
}

awaitable<Result<SessionRow>> update_session(db::Transaction& tx, const std::string& id,
                                             const boost::json::object& set,
                                             const std::string& changed_by) {
    auto r = co_await tx.query(sql::update_session,
                               db::params(id, boost::json::serialize(set), changed_by));
    if (!r)
        co_return r.error();
    co_return co_await reselect(tx, id);
}

awaitable<Result<std::optional<SessionRow>>> set_status(db::Transaction& tx, const std::string& id,
                                                        const StatusChange& c) {
    auto r = co_await tx.query(sql::set_status, db::params(id, to_string(c.from), to_string(c.to),
                                                           c.reason, c.duration_minutes));
    co_return co_await reselect_if_written(tx, r, id);
}

awaitable<Result<void>> record_completion(db::Transaction& tx, const std::string& id,
                                          const Completion& in, const std::string& assigned_by) {
    std::vector<db::Query> writes;
    writes.push_back(
        {sql::insert_effectiveness, db::params(id, in.primary_issue, in.intervention_method)});
    if (!in.action_items.empty())
        writes.push_back({sql::insert_action_items,
                          db::params(id, assigned_by, boost::json::serialize(in.action_items))});
    writes.push_back({sql::address_linked_notes, db::params(id)});
    auto r = co_await tx.pipeline(std::move(writes));
    if (!r)
        co_return r.error();
    co_return Result<void>{};
}

awaitable<Result<std::optional<SessionRow>>> acknowledge(db::Transaction& tx, const std::string& id,
                                                         const Answer& answer) {
    auto r = co_await tx.query(sql::acknowledge_session,
                               db::params(id, answer.acknowledgement, answer.comment));
    co_return co_await reselect_if_written(tx, r, id);
}

awaitable<Result<std::vector<int>>> recent_no_shows(db::Transaction& tx,
                                                    const std::string& agent_id) {
    auto r = co_await tx.query(sql::recent_no_shows, db::params(agent_id));
    if (!r)
        co_return r.error();
    const int days_ago = db::column(*r, "days_ago");
    std::vector<int> out;
    for (int i = 0; i < r->rows(); ++i)
        out.push_back(static_cast<int>(r->get_int(i, days_ago)));
    co_return out;
}

namespace {
std::optional<double> number_or_null(const boost::json::value& v) {
    if (v.is_null())
        return std::nullopt;
    return v.to_number<double>();
}
}  // namespace

db::Query prep_facts_query(const std::string& id) {
    return db::Query{sql::prep_facts, db::params(id)};
}

Result<PrepFacts> prep_facts_of(const db::PgResult& r) {
    if (r.empty())
        return not_found();
    PrepFacts f;
    f.metrics = std::string(r.get(0, db::column(r, "metrics")));
    f.notes = std::string(r.get(0, db::column(r, "notes")));
    f.items = std::string(r.get(0, db::column(r, "items")));
    f.last_session = r.get_optional(0, db::column(r, "last_session"));
    f.profile = r.get_optional(0, db::column(r, "profile"));
    PrepInputs& in = f.inputs;
    in.planned_minutes = static_cast<int>(r.get_int(0, db::column(r, "planned_minutes")));
    // Each parsed document is held by name: a range-for over parse(...).as_array() would
    // iterate a destroyed temporary.
    const boost::json::value metrics = boost::json::parse(f.metrics);
    const boost::json::value notes = boost::json::parse(f.notes);
    const boost::json::value items = boost::json::parse(f.items);
    const boost::json::value evidence = boost::json::parse(r.get(0, db::column(r, "evidence")));
    for (const auto& m : metrics.as_array())
        in.metrics.push_back({std::string(m.at("metric").as_string()),
                              number_or_null(m.at("agent")), number_or_null(m.at("previous")),
                              number_or_null(m.at("team"))});
    for (const auto& n : notes.as_array()) {
        ++in.open_notes;
        in.high_notes += n.at("priority") == "HIGH";
    }
    for (const auto& i : items.as_array()) {
        ++in.open_items;
        in.overdue_items += i.at("status") == "OVERDUE";
    }
    if (f.last_session)
        in.follow_up_topics = static_cast<int>(
            boost::json::parse(*f.last_session).at("follow_up_topics").as_array().size());
    for (const auto& e : evidence.as_array())
        in.evidence.push_back({std::string(e.at("issue").as_string()),
                               std::string(e.at("method").as_string()),
                               static_cast<int>(e.at("sessions").to_number<std::int64_t>()),
                               e.at("average_improvement").to_number<double>()});
    return f;
}

std::string prep_document(const PrepFacts& f) {
    namespace json = boost::json;
    const Prep p = build_prep(f.inputs);
    auto optional = [](std::optional<double> v) { return v ? json::value(*v) : json::value(); };
    auto areas = [&](const std::vector<Area>& list) {
        json::array out;
        for (const auto& a : list)
            out.push_back({{"metric", a.metric},
                           {"label", a.label},
                           {"value", a.value},
                           {"team", optional(a.team)},
                           {"change", optional(a.change)},
                           {"reason", a.reason}});
        return out;
    };
    json::array agenda;
    for (const auto& i : p.agenda)
        agenda.push_back({{"title", i.title}, {"reason", i.reason}, {"minutes", i.minutes}});
    json::array methods;
    for (const auto& m : p.methods) {
        json::array evidence;
        for (const auto& e : m.methods)
            evidence.push_back({{"method", e.method},
                                {"sessions", e.sessions},
                                {"average_improvement", e.average_improvement}});
        methods.push_back({{"issue", m.issue}, {"methods", evidence}, {"evidence", m.evidence}});
    }
    json::array snapshot;
    for (const auto& m : f.inputs.metrics)
        snapshot.push_back({{"metric", m.metric},
                            {"agent", optional(m.agent)},
                            {"previous", optional(m.previous)},
                            {"team", optional(m.team)}});
    const auto parsed = [](const std::optional<std::string>& text) {
        return text ? json::parse(*text) : json::value();
    };
    json::object out{
        {"generated_at", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}",
                                     std::chrono::floor<std::chrono::seconds>(clock::now()))},
        {"metrics_snapshot", std::move(snapshot)},
        {"weakest_areas", areas(p.weakest)},
        {"strongest_areas", areas(p.strongest)},
        {"unaddressed_notes", json::parse(f.notes)},
        {"action_items", json::parse(f.items)},
        {"last_session", parsed(f.last_session)},
        {"profile_hints", parsed(f.profile)},
        {"agenda", std::move(agenda)},
        {"suggested_methods", std::move(methods)},
    };
    return json::serialize(out);
}

db::Query set_prep_query(const std::string& id, const std::string& prep_json) {
    return db::Query{sql::set_prep, db::params(id, prep_json)};
}

awaitable<Result<int>> set_prep(db::Transaction& tx, const std::string& id,
                                const std::string& prep_json) {
    auto q = set_prep_query(id, prep_json);
    auto r = co_await tx.query(q.sql, std::move(q.params));
    if (!r)
        co_return r.error();
    co_return static_cast<int>(r->get_int(0, db::column(*r, "version")));
}

}  // namespace coach::sessions
