// PROFILES imports: a good file (a new profile, an existing one updated with blank cells kept,
// ';' lists), every kind of bad row with the exact report, strict vs partial vs dry run, 409,
// scope (a MANAGER imports for their own agents only), rollback restoring agent_profiles
// exactly.
#include "support/imports_fixture.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace coach::test {
namespace {
namespace json = boost::json;
namespace fs = std::filesystem;

class ImportsProfiles : public ImportsFixture {
  protected:
    ImportsProfiles() : ImportsFixture({"admin", "m1", "tl1"}) {
        // a2 has a profile already.
        server_.db().exec(
            "INSERT INTO agent_profiles (agent_id, learning_style, core_strengths, "
            "preferred_session_length, personal_goals, peer_comparison_opt_in, created_at, "
            "updated_at) VALUES ($1::uuid, 'KINESTHETIC', '{Calm}', 20, 'Old goal', true, "
            "'2024-01-01T00:00:00Z', '2024-01-02T03:04:05.678901Z')",
            db::params(org_.a2));
    }
    std::string digest() {
        auto r = server_.db().exec(
            "SELECT coalesce(string_agg(to_jsonb(p)::text, E'\\n' ORDER BY agent_id), '') "
            "FROM agent_profiles p");
        return std::string(r.get(0, 0));
    }
    std::string profile(const std::string& agent, const std::string& columns) {
        auto r = server_.db().exec(
            "SELECT concat_ws('|', " + columns + ") FROM agent_profiles WHERE agent_id = $1::uuid",
            db::params(agent));
        return r.empty() ? "(none)" : std::string(r.get(0, 0));
    }
    long long count(const std::string& sql) { return server_.db().exec(sql).get_int(0, 0); }
};

// Row 2 creates a1's profile; row 3 updates a2's (blank cells keep strengths and goals).
const std::string kGood =
    "Employee ID,Agent Email,Learning Style,Strengths,Development Areas,Session Length,"
    "Peer Comparison,Personal Goals\n"
    "E1,,visual,\"Empathy; Product knowledge;\",Call control,30,yes,\"Finish the course, then "
    "lead\"\n"
    ",A2@org.test,Auditory,,,45,no,\n";

TEST_F(ImportsProfiles, GoodFileCreatesAndUpdatesProfiles) {
    auto r = upload("admin", "?type=PROFILES", kGood);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("status"), "SUCCESS") << r.body;
    EXPECT_EQ(r.json().at("inserted_rows"), 1);
    EXPECT_EQ(r.json().at("updated_rows"), 1);
    EXPECT_EQ(r.json().at("skipped_rows"), 0);
    EXPECT_EQ(profile(org_.a1,
                      "learning_style, core_strengths, development_areas, "
                      "preferred_session_length, peer_comparison_opt_in, personal_goals, "
                      "profile_created_by, last_updated_by"),
              "VISUAL|{Empathy,\"Product knowledge\"}|{\"Call control\"}|30|t|Finish the "
              "course, then lead|" +
                  org_.admin + "|" + org_.admin);
    EXPECT_EQ(profile(org_.a2,
                      "learning_style, core_strengths, preferred_session_length, "
                      "peer_comparison_opt_in, personal_goals, last_updated_by, "
                      "profile_created_by IS NULL"),
              "AUDITORY|{Calm}|45|f|Old goal|" + org_.admin + "|t");
    // The same content again (forced): both unchanged.
    auto again = upload("admin", "?type=PROFILES", kGood);
    EXPECT_EQ(again.status, 409);
    auto forced = upload("admin", "?type=PROFILES&force=true", kGood);
    EXPECT_EQ(forced.json().at("skipped_rows"), 2) << forced.body;
}

// header = row 1; row 6 is blank.
const std::string kBad =
    "employee_id,email,learning_style,preferred_session_length,peer_comparison_opt_in,"
    "core_strengths\n"
    "E9,,VISUAL,,,\n"                                        // 2
    ",tl1@org.test,VISUAL,,,\n"                              // 3
    "E1,,SPATIAL,0,maybe,\n"                                 // 4
    "E3,,,,,Patience\n"                                      // 5
    "\n"                                                     // 6
    "E1,a2@org.test,VISUAL,,,\n"                             // 7
    ",a1@org.test,READING,,,\n"                              // 8
    "E2,,kinesthetic,20,n,\"Calm; \"\"Quiet\"\" focus\"\n";  // 9 (valid: a2's update)

json::value bad_report() {
    return json::parse(R"([
  {"row": 2, "column": "employee_id", "value": "E9", "error": "no agent has this employee ID"},
  {"row": 3, "column": "email", "value": "tl1@org.test", "error": "no agent has this email"},
  {"row": 4, "column": "employee_id", "value": "E1", "error": "duplicate: row 8 has the same agent"},
  {"row": 4, "column": "learning_style", "value": "SPATIAL", "error": "must be one of VISUAL, AUDITORY, KINESTHETIC, READING"},
  {"row": 4, "column": "preferred_session_length", "value": "0", "error": "must be between 1 and 480"},
  {"row": 4, "column": "peer_comparison_opt_in", "value": "maybe", "error": "must be yes or no"},
  {"row": 5, "column": "learning_style", "value": "", "error": "is required for an agent without a profile"},
  {"row": 7, "column": "email", "value": "a2@org.test", "error": "belongs to another agent than the employee ID"},
  {"row": 8, "column": "email", "value": "a1@org.test", "error": "duplicate: row 4 has the same agent"}
])");
}

TEST_F(ImportsProfiles, BadRowsStrictPartialAndDryRun) {
    std::string before = digest();
    auto strict = upload("admin", "?type=PROFILES", kBad);
    ASSERT_EQ(strict.status, 201) << strict.body;
    EXPECT_EQ(strict.json().at("status"), "FAILED");
    EXPECT_EQ(strict.json().at("error_details"), bad_report()) << strict.body;
    // 7 data rows (2-5, 7-9); 6 refused with 9 errors.
    EXPECT_EQ(strict.json().at("error_summary"),
              "6 of 7 rows have errors (9 errors); nothing was loaded (strict mode).");
    EXPECT_EQ(digest(), before);
    auto dry = upload("admin", "?type=PROFILES&mode=partial&dry_run=true", kBad);
    EXPECT_EQ(dry.json().at("status"), "PARTIAL_SUCCESS");
    EXPECT_EQ(dry.json().at("updated_rows"), 1);
    EXPECT_EQ(digest(), before);
    auto partial = upload("admin", "?type=PROFILES&mode=partial", kBad);
    ASSERT_EQ(partial.status, 201) << partial.body;
    EXPECT_EQ(partial.json().at("status"), "PARTIAL_SUCCESS");
    EXPECT_EQ(partial.json().at("error_details"), bad_report());
    EXPECT_EQ(partial.json().at("error_summary"),
              "0 rows inserted, 1 updated, 0 unchanged; 6 of 7 rows refused (9 errors).");
    EXPECT_EQ(profile(org_.a2,
                      "learning_style, preferred_session_length, "
                      "peer_comparison_opt_in, core_strengths"),
              "KINESTHETIC|20|f|{Calm,\"\\\"Quiet\\\" focus\"}");
}

TEST_F(ImportsProfiles, ScopeAndRoles) {
    auto m1 = upload("m1", "?type=PROFILES&mode=partial",
                     "employee_id,learning_style\nE3,VISUAL\nE1,VISUAL\n");
    ASSERT_EQ(m1.status, 201) << m1.body;
    EXPECT_EQ(m1.json().at("status"), "PARTIAL_SUCCESS");
    EXPECT_EQ(m1.json().at("error_details"), json::parse(R"([{"row":2,"column":"employee_id",
        "value":"E3","error":"no agent has this employee ID"}])"));
    EXPECT_EQ(profile(org_.a1, "learning_style, profile_created_by"), "VISUAL|" + org_.m1);
    EXPECT_EQ(upload("tl1", "?type=PROFILES", "employee_id,learning_style\nE1,VISUAL\n").status,
              403);
}

TEST_F(ImportsProfiles, RollbackRestoresProfilesExactly) {
    std::string before = digest();
    auto r = upload("admin", "?type=PROFILES", kGood);
    ASSERT_EQ(r.json().at("status"), "SUCCESS") << r.body;
    EXPECT_NE(digest(), before);
    auto rb =
        server_.as(tokens_.at("admin"), "POST",
                   "/api/v1/imports/" + std::string(r.json().at("id").as_string()) + "/rollback");
    ASSERT_EQ(rb.status, 200) << rb.body;
    EXPECT_EQ(digest(), before);  // a1's profile gone, a2's as it was (updated_at included)
}

}  // namespace
}  // namespace coach::test
