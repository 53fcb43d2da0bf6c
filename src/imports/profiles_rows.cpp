#include "imports/profiles_rows.hpp"

#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "imports/profiles_columns.hpp"
#include "imports/sql.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace coach::imports {
namespace {

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

    std::string_view staging_sql() const override { return sql::profiles_staging; }
    std::string_view copy_sql() const override { return sql::profiles_copy; }
    std::string_view upsert_sql() const override { return sql::upsert_profiles; }
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
    auto existing = conn.exec(sql::existing_profiles, db::params(db::text_array(agent_ids)));
    if (!existing)
        return existing.error();
    std::unordered_map<std::string, bool> has_profile;
    const int agent_id = db::column(*existing, "agent_id");
    for (int i = 0; i < existing->rows(); ++i)
        has_profile[std::string(existing->get(i, agent_id))] = true;

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
