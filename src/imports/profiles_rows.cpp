#include "imports/profiles_rows.hpp"

#include "db/arrays.hpp"
#include "imports/profiles_columns.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace coach::imports {
namespace {

constexpr std::string_view kExisting =
    "SELECT agent_id FROM agent_profiles WHERE agent_id = ANY($1::uuid[])";

constexpr std::string_view kStaging = R"sql(
CREATE TEMP TABLE import_staging (
    row_no int, agent_id uuid, learning_style learning_style, preferred_feedback_method text,
    primary_motivators text[], demotivators text[], core_strengths text[],
    development_areas text[], hidden_talents text[], stress_indicators text[],
    success_patterns text[], best_coaching_time text, preferred_session_length int,
    responds_well_to text[], career_aspirations text, personal_goals text,
    peer_comparison_opt_in boolean
) ON COMMIT DROP)sql";

// The data columns: the spec columns after the two agent columns, same names and order.
std::vector<std::string_view> data_columns() {
    std::vector<std::string_view> out;
    auto specs = profiles_columns();
    for (std::size_t c = kProfileLearningStyle; c < specs.size(); ++c)
        out.push_back(specs[c].name);
    return out;
}

std::string make_copy_sql() {
    std::string cols = "row_no, agent_id";
    for (auto c : data_columns())
        cols += fmt::format(", {}", c);
    return fmt::format("COPY import_staging ({}) FROM STDIN", cols);
}

// $1 import id, $2 importer. A blank cell (NULL) keeps the value; unchanged profiles are not
// touched (skipped); the previous values of table_target("PROFILES").columns are recorded.
std::string make_upsert_sql() {
    std::string old_cols, set, current, merged, insert_cols, insert_values;
    for (auto c : data_columns()) {
        old_cols += fmt::format("p.{}, ", c);
        set += fmt::format("{0} = coalesce(s.{0}, p.{0}), ", c);
        current += fmt::format("{}p.{}", current.empty() ? "" : ", ", c);
        merged += fmt::format("{0}coalesce(s.{1}, p.{1})", merged.empty() ? "" : ", ", c);
        insert_cols += fmt::format("{}, ", c);
        insert_values += c == "peer_comparison_opt_in"
                             ? std::string("coalesce(s.peer_comparison_opt_in, true), ")
                             : fmt::format("s.{}, ", c);
    }
    return fmt::format(R"sql(
WITH old AS (
    SELECT p.agent_id, {0}p.profile_created_by, p.last_updated_by, p.updated_at
      FROM agent_profiles p JOIN import_staging s USING (agent_id)
), upd AS (
    UPDATE agent_profiles p SET {1}last_updated_by = $2::uuid
      FROM import_staging s
     WHERE p.agent_id = s.agent_id AND ({2}) IS DISTINCT FROM ({3})
    RETURNING p.agent_id
), ins AS (
    INSERT INTO agent_profiles (agent_id, {4}profile_created_by, last_updated_by)
    SELECT s.agent_id, {5}$2::uuid, $2::uuid
      FROM import_staging s
     WHERE NOT EXISTS (SELECT 1 FROM agent_profiles p WHERE p.agent_id = s.agent_id)
    RETURNING agent_id
), changes AS (
    INSERT INTO import_row_changes (import_id, table_name, row_id, action, before)
    SELECT $1::uuid, 'agent_profiles', agent_id, 'INSERTED'::import_change_action, NULL::jsonb
      FROM ins
    UNION ALL
    SELECT $1::uuid, 'agent_profiles', old.agent_id, 'UPDATED', to_jsonb(old)
      FROM upd JOIN old USING (agent_id)
    RETURNING action
)
SELECT count(*) FILTER (WHERE action = 'INSERTED'), count(*) FILTER (WHERE action = 'UPDATED')
  FROM changes)sql",
                       old_cols, set, current, merged, insert_cols, insert_values);
}

constexpr std::string_view kLearningStyles[] = {"VISUAL", "AUDITORY", "KINESTHETIC", "READING"};

class ProfilesImport final : public TableImport {
  public:
    explicit ProfilesImport(const Actor& actor) : actor_(actor) {}

    std::span<const ColumnSpec> columns() const override { return profiles_columns(); }

    void check_header(const HeaderMap& h, long row,
                      std::vector<ImportError>& errors) const override {
        check_agent_columns(h, kProfileEmployeeId, kProfileEmail, row, errors);
        bool any = false;
        for (std::size_t c = kProfileLearningStyle; c < kProfileColumnCount; ++c)
            any = any || h.has(c);
        if (!any)
            errors.push_back({row, "", "",
                              "no profile column (such as learning_style, core_strengths or "
                              "personal_goals); the template lists them"});
    }

    Result<void> check(db::SyncConnection& conn, const HeaderMap& h,
                       const std::vector<TableRow>& rows, CheckedRows& out) override;

    std::string_view staging_sql() const override { return kStaging; }
    std::string_view copy_sql() const override {
        static const std::string sql = make_copy_sql();
        return sql;
    }
    std::string_view upsert_sql() const override {
        static const std::string sql = make_upsert_sql();
        return sql;
    }
    db::Params upsert_params(const std::string& import_id) const override {
        return db::params(import_id, actor_.id);
    }

  private:
    Actor actor_;
};

Result<void> ProfilesImport::check(db::SyncConnection& conn, const HeaderMap& h,
                                   const std::vector<TableRow>& rows, CheckedRows& out) {
    auto specs = profiles_columns();
    RowErrors errors;
    auto agents = find_agents(conn, actor_, rows, kProfileEmployeeId, kProfileEmail);
    if (!agents)
        return agents.error();
    std::vector<std::string> agent_ids;
    for (const auto* map : {&agents->by_employee_id, &agents->by_email})
        for (const auto& [key, a] : *map)
            agent_ids.push_back(a.id);
    auto existing = conn.exec(kExisting, db::params(db::text_array(agent_ids)));
    if (!existing)
        return existing.error();
    std::unordered_map<std::string, bool> has_profile;
    for (int i = 0; i < existing->rows(); ++i)
        has_profile[std::string(existing->get(i, 0))] = true;

    std::vector<const Agent*> agent(rows.size(), nullptr);
    std::vector<bool> failed(rows.size(), false);
    std::unordered_map<std::string, std::vector<std::size_t>> rows_of_agent;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        failed[i] = !common_row_checks(h, rows[i], errors);
        agent[i] =
            agent_of_row(*agents, h, specs, rows[i], kProfileEmployeeId, kProfileEmail, errors);
        if (!agent[i])
            failed[i] = true;
        else
            rows_of_agent[agent[i]->id].push_back(i);
    }
    auto key_column = [&](std::size_t i) {
        return rows[i].cells[kProfileEmployeeId].empty() ? kProfileEmail : kProfileEmployeeId;
    };
    for_each_duplicate(rows_of_agent, [&](std::size_t i, std::size_t other) {
        std::size_t c = key_column(i);
        errors.add(rows[i].row, column_name(h, specs, c), rows[i].cells[c],
                   fmt::format("duplicate: row {} has the same agent", rows[other].row));
        failed[i] = true;
    });

    std::vector<std::optional<std::string>> values(kProfileColumnCount);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        auto error = [&](std::size_t c, std::string message) {
            errors.add(r.row, column_name(h, specs, c), r.cells[c], std::move(message));
            failed[i] = true;
        };
        for (auto& v : values)
            v.reset();
        for (std::size_t c = kProfileLearningStyle; c < kProfileColumnCount; ++c) {
            const std::string& cell = r.cells[c];
            if (cell.empty())
                continue;
            if (profiles_list_column(c)) {
                values[c] = list_literal(cell);
            } else if (c == kProfileLearningStyle) {
                std::string label = enum_label(cell);
                if (std::find(std::begin(kLearningStyles), std::end(kLearningStyles), label) ==
                    std::end(kLearningStyles))
                    error(c, one_of_message(kLearningStyles));
                else
                    values[c] = label;
            } else if (c == kProfileSessionLength) {
                long minutes = 0;
                if (const char* e = parse_int(cell, 1, 480, minutes))
                    error(c, e);
                else
                    values[c] = std::to_string(minutes);
            } else if (c == kProfilePeerComparisonOptIn) {
                auto b = parse_bool(cell);
                if (!b)
                    error(c, "must be yes or no");
                else
                    values[c] = std::string(*b ? "t" : "f");
            } else {
                std::size_t max = c == kProfileFeedbackMethod     ? 100
                                  : c == kProfileBestCoachingTime ? 50
                                                                  : 10000;
                if (cell.size() > max)
                    error(c, fmt::format("must be at most {} characters", max));
                else
                    values[c] = cell;
            }
        }
        if (agent[i] && r.cells[kProfileLearningStyle].empty() && !has_profile.count(agent[i]->id))
            error(kProfileLearningStyle, "is required for an agent without a profile");
        if (failed[i]) {
            ++out.failed;
            continue;
        }
        ++out.valid;
        copy_field(out.copy, std::to_string(r.row), true);
        copy_field(out.copy, agent[i]->id);
        for (std::size_t c = kProfileLearningStyle; c < kProfileColumnCount; ++c)
            copy_field(out.copy, values[c]);
        out.copy.push_back('\n');
    }
    out.error_count = errors.count();
    out.errors = errors.take();
    return {};
}

}  // namespace

std::unique_ptr<TableImport> make_profiles_import(const Actor& actor, const std::string&) {
    return std::make_unique<ProfilesImport>(actor);
}

}  // namespace coach::imports
