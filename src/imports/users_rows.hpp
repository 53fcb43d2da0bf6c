#pragma once
// USERS imports (ADMIN only): each row creates or updates one user (users_columns.hpp for the
// key). Field checks are those of the users API (users::parse_user_create for a new user,
// users::parse_user_patch for an existing one) and so is the hierarchy check
// (users::hierarchy_errors, users::role_change_conflict):
//   - team_leader / manager name a user by employee ID, email or id; the user may be created
//     or changed by the same file (the file's row wins over the database, whatever the
//     order of the rows), and must then end up with the right role;
//   - a row naming a user created by a row that has errors is refused too;
//   - a blank cell keeps the current value of an existing user; setting a role clears the
//     hierarchy column that does not apply to it (a new TEAM_LEADER loses its team leader);
//   - changing the role of someone people report to is refused (reassign them first);
//   - new users get no usable password (as the users API without a password): they set one
//     with a password reset.
#include "imports/table_import.hpp"

namespace coach::imports {

std::unique_ptr<TableImport> make_users_import(const Actor& actor, const std::string& today);

}  // namespace coach::imports
