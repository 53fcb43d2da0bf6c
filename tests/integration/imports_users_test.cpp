// USERS imports: a good file (new users referring to each other whatever the row order,
// updates by employee ID and by email, unchanged rows skipped), every kind of bad row with the
// exact report, strict vs partial vs dry run, 409 on re-import, rollback restoring the users
// table exactly (and refused when a later import changed the same users, or when a created
// user is used by other data since), ADMIN only.
#include "support/imports_fixture.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace coach::test {
namespace {
namespace json = boost::json;
namespace fs = std::filesystem;

class ImportsUsers : public ImportsFixture {
  protected:
    ImportsUsers() : ImportsFixture({"admin", "m1", "tl1"}) {}
    // Every users row, whole, in a stable order.
    std::string digest() {
        auto r = server_.db().exec(
            "SELECT string_agg(to_jsonb(u)::text, E'\\n' ORDER BY lower(email)) FROM users u");
        return std::string(r.get(0, 0));
    }
    // "column=value,..." of the user with this email (only the given columns).
    std::string user(const std::string& email, const std::string& columns) {
        auto r = server_.db().exec(
            "SELECT concat_ws(',', " + columns + ") FROM users u WHERE lower(email) = lower($1)",
            db::params(email));
        return r.empty() ? "(none)" : std::string(r.get(0, 0));
    }
    std::string id_of(const std::string& email) {
        auto r = server_.db().exec("SELECT id FROM users WHERE lower(email) = lower($1)",
                                   db::params(email));
        return r.empty() ? "" : std::string(r.get(0, 0));
    }
    long long count(const std::string& sql) { return server_.db().exec(sql).get_int(0, 0); }
};

// Row 2 names the team leader created by row 3; row 4 updates a1 by employee ID (department
// only: blank cells keep the values); row 5 finds a2 by email and moves her to tl2 (status
// LEAVE); row 6 repeats a3 as she is (skipped). Hire date 2024/02/01 and a quoted comma.
const std::string kGood =
    "Employee ID,Email,Name,Role,Team Leader,Manager,Department,Hire Date,Status\r\n"
    "E11,new1@org.test,\"New, Nia\",agent,E10,,Sales,2024/02/01,active\r\n"
    "E10,TL3@org.test,Tess Leader,Team Leader,,m1@org.test,Sales,2024-01-15,\r\n"
    "E1,,,,,,Billing,,\r\n"
    ",a2@org.test,Bob Agent,,tl2@org.test,,,,LEAVE\r\n"
    "E3,a3@org.test,Cat Agent,AGENT,tl2@org.test,,,,\r\n";

TEST_F(ImportsUsers, GoodFileCreatesAndUpdatesUsers) {
    auto r = upload("admin", "?type=USERS&file_name=people.csv", kGood);
    ASSERT_EQ(r.status, 201) << r.body;
    auto log = r.json().as_object();
    EXPECT_EQ(log.at("status"), "SUCCESS") << r.body;
    EXPECT_EQ(log.at("import_type"), "USERS");
    EXPECT_EQ(log.at("total_rows"), 5);
    EXPECT_EQ(log.at("inserted_rows"), 2);  // rows 2, 3
    EXPECT_EQ(log.at("updated_rows"), 2);   // rows 4, 5
    EXPECT_EQ(log.at("skipped_rows"), 1);   // row 6
    EXPECT_EQ(log.at("successful_rows"), 4);
    EXPECT_EQ(log.at("error_details"), json::array());
    EXPECT_EQ(log.at("error_summary"), "2 rows inserted, 2 updated, 1 unchanged.");
    std::string tl3 = id_of("tl3@org.test");
    EXPECT_EQ(user("new1@org.test",
                   "name, role, team_leader_id, department, employee_id, hire_date, status, "
                   "timezone"),
              "New, Nia,AGENT," + tl3 + ",Sales,E11,2024-02-01,ACTIVE,UTC");
    EXPECT_EQ(user("tl3@org.test", "email, role, manager_id, team_leader_id IS NULL, hire_date"),
              "TL3@org.test,TEAM_LEADER," + org_.m1 + ",t,2024-01-15");
    // No usable password: a reset sets one.
    EXPECT_EQ(count("SELECT count(*) FROM users WHERE password_hash LIKE '!unset:%'"), 2);
    EXPECT_EQ(user("a1@org.test", "name, department, team_leader_id"),
              "Ann Agent,Billing," + org_.tl1);
    EXPECT_EQ(user("a2@org.test", "team_leader_id, status, employee_id"), org_.tl2 + ",LEAVE,E2");
    // One audit entry for the import, none per row; what changed is recorded per row.
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'import.create'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action LIKE 'user.%'"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM import_row_changes WHERE table_name = 'users'"), 4);
    EXPECT_EQ(count("SELECT count(*) FROM import_row_changes WHERE before ? 'password_hash'"), 0);
}

// header = row 1; row 6 is blank.
const std::string kBad =
    "employee_id,email,name,role,team_leader,manager,hire_date\n"
    "E20,x1@org.test,Xavier,WIZARD,,,\n"                          // 2
    "E21,not-an-email,Yan,AGENT,tl1@org.test,,\n"                 // 3
    "E22,dup@org.test,Zed,AGENT,tl1@org.test,,\n"                 // 4
    "E23,DUP@org.test,Zoe,AGENT,tl1@org.test,,\n"                 // 5
    ",,,,,,\n"                                                    // 6 (blank)
    "E24,x4@org.test,Abe,AGENT,nobody@org.test,,\n"               // 7
    "E25,x5@org.test,Ben,AGENT,a1@org.test,,\n"                   // 8
    "E26,x6@org.test,Cy,TEAM_LEADER,tl1@org.test,m1@org.test,\n"  // 9
    "E27,x7@org.test,Di,AGENT,tl1@org.test,,2024-02-30\n"         // 10
    "E29,,Fay,TEAM_LEADER,,m1@org.test,\n"                        // 11
    "E30,x9@org.test,Gil,AGENT,E29,,\n"                           // 12
    ",tl2@org.test,,AGENT,,,\n"                                   // 13
    "E31,gone@org.test,Gus,AGENT,tl1@org.test,,\n"                // 14
    "E32,\"x10@org.test\",\"Hal, Jr\",AGENT,tl1@org.test,,\n"     // 15 (the valid one)
    "E1,a2@org.test,,,,,\n"                                       // 16
    "E33,self@org.test,Ivy,TEAM_LEADER,,E33,\n";                  // 17

json::value bad_report() {
    return json::parse(R"([
  {"row": 2, "column": "role", "value": "WIZARD", "error": "must be one of ADMIN, MANAGER, TEAM_LEADER, AGENT"},
  {"row": 3, "column": "email", "value": "not-an-email", "error": "must be an email address"},
  {"row": 4, "column": "email", "value": "dup@org.test", "error": "duplicate: row 5 has the same email"},
  {"row": 5, "column": "email", "value": "DUP@org.test", "error": "duplicate: row 4 has the same email"},
  {"row": 7, "column": "team_leader", "value": "nobody@org.test", "error": "does not refer to a user you can see"},
  {"row": 8, "column": "team_leader", "value": "a1@org.test", "error": "must refer to a TEAM_LEADER"},
  {"row": 9, "column": "team_leader", "value": "tl1@org.test", "error": "must be empty for a TEAM_LEADER"},
  {"row": 10, "column": "hire_date", "value": "2024-02-30", "error": "is not a real calendar date"},
  {"row": 11, "column": "email", "value": "", "error": "is required"},
  {"row": 12, "column": "team_leader", "value": "E29", "error": "refers to row 11, which has errors"},
  {"row": 13, "column": "role", "value": "AGENT", "error": "This user has 1 people reporting to them; reassign them before changing the role."},
  {"row": 14, "column": "email", "value": "gone@org.test", "error": "belongs to a deleted user"},
  {"row": 16, "column": "email", "value": "a2@org.test", "error": "is already used by another user"},
  {"row": 17, "column": "manager", "value": "E33", "error": "a user cannot report to themselves"}
])");
}

TEST_F(ImportsUsers, StrictImportOfBadRowsLoadsNothingAndReportsEveryError) {
    std::string before = digest();
    auto r = upload("admin", "?type=USERS", kBad);
    ASSERT_EQ(r.status, 201) << r.body;
    auto log = r.json().as_object();
    EXPECT_EQ(log.at("status"), "FAILED");
    EXPECT_EQ(log.at("error_details"), bad_report()) << r.body;
    // 15 data rows (2-5, 7-17), 14 with one error each.
    EXPECT_EQ(log.at("total_rows"), 15);
    EXPECT_EQ(log.at("failed_rows"), 14);
    EXPECT_EQ(log.at("error_summary"),
              "14 of 15 rows have errors (14 errors); nothing was loaded (strict mode).");
    EXPECT_EQ(digest(), before);
}

TEST_F(ImportsUsers, PartialImportLoadsTheValidRowAndDryRunStoresNothing) {
    std::string before = digest();
    auto dry = upload("admin", "?type=USERS&mode=partial&dry_run=true", kBad);
    ASSERT_EQ(dry.status, 201) << dry.body;
    EXPECT_EQ(dry.json().at("status"), "PARTIAL_SUCCESS");
    EXPECT_EQ(dry.json().at("inserted_rows"), 1);
    EXPECT_EQ(dry.json().at("error_details"), bad_report());
    EXPECT_EQ(dry.json().at("error_summary"),
              "Dry run, nothing stored: 1 rows would be inserted, 0 updated, 0 are unchanged; 14 "
              "of 15 rows refused (14 errors).");
    EXPECT_EQ(digest(), before);
    EXPECT_EQ(count("SELECT count(*) FROM import_row_changes"), 0);

    auto r = upload("admin", "?type=USERS&mode=partial", kBad);
    ASSERT_EQ(r.status, 201) << r.body;
    auto log = r.json().as_object();
    EXPECT_EQ(log.at("status"), "PARTIAL_SUCCESS");
    EXPECT_EQ(log.at("error_details"), bad_report());
    EXPECT_EQ(log.at("inserted_rows"), 1);
    EXPECT_EQ(log.at("failed_rows"), 14);
    EXPECT_EQ(log.at("error_summary"),
              "1 rows inserted, 0 updated, 0 unchanged; 14 of 15 rows refused (14 errors).");
    EXPECT_EQ(user("x10@org.test", "name, role, team_leader_id, employee_id"),
              "Hal, Jr,AGENT," + org_.tl1 + ",E32");
    EXPECT_EQ(count("SELECT count(*) FROM users"), 10);  // 9 of the org + row 15
    // The same file again: 409, unless forced (then nothing changes: skipped).
    auto again = upload("admin", "?type=USERS&mode=partial", kBad);
    EXPECT_EQ(again.status, 409) << again.body;
    auto forced = upload("admin", "?type=USERS&mode=partial&force=true", kBad);
    ASSERT_EQ(forced.status, 201) << forced.body;
    // Row 15 is now an existing user with the same values; row 4/5 etc. still refused.
    EXPECT_EQ(forced.json().at("skipped_rows"), 1);
    EXPECT_EQ(forced.json().at("inserted_rows"), 0);
}

TEST_F(ImportsUsers, RollbackRestoresTheUsersTableExactly) {
    // a1 was edited before (an old updated_at the rollback must give back).
    server_.db().exec("ALTER TABLE users DISABLE TRIGGER update_users_updated_at");
    server_.db().exec(
        "UPDATE users SET department = 'Old', updated_at = '2024-01-02T03:04:05.678901Z' "
        "WHERE id = $1::uuid",
        db::params(org_.a1));
    server_.db().exec("ALTER TABLE users ENABLE TRIGGER update_users_updated_at");
    std::string before = digest();
    auto r = upload("admin", "?type=USERS", kGood);
    ASSERT_EQ(r.status, 201) << r.body;
    ASSERT_EQ(r.json().at("status"), "SUCCESS");
    EXPECT_NE(digest(), before);
    std::string id(r.json().at("id").as_string());
    auto rb = as("admin", "POST", "/api/v1/imports/" + id + "/rollback");
    ASSERT_EQ(rb.status, 200) << rb.body;
    EXPECT_EQ(rb.json().at("status"), "ROLLED_BACK");
    // Whole rows, updated_at included; the two created users are gone.
    EXPECT_EQ(digest(), before);
    EXPECT_EQ(user("a1@org.test", "department, updated_at = '2024-01-02T03:04:05.678901Z'"),
              "Old,t");
    EXPECT_EQ(as("admin", "POST", "/api/v1/imports/" + id + "/rollback").status, 409);
    // updated_at is maintained again after the rollback's transaction.
    server_.db().exec("UPDATE users SET department = 'New' WHERE id = $1::uuid",
                      db::params(org_.a1));
    EXPECT_EQ(user("a1@org.test", "updated_at > now() - interval '1 minute'"), "t");
}

TEST_F(ImportsUsers, RollbackRefusedWhenALaterImportChangedTheSameUsers) {
    std::string base = digest();
    auto first = upload("admin", "?type=USERS", "employee_id,department\nE1,Sales\nE2,Sales\n");
    ASSERT_EQ(first.json().at("updated_rows"), 2) << first.body;
    std::string after_first = digest();
    auto second = upload("admin", "?type=USERS", "employee_id,department\nE1,Support\n");
    ASSERT_EQ(second.json().at("updated_rows"), 1) << second.body;
    std::string first_id(first.json().at("id").as_string());
    std::string second_id(second.json().at("id").as_string());
    auto refused = as("admin", "POST", "/api/v1/imports/" + first_id + "/rollback");
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_EQ(refused.json().at("error").at("details"),
              json::parse(R"([{"field":"import_id","message":")" + second_id +
                          R"( changed the same rows later"}])"));
    ASSERT_EQ(as("admin", "POST", "/api/v1/imports/" + second_id + "/rollback").status, 200);
    EXPECT_EQ(digest(), after_first);
    ASSERT_EQ(as("admin", "POST", "/api/v1/imports/" + first_id + "/rollback").status, 200);
    EXPECT_EQ(digest(), base);
}

TEST_F(ImportsUsers, RollbackOfUsersEditedSinceNeedsForce) {
    std::string before = digest();
    auto r = upload("admin", "?type=USERS", "employee_id,department\nE1,Sales\n");
    ASSERT_EQ(r.json().at("updated_rows"), 1) << r.body;
    std::string id(r.json().at("id").as_string());
    server_.db().exec("UPDATE users SET phone = '555' WHERE id = $1::uuid", db::params(org_.a1));
    auto refused = as("admin", "POST", "/api/v1/imports/" + id + "/rollback");
    EXPECT_EQ(refused.status, 409) << refused.body;
    EXPECT_EQ(
        refused.json().at("error").at("details"),
        json::parse(R"([{"field":"rows","message":"1 rows were edited after this import"}])"));
    auto forced = as("admin", "POST", "/api/v1/imports/" + id + "/rollback?force=true");
    ASSERT_EQ(forced.status, 200) << forced.body;
    // The columns the import writes are restored (the phone too: it is one of them).
    EXPECT_EQ(digest(), before);
}

TEST_F(ImportsUsers, RollbackRefusedWhenACreatedUserIsUsedSince) {
    auto r = upload("admin", "?type=USERS",
                    "email,name,role,team_leader\nnew@org.test,Nel,AGENT,tl1@org.test\n");
    ASSERT_EQ(r.json().at("status"), "SUCCESS") << r.body;
    server_.db().exec(
        "INSERT INTO performance_metrics (agent_id, metric_date, service_score) "
        "SELECT id, '2024-03-01', 80 FROM users WHERE email = 'new@org.test'");
    std::string before = digest();
    auto rb = as("admin", "POST",
                 "/api/v1/imports/" + std::string(r.json().at("id").as_string()) + "/rollback");
    EXPECT_EQ(rb.status, 409) << rb.body;
    EXPECT_EQ(digest(), before);
}

TEST_F(ImportsUsers, OnlyAdministratorsImportUsers) {
    for (auto who : {"m1", "tl1"}) {
        auto r = upload(who, "?type=USERS", kGood);
        EXPECT_EQ(r.status, 403) << who << r.body;
        EXPECT_EQ(r.error_code(), "forbidden");
    }
    EXPECT_EQ(count("SELECT count(*) FROM import_logs"), 0);
}

TEST_F(ImportsUsers, HeaderWithoutAUserColumn) {
    auto r = upload("admin", "?type=USERS", "Name,Role,Favourite\nAnn,AGENT,tea\n");
    ASSERT_EQ(r.status, 201);
    EXPECT_EQ(r.json().at("status"), "FAILED");
    EXPECT_EQ(r.json().at("error_details"), json::parse(R"J([{"row":1,"column":null,"value":"",
        "error":"no user column: add \"employee_id\" or \"email\" (or \"Employee ID\", \"Email Address\")"}])J"));
    EXPECT_EQ(r.json().at("warnings"),
              json::parse(R"([{"column":"Favourite","warning":"unknown column, ignored"}])"));
}

}  // namespace
}  // namespace coach::test
