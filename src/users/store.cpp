#include "users/store.hpp"

#include "auth/scope_sql.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "users/sql.hpp"

namespace coach::users {
namespace {

std::string like_pattern(const std::string& q) {
    std::string out = "%";
    for (char c : q) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "%";
}

// find_user.sql / lock_user.sql: the first row, if any.
std::optional<UserRow> user_of(const db::PgResult& r) {
    if (r.empty())
        return std::nullopt;
    return UserRow{std::string(r.get(0, db::column(r, "json"))),
                   auth::subject_at(r, 0, auth::SubjectColumns(r))};
}

awaitable<Result<UserRow>> reselect(db::Transaction& tx, const std::string& id) {
    auto r = co_await tx.query(sql::find_user, db::params(id));
    if (!r)
        co_return r.error();
    auto row = user_of(*r);
    if (!row)
        co_return not_found();
    co_return std::move(*row);
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
    auto r = co_await pool.query(sql::find_user, db::params(id));
    if (!r)
        co_return r.error();
    co_return user_of(*r);
}

awaitable<Result<std::optional<UserRow>>> lock_user(db::Transaction& tx, const std::string& id) {
    auto r = co_await tx.query(sql::lock_user, db::params(id));
    if (!r)
        co_return r.error();
    co_return user_of(*r);
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
        sql::list_users, db::params(viewer.id, auth::list_reach(viewer.role, auth::Resource::Users),
                                    f.role, f.status, f.team_leader_id, f.manager_id, f.department,
                                    q, f.include_deleted, after_name, after_id, f.limit + 1));
    if (!r)
        co_return r.error();
    co_return db::keyset_page(*r, f.limit, "json", {"name", "id"});
}

awaitable<Result<std::vector<std::pair<std::string, RefInfo>>>> lock_references(
    db::Transaction& tx, const auth::Principal& viewer, const std::vector<std::string>& ids) {
    auto r = co_await tx.query(
        sql::lock_references,
        db::params(viewer.id, auth::list_reach(viewer.role, auth::Resource::Users),
                   db::text_array(ids)));
    if (!r)
        co_return r.error();
    const int id = db::column(*r, "id"), role = db::column(*r, "role"),
              manager = db::column(*r, "manager_id"), visible = db::column(*r, "visible");
    std::vector<std::pair<std::string, RefInfo>> out;
    for (int i = 0; i < r->rows(); ++i)
        out.emplace_back(std::string(r->get(i, id)),
                         RefInfo{auth::parse_role(r->get(i, role)).value_or(auth::Role::Agent),
                                 r->get_optional(i, manager), r->get_bool(i, visible)});
    co_return out;
}

db::Query lock_subject_query(const std::string& id) {
    return db::Query{sql::lock_subject, db::params(id)};
}

std::optional<LockedSubject> locked_subject(const db::PgResult& r) {
    if (r.empty())
        return std::nullopt;
    return LockedSubject{auth::subject_at(r, 0, auth::SubjectColumns(r)),
                         std::string(r.get(0, db::column(r, "status")))};
}

awaitable<Result<std::optional<LockedSubject>>> lock_subject(db::Transaction& tx,
                                                             const std::string& id) {
    auto q = lock_subject_query(id);
    auto r = co_await tx.query(q.sql, std::move(q.params));
    if (!r)
        co_return r.error();
    co_return locked_subject(*r);
}

awaitable<Result<long long>> count_reports(db::Transaction& tx, const std::string& id) {
    auto r = co_await tx.query(sql::count_reports, db::params(id));
    if (!r)
        co_return r.error();
    co_return r->get_int(0, db::column(*r, "reports"));
}

awaitable<Result<UserRow>> insert_user(db::Transaction& tx, const UserInput& in,
                                       const std::string& password_hash) {
    const std::string fields = in.json();
    auto r = co_await tx.query(sql::insert_user, db::params(fields, password_hash));
    if (!r)
        co_return duplicate_error(r.error());
    std::string id(r->get(0, db::column(*r, "id")));
    // The optional columns (those with a default stay as they are unless given).
    auto set = co_await tx.query(sql::update_user, db::params(id, fields));
    if (!set)
        co_return duplicate_error(set.error());
    co_return co_await reselect(tx, id);
}

awaitable<Result<UserRow>> update_user(db::Transaction& tx, const std::string& id,
                                       const UserInput& in) {
    auto r = co_await tx.query(sql::update_user, db::params(id, in.json()));
    if (!r)
        co_return duplicate_error(r.error());
    co_return co_await reselect(tx, id);
}

awaitable<Result<std::optional<UserRow>>> soft_delete_user(db::Transaction& tx,
                                                           const std::string& id) {
    std::vector<db::Query> writes;
    writes.push_back({sql::soft_delete_user, db::params(id)});
    writes.push_back({sql::revoke_sessions, db::params(id)});
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
