#pragma once
// The SQL side of the permission table (auth/scope.hpp): reading the subject of a check from
// a result, by column name. A query that checks a row selects its user's columns from the
// view user_subjects (migration 0016); list queries filter with the piece auth/reaches or
// coach_may (docs/architecture.md, "Permissions").
#include "auth/scope.hpp"
#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>

#include <optional>
#include <string>

namespace coach::auth {

// The user_subjects columns of a result, resolved once per result.
struct SubjectColumns {
    int id, role, team_leader_id, manager_id, team_leaders_manager_id, deleted;
    explicit SubjectColumns(const db::PgResult& r);
};

Subject subject_at(const db::PgResult& r, int row, const SubjectColumns& c);

// The target user as a scope Subject (nullopt when no such id).
boost::asio::awaitable<Result<std::optional<Subject>>> load_subject(db::Pool& pool,
                                                                    const std::string& user_id);

}  // namespace coach::auth
