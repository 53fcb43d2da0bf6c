#pragma once
// The SQL side of the scope rules (auth/scope.hpp): which users rows a caller may see, as a
// predicate over the users row `u`, for list queries. tests/integration/scope_sql_test.cpp
// checks it agrees with auth::in_scope() for every pair of users of an organisation.
#include "auth/scope.hpp"
#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <string>

namespace coach::auth {

// `viewer` and `role` are the placeholders ($n) holding the caller's id and role text.
std::string scope_predicate(std::string_view viewer, std::string_view role);

// The target user as a scope Subject (nullopt when no such id).
boost::asio::awaitable<Result<std::optional<Subject>>> load_subject(db::Pool& pool,
                                                                    const std::string& user_id);

inline constexpr std::string_view kSubjectSql = R"sql(
SELECT u.id, u.role, u.team_leader_id, u.manager_id, tl.manager_id, u.deleted_at IS NOT NULL
  FROM users u LEFT JOIN users tl ON tl.id = u.team_leader_id
 WHERE u.id = $1::uuid)sql";

Subject subject_from_row(const db::PgResult& r, int row);

}  // namespace coach::auth
