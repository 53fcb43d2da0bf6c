#pragma once
// The users area's statements (src/users/sql/), run and read by column name.
#include "auth/scope.hpp"
#include "db/keyset_page.hpp"
#include "db/pool.hpp"
#include "db/transaction.hpp"
#include "users/user_input.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>

namespace coach::users {

struct UserRow {
    std::string json;       // public JSON, built by PostgreSQL (user_json, migration 0016)
    auth::Subject subject;  // for permission checks
};

struct ListFilter {
    std::optional<std::string> role, status, team_leader_id, manager_id, department, q;
    bool include_deleted = false;  // ADMIN only
    int limit = 50;
    std::optional<std::vector<std::string>> after;  // (name, id)
};

using ListPage = db::KeysetPage;

using boost::asio::awaitable;

awaitable<Result<std::optional<UserRow>>> find_user(db::Pool& pool, const std::string& id);
awaitable<Result<ListPage>> list_users(db::Pool& pool, const auth::Principal& viewer,
                                       const ListFilter& filter);

// The following run inside the caller's transaction, so that the checks made on what they
// read and the write they guard see the same rows (docs/architecture.md, "Check and write").

// The user, locked until the transaction ends.
awaitable<Result<std::optional<UserRow>>> lock_user(db::Transaction& tx, const std::string& id);

// Roles and managers of the live users among `ids` (team_leader_id / manager_id of a user
// being written), share-locked until the transaction ends, and whether `viewer` may see them.
struct RefInfo {
    auth::Role role;
    std::optional<std::string> manager_id;
    bool visible = false;
};
awaitable<Result<std::vector<std::pair<std::string, RefInfo>>>> lock_references(
    db::Transaction& tx, const auth::Principal& viewer, const std::vector<std::string>& ids);
// The user a row is about to be written about (a session, a note), share-locked; nullopt when
// there is none.
struct LockedSubject {
    auth::Subject subject;
    std::string status;  // users.status
};
awaitable<Result<std::optional<LockedSubject>>> lock_subject(db::Transaction& tx,
                                                             const std::string& id);
// The same as a statement and its reading, for a caller that sends it in a pipeline with
// others (its write then waits in the same round trip; docs/architecture.md, "Check and write").
db::Query lock_subject_query(const std::string& id);
std::optional<LockedSubject> locked_subject(const db::PgResult& r);

awaitable<Result<long long>> count_reports(db::Transaction& tx, const std::string& id);

// Writes; return the new row.
awaitable<Result<UserRow>> insert_user(db::Transaction& tx, const UserInput& in,
                                       const std::string& password_hash);
awaitable<Result<UserRow>> update_user(db::Transaction& tx, const std::string& id,
                                       const UserInput& in);
awaitable<Result<std::optional<UserRow>>> soft_delete_user(db::Transaction& tx,
                                                           const std::string& id);

// 23505 on the users table -> 409 naming the field.
Error duplicate_error(const Error& e);

}  // namespace coach::users
