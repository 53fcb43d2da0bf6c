#include "imports/table_import.hpp"

#include "auth/scope.hpp"
#include "core/hex.hpp"
#include "core/text.hpp"
#include "core/utf8.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "http/json_input.hpp"
#include "imports/metrics_rows.hpp"
#include "imports/profiles_rows.hpp"
#include "imports/sessions_rows.hpp"
#include "imports/sql.hpp"
#include "imports/users_rows.hpp"

#include <openssl/rand.h>

#include <algorithm>

namespace coach::imports {

namespace {

// The columns each type writes (and a rollback restores), besides the key.
constexpr TableTarget kTableTargets[] = {
    {"USERS", "users", "id",
     "email, name, role, team_leader_id, manager_id, department, employee_id, hire_date, phone, "
     "status, learning_style, shift_pattern, timezone, updated_at"},
    {"PROFILES", "agent_profiles", "agent_id",
     "learning_style, preferred_feedback_method, primary_motivators, demotivators, "
     "core_strengths, development_areas, hidden_talents, stress_indicators, success_patterns, "
     "best_coaching_time, preferred_session_length, responds_well_to, career_aspirations, "
     "personal_goals, peer_comparison_opt_in, profile_created_by, last_updated_by, updated_at"},
    {"COACHING_HISTORY", "coaching_sessions", "id",
     "agent_id, team_leader_id, scheduled_date, actual_start_time, actual_end_time, "
     "session_type, status, topics_covered, discussion_notes, agent_commitments, "
     "resources_shared, engagement_score, receptiveness_score, understanding_score, "
     "overall_effectiveness, key_achievements, areas_of_concern, follow_up_required, "
     "follow_up_date, follow_up_topics, updated_at"},
};

}  // namespace

ColumnSpec agent_employee_id_column() {
    return {"employee_id",
            {"employeeid", "employeeno", "employeenumber", "empid", "empno", "agentid", "agentno",
             "agentnumber", "staffid", "staffnumber"}};
}

ColumnSpec agent_email_column() {
    return {"email",
            {"emailaddress", "agentemail", "agentemailaddress", "employeeemail", "useremail"}};
}

void check_agent_columns(const HeaderMap& h, std::size_t employee_id_column,
                         std::size_t email_column, long header_row,
                         std::vector<ImportError>& errors) {
    if (!h.has(employee_id_column) && !h.has(email_column))
        errors.push_back({header_row, "", "",
                          "no agent column: add \"employee_id\" or \"email\" (or \"Employee "
                          "ID\", \"Agent Email\")"});
}

Result<std::vector<AgentMatch>> lookup_agents(db::SyncConnection& conn, const Actor& actor,
                                              const std::vector<std::string>& employee_ids,
                                              const std::vector<std::string>& emails) {
    auto found =
        conn.exec(sql::lookup_agents,
                  db::params(actor.id, auth::list_reach(actor.role, auth::Resource::Imports),
                             db::text_array(employee_ids), db::text_array(emails)));
    if (!found)
        return found.error();
    const int by_email = db::column(*found, "by_email"), key = db::column(*found, "key"),
              agent_id = db::column(*found, "agent_id"),
              team_leader_id = db::column(*found, "team_leader_id");
    std::vector<AgentMatch> out;
    out.reserve(static_cast<std::size_t>(found->rows()));
    for (int i = 0; i < found->rows(); ++i)
        out.push_back(
            {found->get_bool(i, by_email), std::string(found->get(i, key)),
             Agent{std::string(found->get(i, agent_id)), found->get_optional(i, team_leader_id)}});
    return out;
}

UserKey user_key(std::string_view cell) {
    if (http::is_uuid(cell))
        return {UserKey::Id, ascii_lower(cell)};
    if (cell.find('@') != std::string_view::npos)
        return {UserKey::Email, ascii_lower(cell)};
    return {UserKey::EmployeeId, std::string(cell)};
}

void UserKeys::add(std::string_view cell) {
    if (cell.empty())
        return;
    auto k = user_key(cell);
    (k.kind == UserKey::Id      ? ids
     : k.kind == UserKey::Email ? emails
                                : employee_ids)
        .push_back(std::move(k.key));
}

Result<Agents> find_agents(db::SyncConnection& conn, const Actor& actor,
                           const std::vector<TableRow>& rows, std::size_t employee_id_column,
                           std::size_t email_column) {
    std::vector<std::string> ids, emails;
    for (const auto& r : rows) {
        if (!r.cells[employee_id_column].empty())
            ids.push_back(r.cells[employee_id_column]);
        if (!r.cells[email_column].empty())
            emails.push_back(ascii_lower(r.cells[email_column]));
    }
    auto found = lookup_agents(conn, actor, ids, emails);
    if (!found)
        return found.error();
    Agents out;
    for (auto& m : *found)
        (m.by_email ? out.by_email : out.by_employee_id)[m.key] = std::move(m.agent);
    return out;
}

const Agent* agent_of_row(const Agents& agents, const HeaderMap& h,
                          std::span<const ColumnSpec> specs, const TableRow& row,
                          std::size_t employee_id_column, std::size_t email_column,
                          RowErrors& errors) {
    const std::string& id = row.cells[employee_id_column];
    const std::string& mail = row.cells[email_column];
    if (id.empty() && mail.empty()) {
        errors.add(
            row.row,
            column_name(h, specs, h.has(employee_id_column) ? employee_id_column : email_column),
            "", "is required: give the agent's employee ID or email");
        return nullptr;
    }
    const Agent* by_id = nullptr;
    const Agent* by_mail = nullptr;
    if (!id.empty()) {
        auto it = agents.by_employee_id.find(id);
        if (it == agents.by_employee_id.end()) {
            errors.add(row.row, column_name(h, specs, employee_id_column), id,
                       "no agent has this employee ID");
            return nullptr;
        }
        by_id = &it->second;
    }
    if (!mail.empty()) {
        auto it = agents.by_email.find(ascii_lower(mail));
        if (it == agents.by_email.end()) {
            errors.add(row.row, column_name(h, specs, email_column), mail,
                       "no agent has this email");
            return nullptr;
        }
        by_mail = &it->second;
    }
    if (by_id && by_mail && by_id->id != by_mail->id) {
        errors.add(row.row, column_name(h, specs, email_column), mail,
                   "belongs to another agent than the employee ID");
        return nullptr;
    }
    return by_id ? by_id : by_mail;
}

HeaderMap match_table_header(std::span<const ColumnSpec> specs,
                             const std::vector<std::string_view>& cells, long header_row,
                             std::vector<ImportError>& errors) {
    HeaderMap h;
    h.cell.resize(specs.size());
    h.header.resize(specs.size());
    h.cells = cells.size();
    for (std::size_t i = 0; i < cells.size(); ++i) {
        std::string_view header = trim(cells[i]);
        if (header.empty())
            continue;
        std::string n = normalize_header(header);
        std::optional<std::size_t> found;
        for (std::size_t c = 0; c < specs.size() && !found; ++c) {
            if (normalize_header(specs[c].name) == n)
                found = c;
            for (auto a : specs[c].aliases)
                if (!found && a == n)
                    found = c;
        }
        if (!found) {
            h.ignored.emplace_back(header);
            continue;
        }
        if (h.cell[*found]) {
            errors.push_back(
                {header_row, std::string(header), cut_value(header),
                 "means the same column as \"" + h.header[*found] + "\"; keep only one"});
            continue;
        }
        h.cell[*found] = i;
        h.header[*found] = std::string(header);
    }
    return h;
}

TableRow table_row(const HeaderMap& h, const Record& record) {
    TableRow r;
    r.row = record.row;
    r.problem = std::string(record.problem);
    r.cells.resize(h.cell.size());
    for (std::size_t c = 0; c < h.cell.size(); ++c) {
        if (!h.cell[c] || *h.cell[c] >= record.cells.size())
            continue;
        std::string_view v = trim(record.cells[*h.cell[c]]);
        if (!is_empty_value(v))
            r.cells[c] = std::string(v);
    }
    for (std::size_t i = h.cells; i < record.cells.size() && r.extra.empty(); ++i)
        if (!trim(record.cells[i]).empty())
            r.extra = cut_value(trim(record.cells[i]));
    return r;
}

std::unique_ptr<TableImport> make_table_import(std::string_view import_type, const Actor& actor,
                                               const std::string& today) {
    if (import_type == "USERS")
        return make_users_import(actor, today);
    if (import_type == "PROFILES")
        return make_profiles_import(actor, today);
    if (import_type == "COACHING_HISTORY")
        return make_sessions_import(actor, today);
    return nullptr;
}

const TableTarget* table_target(std::string_view import_type) {
    for (const auto& t : kTableTargets)
        if (t.import_type == import_type)
            return &t;
    return nullptr;
}

void RowErrors::add(long row, std::string_view column, std::string_view value,
                    std::string message) {
    ++count_;
    if (errors_.size() < kMaxErrorsKept)
        errors_.push_back({row, std::string(column), cut_value(value), std::move(message)});
}

std::vector<ImportError> RowErrors::take() {
    std::stable_sort(errors_.begin(), errors_.end(),
                     [](const ImportError& a, const ImportError& b) { return a.row < b.row; });
    return std::move(errors_);
}

bool common_row_checks(const HeaderMap& h, const TableRow& row, RowErrors& errors) {
    bool ok = true;
    if (!row.problem.empty()) {
        errors.add(row.row, "", "", row.problem);
        ok = false;
    }
    if (!row.extra.empty()) {
        errors.add(row.row, "", row.extra, "has more cells than the header has columns");
        ok = false;
    }
    for (std::size_t c = 0; c < row.cells.size(); ++c)
        if (!valid_utf8(row.cells[c])) {
            errors.add(row.row, h.header[c], "", "is not valid UTF-8 text");
            ok = false;
        }
    return ok;
}

std::string column_name(const HeaderMap& h, std::span<const ColumnSpec> specs, std::size_t c) {
    return h.has(c) ? h.header[c] : std::string(specs[c].name);
}

std::string random_uuid() {
    unsigned char b[16];
    RAND_bytes(b, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0F) | 0x40);
    b[8] = static_cast<unsigned char>((b[8] & 0x3F) | 0x80);
    std::string h = to_hex(b);
    return h.substr(0, 8) + '-' + h.substr(8, 4) + '-' + h.substr(12, 4) + '-' + h.substr(16, 4) +
           '-' + h.substr(20);
}

void copy_field(std::string& out, const std::optional<std::string>& value, bool first) {
    if (!first)
        out.push_back('\t');
    if (!value) {
        out.append("\\N");
        return;
    }
    for (char c : *value) {
        switch (c) {
            case '\\':
                out.append("\\\\");
                break;
            case '\t':
                out.append("\\t");
                break;
            case '\n':
                out.append("\\n");
                break;
            case '\r':
                out.append("\\r");
                break;
            default:
                out.push_back(c);
        }
    }
}

std::optional<std::string> list_literal(std::string_view cell) {
    std::vector<std::string> items;
    while (!cell.empty()) {
        auto semi = cell.find(';');
        std::string_view item = trim(cell.substr(0, semi));
        if (!item.empty())
            items.emplace_back(item);
        if (semi == std::string_view::npos)
            break;
        cell.remove_prefix(semi + 1);
    }
    if (items.empty())
        return std::nullopt;
    return db::text_array(items);
}

std::string enum_label(std::string_view cell) {
    std::string out;
    for (char c : cell) {
        if (c >= 'a' && c <= 'z')
            out.push_back(static_cast<char>(c - 'a' + 'A'));
        else if (c == ' ' || c == '-' || c == '_') {
            if (!out.empty() && out.back() != '_')
                out.push_back('_');
        } else
            out.push_back(c);
    }
    while (!out.empty() && out.back() == '_')
        out.pop_back();
    return out;
}

std::optional<bool> parse_bool(std::string_view cell) {
    std::string v = ascii_lower(cell);
    if (v == "yes" || v == "y" || v == "true" || v == "1")
        return true;
    if (v == "no" || v == "n" || v == "false" || v == "0")
        return false;
    return std::nullopt;
}

const char* parse_int(std::string_view cell, long min, long max, long& out) {
    std::string_view s = cell;
    if (s.size() > 2 && s.ends_with(".0"))
        s.remove_suffix(2);
    bool negative = !s.empty() && s.front() == '-';
    if (negative)
        s.remove_prefix(1);
    if (s.empty() || s.size() > 9 ||
        !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return "must be a whole number";
    long v = 0;
    for (char c : s)
        v = v * 10 + (c - '0');
    if (negative)
        v = -v;
    if (v < min || v > max) {
        static thread_local std::string message;
        message = "must be between " + std::to_string(min) + " and " + std::to_string(max);
        return message.c_str();
    }
    out = v;
    return nullptr;
}

TemplateContent column_template(std::span<const ColumnSpec> columns,
                                std::vector<std::string> example) {
    TemplateContent t;
    for (const auto& c : columns)
        t.headers.emplace_back(c.name);
    t.example = std::move(example);
    return t;
}

std::string one_of_message(std::span<const std::string_view> labels) {
    std::string out = "must be one of ";
    for (std::size_t i = 0; i < labels.size(); ++i)
        out += (i ? ", " : "") + std::string(labels[i]);
    return out;
}

}  // namespace coach::imports
