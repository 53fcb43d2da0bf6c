#include "auth/scope_sql.hpp"

#include <fmt/format.h>

namespace coach::auth {

std::string scope_predicate(std::string_view viewer, std::string_view role) {
    return fmt::format(R"sql(({1} = 'ADMIN' OR (u.deleted_at IS NULL AND (
        u.id = {0}::uuid
     OR ({1} = 'TEAM_LEADER' AND u.role = 'AGENT' AND u.team_leader_id = {0}::uuid)
     OR ({1} = 'MANAGER' AND (
            (u.role = 'TEAM_LEADER' AND u.manager_id = {0}::uuid)
         OR (u.role = 'AGENT' AND u.team_leader_id IN (
                SELECT tl.id FROM users tl WHERE tl.manager_id = {0}::uuid))))))))sql",
                       viewer, role);
}

Subject subject_from_row(const db::PgResult& r, int row) {
    Subject s{std::string(r.get(row, 0)), parse_role(r.get(row, 1)).value_or(Role::Agent),
              r.get_optional(row, 2),     r.get_optional(row, 3),
              r.get_optional(row, 4),     r.get_bool(row, 5)};
    return s;
}

boost::asio::awaitable<Result<std::optional<Subject>>> load_subject(db::Pool& pool,
                                                                    const std::string& user_id) {
    auto r = co_await pool.query(kSubjectSql, db::params(user_id));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<Subject>{};
    co_return std::optional<Subject>{subject_from_row(*r, 0)};
}

}  // namespace coach::auth
