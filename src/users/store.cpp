#include "users/store.hpp"

#include "auth/scope_sql.hpp"
#include "users/user_json.hpp"

#include <fmt/format.h>

namespace coach::users {
namespace {

// Public JSON, then the scope subject columns (as in auth::kSubjectSql).
const std::string kSelect = fmt::format(
    "SELECT {}, u.id, u.role, u.team_leader_id, u.manager_id, tl.manager_id, "
    "u.deleted_at IS NOT NULL, u.name FROM users u LEFT JOIN users tl ON tl.id = u.team_leader_id ",
    kUserJson);

const std::string kFind = kSelect + "WHERE u.id = $1::uuid";

// $1 viewer, $2 viewer role, $3.. filters, $10/$11 cursor (name, id), $12 limit.
const std::string kList = kSelect + "WHERE " + auth::scope_predicate("$1", "$2") + R"sql(
   AND ($3::user_role IS NULL OR u.role = $3::user_role)
   AND ($4::user_status IS NULL OR u.status = $4::user_status)
   AND ($5::uuid IS NULL OR u.team_leader_id = $5::uuid)
   AND ($6::uuid IS NULL OR u.manager_id = $6::uuid)
   AND ($7::text IS NULL OR u.department = $7)
   AND ($8::text IS NULL OR u.name ILIKE $8 OR u.email ILIKE $8 OR u.employee_id ILIKE $8)
   AND ($9::bool OR u.deleted_at IS NULL)
   AND ($10::text IS NULL OR (u.name, u.id) > ($10::text, $11::uuid))
 ORDER BY u.name, u.id
 LIMIT $12)sql";

constexpr std::string_view kRefs =
    "SELECT id, role, manager_id FROM users WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL";
constexpr std::string_view kCountReports =
    "SELECT count(*) FROM users WHERE (team_leader_id = $1::uuid OR manager_id = $1::uuid) "
    "AND deleted_at IS NULL";
constexpr std::string_view kSoftDelete =
    "UPDATE users SET deleted_at = now() WHERE id = $1::uuid AND deleted_at IS NULL RETURNING id";
constexpr std::string_view kRevokeSessions =
    "UPDATE user_sessions SET revoked_at = now() WHERE user_id = $1::uuid AND revoked_at IS NULL";

std::string like_pattern(const std::string& q) {
    std::string out = "%";
    for (char c : q) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "%";
}

UserRow row_of(const db::PgResult& r, int i) {
    auth::Subject s{
        std::string(r.get(i, 1)), auth::parse_role(r.get(i, 2)).value_or(auth::Role::Agent),
        r.get_optional(i, 3),     r.get_optional(i, 4),
        r.get_optional(i, 5),     r.get_bool(i, 6)};
    return UserRow{std::string(r.get(i, 0)), std::move(s)};
}

awaitable<Result<UserRow>> reselect(db::Transaction& tx, const std::string& id) {
    auto r = co_await tx.query(kFind, db::params(id));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return not_found();
    co_return row_of(*r, 0);
}

}  // namespace

Error duplicate_error(const Error& e) {
    if (e.sqlstate != "23505")
        return e;
    std::string field =
        e.constraint.find("employee") != std::string::npos ? "employee_id" : "email";
    Error out = make_error(ErrorCode::Conflict, "A user with this " + field + " already exists.");
    out.details.push_back({field, "is already in use"});
    return out;
}

awaitable<Result<std::optional<UserRow>>> find_user(db::Pool& pool, const std::string& id) {
    auto r = co_await pool.query(kFind, db::params(id));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<UserRow>{};
    co_return std::optional<UserRow>{row_of(*r, 0)};
}

awaitable<Result<ListPage>> list_users(db::Pool& pool, const auth::Principal& viewer,
                                       const ListFilter& f) {
    std::optional<std::string> after_name, after_id;
    if (f.after) {
        after_name = (*f.after)[0];
        after_id = (*f.after)[1];
    }
    std::optional<std::string> q;
    if (f.q)
        q = like_pattern(*f.q);
    auto r = co_await pool.query(
        kList, db::params(viewer.id, auth::to_string(viewer.role), f.role, f.status,
                          f.team_leader_id, f.manager_id, f.department, q, f.include_deleted,
                          after_name, after_id, f.limit + 1));
    if (!r)
        co_return r.error();
    co_return db::keyset_page(*r, f.limit, {7, 1});  // cursor: (name, id)
}

awaitable<Result<std::vector<std::pair<std::string, RefInfo>>>> find_refs(
    db::Pool& pool, const std::vector<std::string>& ids) {
    std::string array = "{";
    for (std::size_t i = 0; i < ids.size(); ++i)
        array += (i ? "," : "") + ids[i];
    array += "}";
    auto r = co_await pool.query(kRefs, db::params(array));
    if (!r)
        co_return r.error();
    std::vector<std::pair<std::string, RefInfo>> out;
    for (int i = 0; i < r->rows(); ++i)
        out.emplace_back(std::string(r->get(i, 0)),
                         RefInfo{auth::parse_role(r->get(i, 1)).value_or(auth::Role::Agent),
                                 r->get_optional(i, 2)});
    co_return out;
}

awaitable<Result<long long>> count_reports(db::Pool& pool, const std::string& id) {
    auto r = co_await pool.query(kCountReports, db::params(id));
    if (!r)
        co_return r.error();
    co_return r->get_int(0, 0);
}

awaitable<Result<UserRow>> insert_user(db::Transaction& tx, const UserInput& in,
                                       const std::string& password_hash) {
    // Column names come from the parser's fixed whitelist; every value is a parameter.
    std::string columns = "password_hash", values = "$1";
    db::Params p = db::params(password_hash);
    for (const auto& a : in.columns) {
        p.values.push_back(a.value);
        columns += fmt::format(", {}", a.column);
        values += fmt::format(", ${}{}", p.values.size(), a.cast);
    }
    std::string sql =
        fmt::format("INSERT INTO users ({}) VALUES ({}) RETURNING id", columns, values);
    auto r = co_await tx.query(sql, std::move(p));
    if (!r)
        co_return duplicate_error(r.error());
    co_return co_await reselect(tx, std::string(r->get(0, 0)));
}

awaitable<Result<UserRow>> update_user(db::Transaction& tx, const std::string& id,
                                       const UserInput& in) {
    std::string sets;
    db::Params p = db::params(id);
    for (const auto& a : in.columns) {
        p.values.push_back(a.value);
        sets += fmt::format("{}{} = ${}{}", sets.empty() ? "" : ", ", a.column, p.values.size(),
                            a.cast);
    }
    std::string sql = fmt::format("UPDATE users SET {} WHERE id = $1::uuid RETURNING id", sets);
    auto r = co_await tx.query(sql, std::move(p));
    if (!r)
        co_return duplicate_error(r.error());
    co_return co_await reselect(tx, id);
}

awaitable<Result<std::optional<UserRow>>> soft_delete_user(db::Transaction& tx,
                                                           const std::string& id) {
    std::vector<db::Query> writes;
    writes.push_back({kSoftDelete, db::params(id)});
    writes.push_back({kRevokeSessions, db::params(id)});
    auto r = co_await tx.pipeline(std::move(writes));
    if (!r)
        co_return r.error();
    if ((*r)[0].empty())
        co_return std::optional<UserRow>{};
    auto row = co_await reselect(tx, id);
    if (!row)
        co_return row.error();
    co_return std::optional<UserRow>{std::move(*row)};
}

}  // namespace coach::users
