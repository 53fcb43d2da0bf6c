#pragma once
// The sessions area's statements (src/sessions/sql/), run and read by column name.
#include "auth/scope.hpp"
#include "db/keyset_page.hpp"
#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "sessions/prep.hpp"
#include "sessions/rules.hpp"
#include "sessions/session_input.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>
#include <vector>

namespace coach::sessions {

using boost::asio::awaitable;

struct SessionRow {
    std::string id;
    std::string json;  // coaching_session_json (migration 0022)
    Status status = Status::Scheduled;
    int version = 0;  // the ETag
    std::string team_leader_id;
    auth::Subject agent;  // the subject of permission checks
};

struct ListFilter {
    std::optional<std::string> agent_id, team_leader_id, status, session_type, from, to;
    bool descending = false;
    int limit = 50;
    std::optional<std::vector<std::string>> after;  // (scheduled_date, id)
};

awaitable<Result<std::optional<SessionRow>>> find_session(db::Pool& pool, const std::string& id);
awaitable<Result<db::KeysetPage>> list_sessions(db::Pool& pool, const auth::Principal& viewer,
                                                const ListFilter& filter);

// The following run inside the caller's transaction (docs/architecture.md, "Check and write").

// Session `id`, locked until the transaction ends (find_session's row; its `json` empty unless
// `with_json`): the statement and its reading, so that a caller may send other reads in the
// same round trip.
db::Query lock_session_query(const std::string& id, bool with_json);
std::optional<SessionRow> locked_session(const db::PgResult& r);

// A session of the team leader's or the agent's calendar that overlaps the one being written.
struct Conflict {
    std::string id, agent_id, agent_name, at;  // at: its start, RFC 3339 in UTC
    int planned_minutes = 0;
    bool same_leader = false, same_agent = false;
};
// Locks both calendars until the transaction ends, then finds the sessions still to happen
// that overlap [start, start + minutes) (sessions::overlaps), except `except_id`.
awaitable<Result<std::vector<Conflict>>> calendar_conflicts(
    db::Transaction& tx, const std::string& team_leader_id, const std::string& agent_id,
    const std::string& start, int minutes, const std::optional<std::string>& except_id);

// Writes; each returns the session as it is after the write.
awaitable<Result<SessionRow>> insert_session(db::Transaction& tx, const NewSession& in,
                                             const std::string& team_leader_id,
                                             const std::string& created_by);
awaitable<Result<SessionRow>> update_session(db::Transaction& tx, const std::string& id,
                                             const boost::json::object& set,
                                             const std::string& changed_by);
// Moves the session from `from` to `to` (a cancellation's or no-show's reason, a completion's
// actual length); nullopt when another request moved it first.
struct StatusChange {
    Status from, to;
    std::optional<std::string> reason;
    std::optional<int> duration_minutes;
};
awaitable<Result<std::optional<SessionRow>>> set_status(db::Transaction& tx, const std::string& id,
                                                        const StatusChange& change);
// The completion's other writes: the effectiveness record, the action items and the linked
// notes addressed, in one pipeline.
awaitable<Result<void>> record_completion(db::Transaction& tx, const std::string& id,
                                          const Completion& in, const std::string& assigned_by);
// The agent's answer; nullopt when already answered.
awaitable<Result<std::optional<SessionRow>>> acknowledge(db::Transaction& tx, const std::string& id,
                                                         const Answer& answer);
// What session `id`'s prep is built from: the inputs of build_prep, and the lists it shows as
// they are (JSON texts from sql/prep_facts.sql).
struct PrepFacts {
    PrepInputs inputs;
    std::string notes, items, metrics;                 // JSON arrays
    std::optional<std::string> last_session, profile;  // JSON objects
};
db::Query prep_facts_query(const std::string& id);
Result<PrepFacts> prep_facts_of(const db::PgResult& r);
// The prep_data document of facts `f` (docs/domain.md, "Session prep"): build_prep's decisions
// and the facts they come from, dated now.
std::string prep_document(const PrepFacts& f);
// Stores the prep (a snapshot: it replaces the one before); set_prep answers the session's
// version after.
db::Query set_prep_query(const std::string& id, const std::string& prep_json);
awaitable<Result<int>> set_prep(db::Transaction& tx, const std::string& id,
                                const std::string& prep_json);

// Days ago (from today, in the organisation's zone) of the agent's no-shows of the last 30 days.
awaitable<Result<std::vector<int>>> recent_no_shows(db::Transaction& tx,
                                                    const std::string& agent_id);

}  // namespace coach::sessions
