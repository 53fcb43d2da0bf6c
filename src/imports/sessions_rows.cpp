#include "imports/sessions_rows.hpp"

#include "auth/scope_sql.hpp"
#include "db/arrays.hpp"
#include "imports/sessions_columns.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace coach::imports {
namespace {

// Coaches named by the file: live TEAM_LEADERs and MANAGERs in the importer's scope, by
// employee ID ($3), email ($4, lower case) or id ($5). $1 importer, $2 importer role.
const std::string kFindCoaches = fmt::format(R"sql(
SELECT u.id, u.employee_id, lower(u.email)
  FROM users u
 WHERE (u.employee_id = ANY($3::text[]) OR lower(u.email) = ANY($4::text[])
        OR u.id = ANY($5::uuid[]))
   AND u.role IN ('TEAM_LEADER', 'MANAGER') AND u.deleted_at IS NULL AND {})sql",
                                             auth::scope_predicate("$1", "$2"));

// How many sessions exist for each (agent, coach, scheduled_date) of the file.
constexpr std::string_view kExisting = R"sql(
SELECT k.agent_id, k.team_leader_id, extract(epoch FROM k.scheduled_date)::bigint, count(cs.id),
       min(cs.status::text) FILTER (WHERE cs.status IN ('CANCELLED', 'NO_SHOW'))
  FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[]) AS k (agent_id, team_leader_id,
                                                                scheduled_date)
  JOIN coaching_sessions cs USING (agent_id, team_leader_id, scheduled_date)
 GROUP BY 1, 2, 3)sql";

constexpr std::string_view kStaging = R"sql(
CREATE TEMP TABLE import_staging (
    row_no int, agent_id uuid, team_leader_id uuid, scheduled_date timestamptz,
    actual_start_time timestamptz, actual_end_time timestamptz, duration_minutes int,
    session_type session_type, topics_covered text[], discussion_notes text,
    agent_commitments text, resources_shared text[], engagement_score int,
    receptiveness_score int, understanding_score int, overall_effectiveness int,
    key_achievements text, areas_of_concern text, follow_up_required boolean,
    follow_up_date date, follow_up_topics text[]
) ON COMMIT DROP)sql";

constexpr std::string_view kCopy =
    "COPY import_staging (row_no, agent_id, team_leader_id, scheduled_date, actual_start_time, "
    "actual_end_time, duration_minutes, session_type, topics_covered, discussion_notes, "
    "agent_commitments, resources_shared, engagement_score, receptiveness_score, "
    "understanding_score, overall_effectiveness, key_achievements, areas_of_concern, "
    "follow_up_required, follow_up_date, follow_up_topics) FROM STDIN";

// The columns a blank cell keeps (for an existing session) and their values otherwise.
constexpr std::string_view kKept[] = {
    "session_type",          "topics_covered",   "discussion_notes",    "agent_commitments",
    "resources_shared",      "engagement_score", "receptiveness_score", "understanding_score",
    "overall_effectiveness", "key_achievements", "areas_of_concern",    "follow_up_required",
    "follow_up_date",        "follow_up_topics"};

// $1 import id. Every row becomes a COMPLETED session; start = start_time, else the
// session's current start, else the session date; end = end_time, else start + duration,
// else the current end. Unchanged sessions are not touched (skipped).
std::string make_upsert_sql() {
    std::string set, current, merged, insert_cols, insert_values;
    for (auto c : kKept) {
        set += fmt::format(", {0} = coalesce(s.{0}, cs.{0})", c);
        current += fmt::format(", cs.{}", c);
        merged += fmt::format(", coalesce(s.{0}, cs.{0})", c);
        insert_cols += fmt::format(", {}", c);
        insert_values += c == "session_type"         ? ", coalesce(s.session_type, 'REGULAR')"
                         : c == "follow_up_required" ? ", coalesce(s.follow_up_required, false)"
                                                     : fmt::format(", s.{}", c);
    }
    return fmt::format(R"sql(
WITH old AS (
    SELECT cs.id, cs.agent_id, cs.team_leader_id, cs.scheduled_date, cs.actual_start_time,
           cs.actual_end_time, cs.status{1}, cs.updated_at
      FROM coaching_sessions cs
      JOIN import_staging s USING (agent_id, team_leader_id, scheduled_date)
), src AS (
    -- Times: a row that gives a start, an end or a duration replaces both stored times (start:
    -- the row's, else its session date; end: the row's, else start + duration, else none),
    -- so they never mix into an end before the start. A row without times keeps the stored
    -- ones (an end before the session date is dropped).
    SELECT s.*, cs.id AS session_id,
           s.actual_start_time IS NULL AND s.actual_end_time IS NULL
               AND s.duration_minutes IS NULL AS keeps_times,
           cs.actual_start_time AS stored_start, cs.actual_end_time AS stored_end
      FROM import_staging s
      LEFT JOIN coaching_sessions cs USING (agent_id, team_leader_id, scheduled_date)
), starts AS (
    SELECT src.*, CASE WHEN keeps_times THEN coalesce(stored_start, scheduled_date)
                       ELSE coalesce(actual_start_time, scheduled_date) END AS start_at
      FROM src
), val AS (
    SELECT starts.*,
           CASE WHEN keeps_times THEN CASE WHEN stored_end >= start_at THEN stored_end END
                ELSE coalesce(actual_end_time, start_at + make_interval(mins => duration_minutes))
           END AS end_at
      FROM starts
), upd AS (
    UPDATE coaching_sessions cs
       SET actual_start_time = s.start_at, actual_end_time = s.end_at, status = 'COMPLETED'{0}
      FROM val s
     WHERE cs.id = s.session_id
       AND (cs.actual_start_time, cs.actual_end_time, cs.status{1})
           IS DISTINCT FROM (s.start_at, s.end_at, 'COMPLETED'::session_status{2})
    RETURNING cs.id, cs.agent_id, cs.actual_start_time
), ins AS (
    INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, actual_start_time,
                                   actual_end_time, status{3})
    SELECT s.agent_id, s.team_leader_id, s.scheduled_date, s.start_at, s.end_at, 'COMPLETED'{4}
      FROM val s WHERE s.session_id IS NULL
    RETURNING id, agent_id, actual_start_time
), changes AS (
    INSERT INTO import_row_changes (import_id, table_name, row_id, action, before, agent_id,
                                    occurred_on)
    SELECT $1::uuid, 'coaching_sessions', id, 'INSERTED'::import_change_action, NULL::jsonb,
           agent_id, actual_start_time::date
      FROM ins
    UNION ALL
    SELECT $1::uuid, 'coaching_sessions', old.id, 'UPDATED', to_jsonb(old), upd.agent_id,
           upd.actual_start_time::date
      FROM upd JOIN old USING (id)
    RETURNING action
)
SELECT count(*) FILTER (WHERE action = 'INSERTED'), count(*) FILTER (WHERE action = 'UPDATED')
  FROM changes)sql",
                       set, current, merged, insert_cols, insert_values);
}

constexpr std::string_view kTypes[] = {"REGULAR", "FOLLOW_UP", "PIP_CHECK", "URGENT"};

class SessionsImport final : public TableImport {
  public:
    SessionsImport(const Actor& actor, std::string today)
        : actor_(actor), today_(std::move(today)) {}

    std::span<const ColumnSpec> columns() const override { return sessions_columns(); }

    void check_header(const HeaderMap& h, long row,
                      std::vector<ImportError>& errors) const override {
        check_agent_columns(h, kSessionEmployeeId, kSessionEmail, row, errors);
        if (!h.has(kSessionDate))
            errors.push_back(
                {row, "", "", "no session date column: add \"session_date\" (or \"Date\")"});
    }

    Result<void> check(db::SyncConnection& conn, const HeaderMap& h,
                       const std::vector<TableRow>& rows, CheckedRows& out) override;

    std::string_view staging_sql() const override { return kStaging; }
    std::string_view copy_sql() const override { return kCopy; }
    std::string_view upsert_sql() const override {
        static const std::string sql = make_upsert_sql();
        return sql;
    }
    db::Params upsert_params(const std::string& import_id) const override {
        return db::params(import_id);
    }

  private:
    Actor actor_;
    std::string today_;
};

struct Checked {
    bool failed = false;
    const Agent* agent = nullptr;
    std::string coach;
    Instant date, start, end;
    bool has_start = false, has_end = false;
    std::vector<std::optional<std::string>> values;
};

Result<void> SessionsImport::check(db::SyncConnection& conn, const HeaderMap& h,
                                   const std::vector<TableRow>& rows, CheckedRows& out) {
    auto specs = sessions_columns();
    RowErrors errors;
    auto agents = find_agents(conn, actor_, rows, kSessionEmployeeId, kSessionEmail);
    if (!agents)
        return agents.error();
    UserKeys coaches;
    for (const auto& r : rows)
        coaches.add(r.cells[kSessionCoach]);
    auto found = conn.exec(
        kFindCoaches,
        db::params(actor_.id, auth::to_string(actor_.role), db::text_array(coaches.employee_ids),
                   db::text_array(coaches.emails), db::text_array(coaches.ids)));
    if (!found)
        return found.error();
    std::unordered_map<std::string, std::string> coach_by_key;  // id, employee ID, email
    for (int i = 0; i < found->rows(); ++i) {
        std::string id(found->get(i, 0));
        coach_by_key[id] = id;
        if (auto e = found->get_optional(i, 1))
            coach_by_key[*e] = id;
        coach_by_key[std::string(found->get(i, 2))] = id;
    }

    std::vector<Checked> st(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        auto& s = st[i];
        s.values.resize(kSessionColumnCount);
        auto error = [&](std::size_t c, std::string message) {
            errors.add(r.row, column_name(h, specs, c), r.cells[c], std::move(message));
            s.failed = true;
        };
        s.failed = !common_row_checks(h, r, errors);
        s.agent = agent_of_row(*agents, h, specs, r, kSessionEmployeeId, kSessionEmail, errors);
        if (!s.agent)
            s.failed = true;
        const std::string& coach = r.cells[kSessionCoach];
        if (!coach.empty()) {
            auto it = coach_by_key.find(user_key(coach).key);
            if (it == coach_by_key.end())
                error(kSessionCoach, "no team leader or manager has this employee ID or email");
            else
                s.coach = it->second;
        } else if (s.agent) {
            if (s.agent->team_leader_id)
                s.coach = *s.agent->team_leader_id;
            else
                error(kSessionCoach, "is required: the agent has no team leader");
        }
        const std::string& date = r.cells[kSessionDate];
        if (date.empty()) {
            error(kSessionDate, "is required");
        } else if (const char* e = parse_instant(date, s.date)) {
            error(kSessionDate, e);
        } else if (s.date.date > today_) {
            error(kSessionDate, "is in the future: only past sessions are imported");
        } else {
            if (!r.cells[kSessionStart].empty()) {
                if (const char* e = parse_time_on(r.cells[kSessionStart], s.date, s.start))
                    error(kSessionStart, e);
                else
                    s.has_start = true;
            }
            if (!r.cells[kSessionEnd].empty()) {
                if (const char* e = parse_time_on(r.cells[kSessionEnd], s.date, s.end))
                    error(kSessionEnd, e);
                else
                    s.has_end = true;
            }
            long long start = s.has_start ? s.start.epoch : s.date.epoch;
            if (s.has_end && s.end.epoch < start)
                error(kSessionEnd, "is before the start of the session");
        }
        if (!r.cells[kSessionDuration].empty()) {
            long minutes = 0;
            if (const char* e = parse_int(r.cells[kSessionDuration], 1, 600, minutes))
                error(kSessionDuration, e);
            else if (s.has_end)
                error(kSessionDuration, "give end_time or duration_minutes, not both");
            else
                s.values[kSessionDuration] = std::to_string(minutes);
        }
        if (!r.cells[kSessionType].empty()) {
            std::string label = enum_label(r.cells[kSessionType]);
            if (std::find(std::begin(kTypes), std::end(kTypes), label) == std::end(kTypes))
                error(kSessionType, one_of_message(kTypes));
            else
                s.values[kSessionType] = label;
        }
        for (std::size_t c : {kSessionEngagement, kSessionReceptiveness, kSessionUnderstanding,
                              kSessionEffectiveness}) {
            if (r.cells[c].empty())
                continue;
            long v = 0;
            if (const char* e = parse_int(r.cells[c], 1, 5, v))
                error(c, e);
            else
                s.values[c] = std::to_string(v);
        }
        if (!r.cells[kSessionFollowUpRequired].empty()) {
            auto b = parse_bool(r.cells[kSessionFollowUpRequired]);
            if (!b)
                error(kSessionFollowUpRequired, "must be yes or no");
            else
                s.values[kSessionFollowUpRequired] = std::string(*b ? "t" : "f");
        }
        if (!r.cells[kSessionFollowUpDate].empty()) {
            std::string d;
            int days = 0;
            if (const char* e = normalize_date(r.cells[kSessionFollowUpDate], d, days))
                error(kSessionFollowUpDate, e);
            else
                s.values[kSessionFollowUpDate] = d;
        }
        for (std::size_t c : {kSessionTopics, kSessionResources, kSessionFollowUpTopics})
            if (!r.cells[c].empty())
                s.values[c] = list_literal(r.cells[c]);
        for (std::size_t c :
             {kSessionNotes, kSessionCommitments, kSessionAchievements, kSessionConcerns})
            if (!r.cells[c].empty())
                s.values[c] = r.cells[c];
    }

    // Duplicates inside the file: same agent, coach and instant.
    std::map<std::tuple<std::string, std::string, long long>, std::vector<std::size_t>> keys;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (st[i].agent && !st[i].coach.empty() && !st[i].date.text.empty())
            keys[{st[i].agent->id, st[i].coach, st[i].date.epoch}].push_back(i);
    for_each_duplicate(keys, [&](std::size_t i, std::size_t other) {
        errors.add(
            rows[i].row, column_name(h, specs, kSessionDate), rows[i].cells[kSessionDate],
            fmt::format("duplicate: row {} has the same agent, coach and date", rows[other].row));
        st[i].failed = true;
    });
    std::vector<std::string> key_agents, key_coaches, key_dates;
    for (const auto& [key, members] : keys) {
        key_agents.push_back(std::get<0>(key));
        key_coaches.push_back(std::get<1>(key));
        key_dates.push_back(st[members.front()].date.text);
    }
    // A key that matches several sessions already stored cannot say which one to update; a
    // cancelled or no-show session is not turned into a completed one.
    auto existing =
        conn.exec(kExisting, db::params(db::text_array(key_agents), db::text_array(key_coaches),
                                        db::text_array(key_dates)));
    if (!existing)
        return existing.error();
    for (int k = 0; k < existing->rows(); ++k) {
        long long n = existing->get_int(k, 3);
        auto closed = existing->get_optional(k, 4);
        if (n < 2 && !closed)
            continue;
        auto it = keys.find({std::string(existing->get(k, 0)), std::string(existing->get(k, 1)),
                             existing->get_int(k, 2)});
        if (it == keys.end())
            continue;
        for (std::size_t i : it->second) {
            errors.add(rows[i].row, column_name(h, specs, kSessionDate),
                       rows[i].cells[kSessionDate],
                       n >= 2 ? fmt::format("matches {} stored sessions of this agent and "
                                            "coach; fix them first",
                                            n)
                              : fmt::format("matches a stored session that is {}; it is not "
                                            "imported over",
                                            *closed));
            st[i].failed = true;
        }
    }

    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& s = st[i];
        if (s.failed) {
            ++out.failed;
            continue;
        }
        ++out.valid;
        copy_field(out.copy, std::to_string(rows[i].row), true);
        copy_field(out.copy, s.agent->id);
        copy_field(out.copy, s.coach);
        copy_field(out.copy, s.date.text);
        copy_field(out.copy, s.has_start ? std::optional<std::string>{s.start.text}
                                         : std::optional<std::string>{});
        copy_field(out.copy, s.has_end ? std::optional<std::string>{s.end.text}
                                       : std::optional<std::string>{});
        for (std::size_t c = kSessionDuration; c < kSessionColumnCount; ++c)
            copy_field(out.copy, s.values[c]);
        out.copy.push_back('\n');
    }
    out.error_count = errors.count();
    out.errors = errors.take();
    return {};
}

}  // namespace

std::unique_ptr<TableImport> make_sessions_import(const Actor& actor, const std::string& today) {
    return std::make_unique<SessionsImport>(actor, today);
}

}  // namespace coach::imports
