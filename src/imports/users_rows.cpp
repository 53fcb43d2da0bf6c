#include "imports/users_rows.hpp"

#include "core/crypto.hpp"
#include "core/text.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "imports/sql.hpp"
#include "imports/users_columns.hpp"
#include "users/rules.hpp"
#include "users/user_input.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>

#include <unordered_map>

namespace coach::imports {
namespace {
namespace json = boost::json;
using auth::Role;

struct DbUser {
    std::string id;
    std::optional<std::string> employee_id;
    std::string email;  // lower case
    Role role = Role::Agent;
    std::optional<std::string> team_leader_id, manager_id;
    bool deleted = false;
    long long reports = 0;
    std::optional<Role> team_leader_role, manager_role;  // live ones only
};

// What a team_leader / manager cell names: a row of the file, or a user of the database.
struct Ref {
    bool given = false;
    std::optional<std::size_t> row;  // index in rows
    const DbUser* user = nullptr;
    bool kept = false;  // the existing user's current value (not named by the row)
};

struct RowState {
    bool failed = false;
    const DbUser* existing = nullptr;
    std::string id;
    std::optional<Role> role;  // after the import (nullopt: the role cell is not valid)
    Ref team_leader, manager;  // as given or kept, after the import
    std::optional<std::string> hire_date;
    std::string role_label, status_label;
};

// The users API's fields a row gives, each in the column of the same name.
constexpr std::string_view kFields[] = {"email",          "name",          "role",    "department",
                                        "employee_id",    "hire_date",     "phone",   "status",
                                        "learning_style", "shift_pattern", "timezone"};

std::size_t column_of_field(std::string_view field) {
    auto specs = users_columns();
    for (std::size_t c = 0; c < specs.size(); ++c)
        if (specs[c].name == field)
            return c;
    if (field == "team_leader_id")
        return kUserTeamLeader;
    if (field == "manager_id")
        return kUserManager;
    return kUserColumnCount;
}

class UsersImport final : public TableImport {
  public:
    std::span<const ColumnSpec> columns() const override { return users_columns(); }

    void check_header(const HeaderMap& h, long row,
                      std::vector<ImportError>& errors) const override {
        if (!h.has(kUserEmployeeId) && !h.has(kUserEmail))
            errors.push_back({row, "", "",
                              "no user column: add \"employee_id\" or \"email\" (or \"Employee "
                              "ID\", \"Email Address\")"});
    }

    Result<void> check(db::SyncConnection& conn, const HeaderMap& h,
                       const std::vector<TableRow>& rows, CheckedRows& out) override;

    std::string_view staging_sql() const override { return sql::users_staging; }
    std::string_view copy_sql() const override { return sql::users_copy; }
    std::string_view upsert_sql() const override { return sql::upsert_users; }
    db::Params upsert_params(const std::string& import_id) const override {
        return db::params(import_id);
    }
};

Result<void> UsersImport::check(db::SyncConnection& conn, const HeaderMap& h,
                                const std::vector<TableRow>& rows, CheckedRows& out) {
    auto specs = users_columns();
    RowErrors errors;
    std::vector<RowState> st(rows.size());
    auto col = [&](std::size_t c) { return column_name(h, specs, c); };
    auto fail = [&](std::size_t i, std::size_t c, std::string message) {
        errors.add(rows[i].row, c < kUserColumnCount ? col(c) : "",
                   c < kUserColumnCount ? rows[i].cells[c] : "", std::move(message));
        st[i].failed = true;
    };

    // 1. Row-level problems and the keys; duplicates inside the file.
    std::unordered_map<std::string, std::vector<std::size_t>> file_ids, file_emails;
    UserKeys keys;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        if (!common_row_checks(h, r, errors))
            st[i].failed = true;
        const std::string& emp = r.cells[kUserEmployeeId];
        const std::string& mail = r.cells[kUserEmail];
        if (emp.empty() && mail.empty()) {
            fail(i, h.has(kUserEmployeeId) ? kUserEmployeeId : kUserEmail,
                 "is required: give the user's employee ID or email");
            continue;
        }
        if (!emp.empty()) {
            file_ids[emp].push_back(i);
            keys.employee_ids.push_back(emp);
        }
        if (!mail.empty()) {
            file_emails[ascii_lower(mail)].push_back(i);
            keys.emails.push_back(ascii_lower(mail));
        }
        for (std::size_t c : {kUserTeamLeader, kUserManager})
            keys.add(r.cells[c]);
    }
    auto duplicates = [&](const auto& groups, std::size_t c, const char* what) {
        for_each_duplicate(groups, [&](std::size_t i, std::size_t other) {
            fail(i, c, fmt::format("duplicate: row {} has the same {}", rows[other].row, what));
        });
    };
    duplicates(file_ids, kUserEmployeeId, "employee ID");
    duplicates(file_emails, kUserEmail, "email");

    // 2. One lookup for every user named anywhere in the file.
    auto found = conn.exec(sql::users_lookup,
                           db::params(db::text_array(keys.employee_ids),
                                      db::text_array(keys.emails), db::text_array(keys.ids)));
    if (!found)
        return found.error();
    const struct {
        int id, employee_id, email, role, team_leader_id, manager_id, deleted, reports,
            team_leader_role, manager_role;
    } c{db::column(*found, "id"),
        db::column(*found, "employee_id"),
        db::column(*found, "email"),
        db::column(*found, "role"),
        db::column(*found, "team_leader_id"),
        db::column(*found, "manager_id"),
        db::column(*found, "deleted"),
        db::column(*found, "reports"),
        db::column(*found, "team_leader_role"),
        db::column(*found, "manager_role")};
    std::vector<DbUser> users(static_cast<std::size_t>(found->rows()));
    std::unordered_map<std::string, const DbUser*> by_id, by_employee, by_email;
    for (int k = 0; k < found->rows(); ++k) {
        DbUser& u = users[static_cast<std::size_t>(k)];
        u.id = std::string(found->get(k, c.id));
        u.employee_id = found->get_optional(k, c.employee_id);
        u.email = std::string(found->get(k, c.email));
        u.role = auth::parse_role(found->get(k, c.role)).value_or(Role::Agent);
        u.team_leader_id = found->get_optional(k, c.team_leader_id);
        u.manager_id = found->get_optional(k, c.manager_id);
        u.deleted = found->get_bool(k, c.deleted);
        u.reports = found->get_int(k, c.reports);
        if (auto v = found->get_optional(k, c.team_leader_role))
            u.team_leader_role = auth::parse_role(*v);
        if (auto v = found->get_optional(k, c.manager_role))
            u.manager_role = auth::parse_role(*v);
        by_id[u.id] = &u;
        if (u.employee_id)
            by_employee[*u.employee_id] = &u;
        by_email[u.email] = &u;
    }
    auto find = [](const auto& map, const std::string& key) -> const DbUser* {
        auto it = map.find(key);
        return it == map.end() ? nullptr : it->second;
    };

    // 3. Which user each row is, and its role after the import.
    std::unordered_map<std::string, std::size_t> row_of_user;  // existing user id -> row
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        auto& s = st[i];
        const std::string& emp = r.cells[kUserEmployeeId];
        const std::string& mail = r.cells[kUserEmail];
        if (emp.empty() && mail.empty())
            continue;
        const DbUser* by_key = emp.empty() ? nullptr : find(by_employee, emp);
        const DbUser* by_mail = mail.empty() ? nullptr : find(by_email, ascii_lower(mail));
        if (by_key) {
            s.existing = by_key;
            if (by_mail && by_mail != by_key)
                fail(i, kUserEmail, "is already used by another user");
        } else if (by_mail) {
            if (!emp.empty() && by_mail->employee_id)
                fail(i, kUserEmail, "belongs to a user with another employee ID");
            else
                s.existing = by_mail;
        }
        if (s.existing && s.existing->deleted) {
            fail(i, by_key ? kUserEmployeeId : kUserEmail, "belongs to a deleted user");
            s.existing = nullptr;
        }
        s.id = s.existing ? s.existing->id : random_uuid();
        if (s.existing)
            row_of_user.emplace(s.id, i);
        s.role_label = enum_label(r.cells[kUserRole]);
        s.status_label = enum_label(r.cells[kUserStatus]);
        if (!r.cells[kUserRole].empty())
            s.role = auth::parse_role(s.role_label);
        else if (s.existing)
            s.role = s.existing->role;
    }
    // A reference: a row of the file first (by employee ID, email, or the id of the user it
    // updates), else a user of the database.
    auto resolve = [&](const std::string& text) {
        Ref ref{true, std::nullopt, nullptr, false};
        auto first_row = [&](const auto& groups, const std::string& key) {
            auto it = groups.find(key);
            if (it != groups.end())
                ref.row = it->second.front();
        };
        auto [kind, key] = user_key(text);
        if (kind == UserKey::Id) {
            auto it = row_of_user.find(key);
            if (it != row_of_user.end())
                ref.row = it->second;
            else
                ref.user = find(by_id, key);
        } else if (kind == UserKey::Email) {
            first_row(file_emails, key);
            if (!ref.row)
                ref.user = find(by_email, key);
        } else {
            first_row(file_ids, key);
            if (!ref.row)
                ref.user = find(by_employee, key);
        }
        if (ref.user && ref.user->deleted)
            ref.user = nullptr;
        if (ref.user) {  // a database user the file also changes: its row
            auto it = row_of_user.find(ref.user->id);
            if (it != row_of_user.end()) {
                ref.row = it->second;
                ref.user = nullptr;
            }
        }
        return ref;
    };
    // A kept reference (an existing user's current team leader or manager).
    auto kept = [&](const std::optional<std::string>& id) {
        Ref ref{id.has_value(), std::nullopt, nullptr, true};
        if (id) {
            auto it = row_of_user.find(*id);
            if (it != row_of_user.end())
                ref.row = it->second;
        }
        return ref;
    };

    // 4. The fields (the users API's parser) and the hierarchy (its rules).
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        auto& s = st[i];
        if (r.cells[kUserEmployeeId].empty() && r.cells[kUserEmail].empty())
            continue;
        json::object body;
        for (auto field : kFields) {
            std::size_t c = column_of_field(field);
            const std::string& v = r.cells[c];
            if (v.empty())
                continue;
            if (c == kUserRole)
                body[field] = s.role_label;
            else if (c == kUserStatus)
                body[field] = s.status_label;
            else if (c == kUserHireDate) {
                std::string date;
                int days = 0;
                if (const char* e = normalize_date(v, date, days)) {
                    fail(i, c, e);
                    continue;
                }
                s.hire_date = date;
                body[field] = date;
            } else
                body[field] = v;
        }
        auto parsed = s.existing ? users::parse_user_patch(body) : users::parse_user_create(body);
        if (!parsed)
            for (const auto& d : parsed.error().details)
                fail(i, column_of_field(d.field), d.message);

        // The hierarchy after the import.
        if (!r.cells[kUserTeamLeader].empty())
            s.team_leader = resolve(r.cells[kUserTeamLeader]);
        else if (s.existing && s.role == Role::Agent)
            s.team_leader = kept(s.existing->team_leader_id);
        if (!r.cells[kUserManager].empty())
            s.manager = resolve(r.cells[kUserManager]);
        else if (s.existing && s.role == Role::TeamLeader)
            s.manager = kept(s.existing->manager_id);
        if (!s.role)
            continue;  // the role cell is wrong (reported above)
        auto reference = [&](const Ref& ref, std::optional<Role> kept_role) {
            users::Reference out{ref.given, std::nullopt};
            if (ref.row)
                out.role = st[*ref.row].role;
            else if (ref.user)
                out.role = ref.user->role;
            else if (ref.kept)
                out.role = kept_role;
            return out;
        };
        // A reference to itself is reported once, on the column that names it.
        auto is_self = [&](const Ref& ref) {
            return (ref.row && *ref.row == i) || (ref.user && ref.user->id == s.id);
        };
        for (auto [ref, c] :
             {std::pair{&s.team_leader, kUserTeamLeader}, std::pair{&s.manager, kUserManager}})
            if (is_self(*ref)) {
                fail(i, c, "a user cannot report to themselves");
                *ref = Ref{};
            }
        users::HierarchyCheck hc{
            *s.role,
            reference(s.team_leader,
                      s.existing ? s.existing->team_leader_role : std::optional<Role>{}),
            reference(s.manager, s.existing ? s.existing->manager_role : std::optional<Role>{}),
            false};
        for (const auto& e : users::hierarchy_errors(hc))
            fail(i, column_of_field(e.field), e.message);
        if (s.existing && *s.role != s.existing->role)
            if (auto conflict =
                    users::role_change_conflict(s.existing->role, *s.role, s.existing->reports))
                fail(i, kUserRole, conflict->message);
    }

    // 5. A row naming a user of a row with errors is refused too (until nothing changes).
    for (bool changed = true; changed;) {
        changed = false;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (st[i].failed)
                continue;
            for (auto [ref, c] : {std::pair{&st[i].team_leader, kUserTeamLeader},
                                  std::pair{&st[i].manager, kUserManager}}) {
                if (!st[i].failed && ref->row && *ref->row != i && st[*ref->row].failed) {
                    fail(i, c,
                         fmt::format("refers to row {}, which has errors", rows[*ref->row].row));
                    changed = true;
                }
            }
        }
    }

    // 6. COPY text of the valid rows.
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const auto& r = rows[i];
        const auto& s = st[i];
        if (s.failed || (r.cells[kUserEmployeeId].empty() && r.cells[kUserEmail].empty())) {
            ++out.failed;
            continue;
        }
        ++out.valid;
        auto opt = [](const std::string& v) {
            return v.empty() ? std::optional<std::string>{} : std::optional<std::string>{v};
        };
        auto ref_id = [&](const Ref& ref) -> std::optional<std::string> {
            if (ref.row)
                return st[*ref.row].id;
            if (ref.user)
                return ref.user->id;
            return std::nullopt;
        };
        // Kept references that are not rows of the file: the current value.
        std::optional<std::string> team_leader = ref_id(s.team_leader);
        if (!team_leader && s.team_leader.kept)
            team_leader = s.existing->team_leader_id;
        std::optional<std::string> manager = ref_id(s.manager);
        if (!manager && s.manager.kept)
            manager = s.existing->manager_id;
        copy_field(out.copy, std::to_string(r.row), true);
        copy_field(out.copy, s.id);
        copy_field(out.copy, std::string(s.existing ? "f" : "t"));
        copy_field(out.copy, opt(r.cells[kUserEmail]));
        copy_field(out.copy, opt(r.cells[kUserName]));
        copy_field(out.copy, r.cells[kUserRole].empty() ? std::optional<std::string>{}
                                                        : std::optional<std::string>{s.role_label});
        copy_field(out.copy, team_leader);
        copy_field(out.copy, manager);
        copy_field(out.copy, opt(r.cells[kUserDepartment]));
        copy_field(out.copy, opt(r.cells[kUserEmployeeId]));
        copy_field(out.copy, s.hire_date);
        copy_field(out.copy, opt(r.cells[kUserPhone]));
        copy_field(out.copy, r.cells[kUserStatus].empty()
                                 ? std::optional<std::string>{}
                                 : std::optional<std::string>{s.status_label});
        copy_field(out.copy, opt(r.cells[kUserLearningStyle]));
        copy_field(out.copy, opt(r.cells[kUserShiftPattern]));
        copy_field(out.copy, opt(r.cells[kUserTimezone]));
        // Nothing can match this hash until a password reset sets one (as POST /users).
        copy_field(out.copy, s.existing ? std::optional<std::string>{}
                                        : std::optional<std::string>{"!unset:" + random_token(16)});
        out.copy.push_back('\n');
    }
    out.error_count = errors.count();
    out.errors = errors.take();
    return {};
}

}  // namespace

std::unique_ptr<TableImport> make_users_import(const Actor&, const std::string&) {
    return std::make_unique<UsersImport>();
}

}  // namespace coach::imports
