#pragma once
// SQL of the users module.
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
    std::string json;       // public JSON
    auth::Subject subject;  // for scope checks
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

// Roles and managers of the referenced users (team_leader_id / manager_id), live ones only.
struct RefInfo {
    auth::Role role;
    std::optional<std::string> manager_id;
};
awaitable<Result<std::vector<std::pair<std::string, RefInfo>>>> find_refs(
    db::Pool& pool, const std::vector<std::string>& ids);
awaitable<Result<long long>> count_reports(db::Pool& pool, const std::string& id);

// Writes inside the caller's transaction; return the new public JSON.
awaitable<Result<UserRow>> insert_user(db::Transaction& tx, const UserInput& in,
                                       const std::string& password_hash);
awaitable<Result<UserRow>> update_user(db::Transaction& tx, const std::string& id,
                                       const UserInput& in);
awaitable<Result<std::optional<UserRow>>> soft_delete_user(db::Transaction& tx,
                                                           const std::string& id);

// 23505 on the users table -> 409 naming the field.
Error duplicate_error(const Error& e);

}  // namespace coach::users
