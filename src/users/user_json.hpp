#pragma once
// The public JSON of a user row (never password_hash or reset tokens), built by PostgreSQL.
#include <string_view>

namespace coach::users {

// Expects the users row under alias `u`.
inline constexpr std::string_view kUserJson = R"sql(json_build_object(
    'id', u.id, 'email', u.email, 'name', u.name, 'role', u.role,
    'team_leader_id', u.team_leader_id, 'manager_id', u.manager_id,
    'department', u.department, 'employee_id', u.employee_id, 'hire_date', u.hire_date,
    'phone', u.phone, 'avatar_url', u.avatar_url, 'status', u.status,
    'learning_style', u.learning_style, 'shift_pattern', u.shift_pattern,
    'timezone', u.timezone, 'last_login_at', u.last_login_at,
    'created_at', u.created_at, 'updated_at', u.updated_at, 'deleted_at', u.deleted_at))sql";

}  // namespace coach::users
