#include "imports/users_columns.hpp"

namespace coach::imports {

namespace {

const std::vector<ColumnSpec> kColumns = {
    {"employee_id",
     {"employeeid", "employeeno", "employeenumber", "empid", "empno", "staffid", "staffnumber"}},
    {"email", {"emailaddress", "useremail", "employeeemail", "workemail", "mail"}},
    {"name", {"fullname", "employeename", "displayname"}},
    {"role", {"userrole"}},
    {"team_leader",
     {"teamleaderid", "teamleaderemail", "teamleaderemployeeid", "teamlead", "tl", "supervisor"}},
    {"manager", {"managerid", "manageremail", "manageremployeeid"}},
    {"department", {"dept"}},
    {"hire_date", {"hiredate", "startdate", "dateofhire", "datehired", "joindate"}},
    {"phone", {"phonenumber", "mobile", "telephone"}},
    {"status", {"employmentstatus", "userstatus"}},
    {"learning_style", {}},
    {"shift_pattern", {"shift"}},
    {"timezone", {"tz", "timezonename"}},
};

}  // namespace

std::span<const ColumnSpec> users_columns() {
    return kColumns;
}

TemplateContent users_template() {
    // An agent under a team leader named by employee ID (or email); manager stays empty.
    return column_template(
        kColumns, {"E1001", "jane.doe@example.com", "Jane Doe", "AGENT", "E0100", "", "Billing",
                   "2024-03-01", "+1 555 0100", "ACTIVE", "Visual", "Morning", "Europe/London"});
}

}  // namespace coach::imports
