#include "auth/scope_sql.hpp"

#include "auth/sql.hpp"
#include "db/columns.hpp"

namespace coach::auth {

SubjectColumns::SubjectColumns(const db::PgResult& r)
    : id(db::column(r, "subject_id")),
      role(db::column(r, "subject_role")),
      team_leader_id(db::column(r, "subject_team_leader_id")),
      manager_id(db::column(r, "subject_manager_id")),
      team_leaders_manager_id(db::column(r, "subject_team_leaders_manager_id")),
      deleted(db::column(r, "subject_deleted")) {}

Subject subject_at(const db::PgResult& r, int row, const SubjectColumns& c) {
    return Subject{std::string(r.get(row, c.id)),
                   parse_role(r.get(row, c.role)).value_or(Role::Agent),
                   r.get_optional(row, c.team_leader_id),
                   r.get_optional(row, c.manager_id),
                   r.get_optional(row, c.team_leaders_manager_id),
                   r.get_bool(row, c.deleted)};
}

boost::asio::awaitable<Result<std::optional<Subject>>> load_subject(db::Pool& pool,
                                                                    const std::string& user_id) {
    auto r = co_await pool.query(sql::subject, db::params(user_id));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<Subject>{};
    co_return std::optional<Subject>{subject_at(*r, 0, SubjectColumns(*r))};
}

}  // namespace coach::auth
