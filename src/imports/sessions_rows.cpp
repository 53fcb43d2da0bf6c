#include "imports/sessions_rows.hpp"

#include "auth/scope.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "imports/sessions_columns.hpp"
#include "imports/sql.hpp"
#include "sessions/rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <unordered_map>

namespace coach::imports {
namespace {

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

    std::string_view staging_sql() const override { return sql::sessions_staging; }
    std::string_view copy_sql() const override { return sql::sessions_copy; }
    std::string_view upsert_sql() const override { return sql::upsert_sessions; }
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
    auto found =
        conn.exec(sql::find_coaches,
                  db::params(actor_.id, auth::list_reach(actor_.role, auth::Resource::Imports),
                             db::text_array(coaches.employee_ids), db::text_array(coaches.emails),
                             db::text_array(coaches.ids)));
    if (!found)
        return found.error();
    const int id_col = db::column(*found, "id"), employee_id = db::column(*found, "employee_id"),
              email = db::column(*found, "email");
    std::unordered_map<std::string, std::string> coach_by_key;  // id, employee ID, email
    for (int i = 0; i < found->rows(); ++i) {
        std::string id(found->get(i, id_col));
        coach_by_key[id] = id;
        if (auto e = found->get_optional(i, employee_id))
            coach_by_key[*e] = id;
        coach_by_key[std::string(found->get(i, email))] = id;
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
            if (std::find(sessions::kSessionTypes.begin(), sessions::kSessionTypes.end(), label) ==
                sessions::kSessionTypes.end())
                error(kSessionType, one_of_message(sessions::kSessionTypes));
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
    // stored session is recorded as completed only where the sessions' rules allow it
    // (sessions::transition, Action::Record: never over a cancelled or no-show one).
    auto existing = conn.exec(sql::existing_sessions,
                              db::params(db::text_array(key_agents), db::text_array(key_coaches),
                                         db::text_array(key_dates)));
    if (!existing)
        return existing.error();
    const int agent_col = db::column(*existing, "agent_id"),
              coach_col = db::column(*existing, "team_leader_id"),
              epoch_col = db::column(*existing, "scheduled_epoch"),
              sessions_col = db::column(*existing, "sessions"),
              status_col = db::column(*existing, "status");
    for (int k = 0; k < existing->rows(); ++k) {
        const long long n = existing->get_int(k, sessions_col);
        const auto status = sessions::parse_status(existing->get(k, status_col));
        const auto recorded = sessions::transition(status, sessions::Action::Record, actor_.role);
        if (n < 2 && recorded)
            continue;
        auto it =
            keys.find({std::string(existing->get(k, agent_col)),
                       std::string(existing->get(k, coach_col)), existing->get_int(k, epoch_col)});
        if (it == keys.end())
            continue;
        for (std::size_t i : it->second) {
            errors.add(rows[i].row, column_name(h, specs, kSessionDate),
                       rows[i].cells[kSessionDate],
                       n >= 2 ? fmt::format("matches {} stored sessions of this agent and "
                                            "coach; fix them first",
                                            n)
                              : "matches a stored session: " + recorded.error().message);
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
