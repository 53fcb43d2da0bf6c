#pragma once
// USERS files: the columns (names and aliases) and the template. Pure: no I/O.
//
// Natural key: employee_id when the row has one, else the email (case-insensitive). A row
// whose employee_id is unknown but whose email belongs to a user without an employee ID
// updates that user (and gives them the employee ID).
#include "imports/table_import.hpp"

namespace coach::imports {

enum UsersColumn : std::size_t {
    kUserEmployeeId,
    kUserEmail,
    kUserName,
    kUserRole,
    kUserTeamLeader,  // employee ID, email or id of a TEAM_LEADER (agents only)
    kUserManager,     // employee ID, email or id of a MANAGER (team leaders only)
    kUserDepartment,
    kUserHireDate,
    kUserPhone,
    kUserStatus,
    kUserLearningStyle,
    kUserShiftPattern,
    kUserTimezone,
    kUserColumnCount
};

std::span<const ColumnSpec> users_columns();
TemplateContent users_template();

}  // namespace coach::imports
