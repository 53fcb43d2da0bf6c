// COACHING_HISTORY imports: past sessions become COMPLETED coaching_sessions (new ones
// inserted, a stored one with the same agent, coach and date updated), every kind of bad row
// with the exact report (scope of a MANAGER included), strict vs partial, rollback restoring
// coaching_sessions exactly.
#include "support/imports_fixture.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace coach::test {
namespace {
namespace json = boost::json;
namespace fs = std::filesystem;

class ImportsSessions : public ImportsFixture {
  protected:
    ImportsSessions() : ImportsFixture({"admin", "m1", "tl1"}) {
        // A session of a2 with tl1 on 2024-02-20, never completed in the app.
        server_.db().exec(
            "INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, "
            "discussion_notes, engagement_score, created_at, updated_at) VALUES ($1::uuid, "
            "$2::uuid, '2024-02-20T00:00:00Z', 'Old', 3, '2024-02-01T00:00:00Z', "
            "'2024-02-02T01:02:03.456789Z')",
            db::params(org_.a2, org_.tl1));
    }
    // Every session's columns but version, which counts writes: a rollback restores the
    // values and is itself a write (a page holding the old ETag must reload).
    std::string digest() {
        auto r = server_.db().exec(
            "SELECT coalesce(string_agg((to_jsonb(s) - 'version')::text, E'\\n' ORDER BY "
            "agent_id, scheduled_date), '') FROM coaching_sessions s");
        return std::string(r.get(0, 0));
    }
    // The agent's session at `utc` ("2024-03-01 09:30"): "status|start|end|minutes|type|..."
    std::string session(const std::string& agent, const std::string& utc,
                        const std::string& columns) {
        auto r = server_.db().exec(
            "SELECT concat_ws('|', " + columns +
                ") FROM coaching_sessions WHERE agent_id = $1::uuid AND scheduled_date = "
                "($2 || '+00')::timestamptz",
            db::params(agent, utc));
        return r.empty() ? "(none)" : std::string(r.get(0, 0));
    }
    long long count(const std::string& sql) { return server_.db().exec(sql).get_int(0, 0); }
};

const std::string kTimes =
    "status, to_char(actual_start_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), "
    "to_char(actual_end_time AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), duration_minutes";

// Row 2: a1 with her team leader (coach blank), 09:30-10:00 UTC. Row 3: a2 at 14:00+01:00
// (13:00 UTC) for 45 minutes. Row 4: the stored 2024-02-20 session of a2, completed now.
const std::string kGood =
    "Agent Email,Coach,Date,Start,End,Duration,Type,Topics,Notes,Engagement,Follow Up\n"
    "a1@org.test,,2024-03-01 09:30,,10:00,,Regular,\"AHT; Hold script\",\"Long calls, "
    "reviewed\",4,yes\n"
    "A2@org.test,tl1@org.test,2024-03-02T14:00:00+01:00,,,45,follow up,,,5,no\n"
    "a2@org.test,tl1@org.test,2024-02-20,,,,,,Updated notes,,\n";

TEST_F(ImportsSessions, GoodFileInsertsAndCompletesSessions) {
    auto r = upload("admin", "?type=COACHING_HISTORY", kGood);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("status"), "SUCCESS") << r.body;
    EXPECT_EQ(r.json().at("inserted_rows"), 2);
    EXPECT_EQ(r.json().at("updated_rows"), 1);
    EXPECT_EQ(session(org_.a1, "2024-03-01 09:30",
                      kTimes + ", team_leader_id, session_type, topics_covered, discussion_notes, "
                               "engagement_score, follow_up_required"),
              "COMPLETED|2024-03-01 09:30|2024-03-01 10:00|30|" + org_.tl1 +
                  "|REGULAR|{AHT,\"Hold script\"}|Long calls, reviewed|4|t");
    EXPECT_EQ(session(org_.a2, "2024-03-02 13:00",
                      kTimes + ", session_type, engagement_score, follow_up_required"),
              "COMPLETED|2024-03-02 13:00|2024-03-02 13:45|45|FOLLOW_UP|5|f");
    // Blank cells keep the stored values (engagement 3); the start is the session date.
    EXPECT_EQ(session(org_.a2, "2024-02-20 00:00",
                      std::string("status, to_char(actual_start_time AT TIME ZONE 'UTC', "
                                  "'YYYY-MM-DD HH24:MI'), discussion_notes, engagement_score")),
              "COMPLETED|2024-02-20 00:00|Updated notes|3");
    EXPECT_EQ(count("SELECT count(*) FROM coaching_sessions"), 3);
    auto forced = upload("admin", "?type=COACHING_HISTORY&force=true", kGood);
    EXPECT_EQ(forced.json().at("skipped_rows"), 3) << forced.body;
}

// Imported by m1 (a3 and tl2 are outside m1's scope); header = row 1, row 8 blank.
const std::string kBad =
    "employee_id,coach,session_date,start_time,end_time,duration_minutes,session_type,"
    "engagement_score,follow_up_date\n"
    "E3,,2024-03-01,,,,,,\n"                         // 2
    "E1,tl2@org.test,2024-03-01,,,,,,\n"             // 3
    "E1,,2099-01-01,,,,,,\n"                         // 4
    "E1,,2024-02-30,,,,,,\n"                         // 5
    "E1,,2024-03-05,10:00,09:00,,,,\n"               // 6
    "E1,,2024-03-06,25:00,,,Lecture,7,2024-13-01\n"  // 7
    "\n"                                             // 8
    "E2,,2024-03-07 09:00,,09:30,30,,,\n"            // 9
    "E2,,2024-03-08 09:00,,,,,,\n"                   // 10
    "E2,tl1@org.test,2024-03-08T09:00:00Z,,,,,,\n"   // 11
    "E1,,\"2024-03-09 09:00\",,,,,,\n";              // 12 (valid)

json::value bad_report() {
    return json::parse(R"([
  {"row": 2, "column": "employee_id", "value": "E3", "error": "no agent has this employee ID"},
  {"row": 3, "column": "coach", "value": "tl2@org.test", "error": "no team leader or manager has this employee ID or email"},
  {"row": 4, "column": "session_date", "value": "2099-01-01", "error": "is in the future: only past sessions are imported"},
  {"row": 5, "column": "session_date", "value": "2024-02-30", "error": "is not a real calendar date"},
  {"row": 6, "column": "end_time", "value": "09:00", "error": "is before the start of the session"},
  {"row": 7, "column": "start_time", "value": "25:00", "error": "is not a real time of day"},
  {"row": 7, "column": "session_type", "value": "Lecture", "error": "must be one of REGULAR, FOLLOW_UP, PIP_CHECK, URGENT"},
  {"row": 7, "column": "engagement_score", "value": "7", "error": "must be between 1 and 5"},
  {"row": 7, "column": "follow_up_date", "value": "2024-13-01", "error": "is not a real calendar date"},
  {"row": 9, "column": "duration_minutes", "value": "30", "error": "give end_time or duration_minutes, not both"},
  {"row": 10, "column": "session_date", "value": "2024-03-08 09:00", "error": "duplicate: row 11 has the same agent, coach and date"},
  {"row": 11, "column": "session_date", "value": "2024-03-08T09:00:00Z", "error": "duplicate: row 10 has the same agent, coach and date"}
])");
}

TEST_F(ImportsSessions, BadRowsStrictAndPartial) {
    std::string before = digest();
    auto strict = upload("m1", "?type=COACHING_HISTORY", kBad);
    ASSERT_EQ(strict.status, 201) << strict.body;
    EXPECT_EQ(strict.json().at("status"), "FAILED");
    EXPECT_EQ(strict.json().at("error_details"), bad_report()) << strict.body;
    // 10 data rows (2-7, 9-12), 9 refused with 12 errors.
    EXPECT_EQ(strict.json().at("error_summary"),
              "9 of 10 rows have errors (12 errors); nothing was loaded (strict mode).");
    EXPECT_EQ(digest(), before);
    auto partial = upload("m1", "?type=COACHING_HISTORY&mode=partial", kBad);
    ASSERT_EQ(partial.status, 201) << partial.body;
    EXPECT_EQ(partial.json().at("status"), "PARTIAL_SUCCESS");
    EXPECT_EQ(partial.json().at("error_details"), bad_report());
    EXPECT_EQ(partial.json().at("inserted_rows"), 1);
    EXPECT_EQ(session(org_.a1, "2024-03-09 09:00", kTimes + ", team_leader_id"),
              "COMPLETED|2024-03-09 09:00|" + org_.tl1);  // no end time: NULL (skipped)
}

TEST_F(ImportsSessions, RolesAndRollback) {
    EXPECT_EQ(upload("tl1", "?type=COACHING_HISTORY", kGood).status, 403);
    std::string before = digest();
    auto r = upload("admin", "?type=COACHING_HISTORY", kGood);
    ASSERT_EQ(r.json().at("status"), "SUCCESS") << r.body;
    auto rb =
        server_.as(tokens_.at("admin"), "POST",
                   "/api/v1/imports/" + std::string(r.json().at("id").as_string()) + "/rollback");
    ASSERT_EQ(rb.status, 200) << rb.body;
    EXPECT_EQ(digest(), before);  // two sessions removed, the stored one as it was
    // Only the restored rows keep their old updated_at: the log's is the rollback's.
    EXPECT_EQ(count("SELECT count(*) FROM import_logs WHERE status = 'ROLLED_BACK' AND "
                    "updated_at >= rollback_executed_at"),
              1);
}

// Times given by a row replace both stored times (never an end before the new start); a
// cancelled or no-show stored session is not imported over.
TEST_F(ImportsSessions, RowTimesReplaceStoredTimesAndClosedSessionsAreRefused) {
    server_.db().exec(
        "INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, status, "
        "actual_start_time, actual_end_time) VALUES ($1::uuid, $2::uuid, '2024-03-05 10:00+00', "
        "'COMPLETED', '2024-03-05 10:30+00', '2024-03-05 11:00+00')",
        db::params(org_.a1, org_.tl1));
    server_.db().exec(
        "INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, status, "
        "cancelled_reason) VALUES ($1::uuid, $2::uuid, '2024-03-06 10:00+00', 'CANCELLED', "
        "'Sick')",
        db::params(org_.a1, org_.tl1));
    auto r = upload("admin", "?type=COACHING_HISTORY&mode=partial",
                    "Agent Email,Coach,Date,Start\n"
                    "a1@org.test,tl1@org.test,2024-03-05 10:00,12:00\n"
                    "a1@org.test,tl1@org.test,2024-03-06 10:00,\n");
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(r.json().at("status"), "PARTIAL_SUCCESS") << r.body;
    EXPECT_EQ(r.json().at("updated_rows"), 1) << r.body;
    // Start 12:00 from the row; the stored 11:00 end is gone with the stored start (end and
    // duration NULL: concat_ws skips them).
    EXPECT_EQ(session(org_.a1, "2024-03-05 10:00", kTimes), "COMPLETED|2024-03-05 12:00");
    EXPECT_EQ(json::serialize(r.json().at("error_details")),
              R"([{"row":3,"error":"matches a stored session: This session is CANCELLED: )"
              R"(nothing can change it any more.","value":"2024-03-06 10:00","column":"Date"}])");
    EXPECT_EQ(session(org_.a1, "2024-03-06 10:00", "status"), "CANCELLED");
}

TEST_F(ImportsSessions, HistoryAnnotationsFollowTheImportAndItsRollback) {
    // a1's history for the week of 2024-03-01 (built right after this metrics import).
    auto metrics = upload("admin", "?type=METRICS",
                          "employee_id,metric_date,service_score\nE1,2024-03-01,80\n");
    ASSERT_EQ(metrics.json().at("status"), "SUCCESS") << metrics.body;
    auto sessions_in_week = [&] {
        return count(
            "SELECT count(*) FROM performance_history ph, "
            "jsonb_array_elements(ph.annotations->'events') e WHERE ph.agent_id = '" +
            org_.a1 +
            "' AND ph.period_type = 'WEEK' AND ph.period_ending = '2024-03-03' "
            "AND e->>'type' = 'SESSION_COMPLETED'");
    };
    EXPECT_EQ(sessions_in_week(), 0);
    auto r = upload("admin", "?type=COACHING_HISTORY",
                    "employee_id,session_date\nE1,2024-03-01 09:30\n");
    ASSERT_EQ(r.json().at("status"), "SUCCESS") << r.body;
    EXPECT_EQ(sessions_in_week(), 1);  // recomputed at once, not at night
    auto rb =
        server_.as(tokens_.at("admin"), "POST",
                   "/api/v1/imports/" + std::string(r.json().at("id").as_string()) + "/rollback");
    ASSERT_EQ(rb.status, 200) << rb.body;
    EXPECT_EQ(sessions_in_week(), 0);
}

}  // namespace
}  // namespace coach::test
