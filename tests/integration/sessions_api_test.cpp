// /api/v1/coaching-sessions for every role, in and out of scope: scheduling and the calendar,
// the lifecycle through the API, If-Match, completion with action items, acknowledgement,
// notifications and audit; /api/v1/notifications.
#include "support/org_api_test.hpp"

#include <gtest/gtest.h>

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <future>
#include <set>

namespace coach::test {
namespace {
namespace json = boost::json;

// An RFC 3339 UTC time `days` days and `minutes` minutes from now, on a whole minute.
std::string at(int days, int minutes = 0) {
    using namespace std::chrono;
    auto t = floor<std::chrono::minutes>(system_clock::now()) + std::chrono::days(days) +
             std::chrono::minutes(minutes);
    return fmt::format("{:%Y-%m-%dT%H:%M:00Z}", t);
}

class SessionsApi : public OrgApiTest<SessionsApi> {
  protected:
    static HttpResult schedule(const std::string& who, const std::string& agent,
                               const std::string& when, int minutes = 30,
                               bool allow_overlap = false) {
        json::object body{
            {"agent_id", agent}, {"scheduled_date", when}, {"planned_minutes", minutes}};
        if (allow_overlap)
            body["allow_overlap"] = true;
        return as(who, "POST", "/api/v1/coaching-sessions", json::serialize(body));
    }
    static std::string scheduled(const std::string& who, const std::string& agent,
                                 const std::string& when, int minutes = 30) {
        auto r = schedule(who, agent, when, minutes, true);
        EXPECT_EQ(r.status, 201) << r.body;
        return std::string(r.json().at("id").as_string());
    }
    static std::string path(const std::string& id, const std::string& tail = "") {
        return "/api/v1/coaching-sessions/" + id + tail;
    }
    static long long notifications_of(const std::string& user, const std::string& kind) {
        return count(
            "SELECT count(*) FROM notifications WHERE recipient_id = $1::uuid "
            "AND kind = $2",
            db::params(user, kind));
    }
    static const std::string& complete_body() {
        static const std::string body = json::serialize(
            json::object{{"summary", "Worked on call control; holds dropped."},
                         {"key_achievements", "Shorter holds"},
                         {"primary_issue", "AHT"},
                         {"intervention_method", "Role-play"},
                         {"action_items", json::array{json::object{{"title", "Listen to 3 calls"},
                                                                   {"due_date", "2027-01-15"},
                                                                   {"priority", "HIGH"}}}}});
        return body;
    }
};

TEST_F(SessionsApi, ATeamLeaderSchedulesForTheirAgentAndTheAgentIsTold) {
    const Org& o = *org_;
    auto r = schedule("tl1", o.a1, at(3, 60), 45);
    ASSERT_EQ(r.status, 201) << r.body;
    const auto s = r.json().as_object();
    const std::string id(s.at("id").as_string());
    EXPECT_EQ(s.at("status"), "SCHEDULED");
    EXPECT_EQ(json_text(s.at("agent_id")), o.a1);
    EXPECT_EQ(json_text(s.at("team_leader_id")), o.tl1);
    EXPECT_EQ(s.at("agent_name"), "Ann Agent");
    EXPECT_EQ(s.at("planned_minutes"), 45);
    EXPECT_EQ(s.at("session_type"), "REGULAR");
    EXPECT_EQ(r.headers.at("etag"), fmt::format("\"{}\"", s.at("version").as_int64()));
    EXPECT_EQ(r.headers.at("location"), path(id));
    EXPECT_EQ(notifications_of(o.a1, "session_scheduled"), 1);
    EXPECT_EQ(
        count("SELECT count(*) FROM mail_outbox WHERE kind = 'notification:session_scheduled' "
              "AND to_address = 'a1@org.test' AND body_text LIKE '%/sessions/' || $1",
              db::params(id)),
        1);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'session.create' "
                    "AND entity_id = $1::uuid AND actor_id = $2::uuid",
                    db::params(id, o.tl1)),
              1);
}

TEST_F(SessionsApi, AManagerSchedulesWithTheAgentsTeamLeader) {
    const Org& o = *org_;
    auto r = schedule("m1", o.a2, at(4), 30, true);
    ASSERT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(json_text(r.json().at("team_leader_id")), o.tl1);
    EXPECT_EQ(json_text(r.json().at("created_by")), o.m1);
}

TEST_F(SessionsApi, WhoMayScheduleWhom) {
    const Org& o = *org_;
    // Agents never schedule.
    EXPECT_EQ(schedule("a1", o.a1, at(5)).status, 403);
    // Out of scope is as absent as nobody (422 on the field, never "exists").
    for (auto [who, agent] : {std::pair{"tl2", o.a1}, {"m2", o.a2}, {"tl1", o.a3}}) {
        auto r = schedule(who, agent, at(5));
        EXPECT_EQ(r.status, 422) << who << r.body;
        EXPECT_EQ(r.json().at("error").at("details").at(0).at("field"), "agent_id");
    }
    auto nobody = schedule("admin", "00000000-0000-0000-0000-000000000000", at(5));
    EXPECT_EQ(nobody.status, 422);
    // A team leader is not coached in a session.
    auto leader = schedule("admin", o.tl1, at(5));
    EXPECT_EQ(leader.status, 422) << leader.body;
}

TEST_F(SessionsApi, BadInputNamesEveryField) {
    auto r = as("tl1", "POST", "/api/v1/coaching-sessions",
                R"({"agent_id": "x", "scheduled_date": "tomorrow", "planned_minutes": 2,
                    "session_type": "CHAT", "colour": "red"})");
    ASSERT_EQ(r.status, 422) << r.body;
    std::set<std::string> fields;
    const json::value error = r.json();
    for (const auto& d : error.at("error").at("details").as_array())
        fields.insert(std::string(d.at("field").as_string()));
    EXPECT_EQ(fields, (std::set<std::string>{"agent_id", "scheduled_date", "planned_minutes",
                                             "session_type", "colour"}));
    EXPECT_EQ(as("tl1", "POST", "/api/v1/coaching-sessions", "{").status, 400);
    EXPECT_EQ(as("tl1", "POST", "/api/v1/coaching-sessions", "[]").status, 400);
    EXPECT_EQ(as("tl1", "GET", "/api/v1/coaching-sessions?status=DONE&from=yesterday").status, 422);
    EXPECT_EQ(as("tl1", "GET", "/api/v1/coaching-sessions/not-a-uuid").status, 400);
    EXPECT_EQ(as("tl1", "GET", path("00000000-0000-0000-0000-000000000000")).status, 404);
}

TEST_F(SessionsApi, ReadingFollowsTheHierarchy) {
    const Org& o = *org_;
    const std::string s1 = scheduled("tl1", o.a1, at(20));
    const std::string s3 = scheduled("tl2", o.a3, at(20));
    for (auto who : {"admin", "m1", "tl1", "a1"})
        EXPECT_EQ(as(who, "GET", path(s1)).status, 200) << who;
    for (auto who : {"m2", "tl2", "a2", "a3"})
        EXPECT_EQ(as(who, "GET", path(s1)).status, 404) << who;
    const auto window = "/api/v1/coaching-sessions?from=" + at(19) + "&to=" + at(21);
    EXPECT_EQ(ids("tl1", window), (std::set<std::string>{s1}));
    EXPECT_EQ(ids("a1", window), (std::set<std::string>{s1}));
    EXPECT_EQ(ids("a2", window), (std::set<std::string>{}));
    EXPECT_EQ(ids("m2", window), (std::set<std::string>{s3}));
    EXPECT_EQ(ids("admin", window), (std::set<std::string>{s1, s3}));
    EXPECT_EQ(ids("admin", window + "&team_leader_id=" + o.tl2), (std::set<std::string>{s3}));
}

TEST_F(SessionsApi, ListsPageInCalendarOrderEitherWay) {
    const Org& o = *org_;
    std::vector<std::string> made;
    for (int i = 0; i < 5; ++i)
        made.push_back(scheduled("tl1", o.a2, at(40, i * 60)));
    const auto window = "&agent_id=" + o.a2 + "&from=" + at(39) + "&to=" + at(41);
    std::vector<std::string> asc, desc;
    for (const auto& item :
         all_items(*server_, tokens_.at("tl1"), "/api/v1/coaching-sessions?limit=2" + window))
        asc.emplace_back(item.at("id").as_string());
    for (const auto& item : all_items(*server_, tokens_.at("tl1"),
                                      "/api/v1/coaching-sessions?limit=2&order=desc" + window))
        desc.emplace_back(item.at("id").as_string());
    EXPECT_EQ(asc, made);
    EXPECT_EQ(desc, std::vector<std::string>(made.rbegin(), made.rend()));
}

TEST_F(SessionsApi, ACalendarIsNotDoubleBookedUnlessAsked) {
    const Org& o = *org_;
    const std::string first = scheduled("tl1", o.a1, at(60), 30);
    // The team leader's calendar: another agent, overlapping.
    auto clash = schedule("tl1", o.a2, at(60, 15));
    ASSERT_EQ(clash.status, 409) << clash.body;
    EXPECT_NE(clash.body.find(first), std::string::npos) << clash.body;
    EXPECT_NE(clash.body.find("team leader"), std::string::npos) << clash.body;
    // And as data, for the web app to list.
    const json::value refusal = clash.json();
    const json::array& listed = refusal.at("error").at("conflicts").as_array();
    ASSERT_EQ(listed.size(), 1u) << clash.body;
    EXPECT_EQ(json_text(listed[0].at("session_id")), first);
    EXPECT_EQ(json_text(listed[0].at("agent_id")), o.a1);
    EXPECT_EQ(listed[0].at("calendar"), "team_leader");
    EXPECT_EQ(listed[0].at("planned_minutes"), 30);
    EXPECT_EQ(json_text(listed[0].at("scheduled_date")), at(60));  // RFC 3339, UTC
    // Back to back is fine; asked for, an overlap too.
    EXPECT_EQ(schedule("tl1", o.a2, at(60, 30)).status, 201);
    EXPECT_EQ(schedule("tl1", o.a2, at(60, 10), 30, true).status, 201);
    // A cancelled session frees its time (up to the overlap booked at +10 minutes).
    auto both = schedule("m1", o.a1, at(60), 10);
    ASSERT_EQ(both.status, 409);
    EXPECT_EQ(both.json().at("error").at("conflicts").at(0).at("calendar"), "both") << both.body;
    ASSERT_EQ(as("tl1", "POST", path(first, "/cancel"), R"({"reason": "Agent on leave"})").status,
              200);
    EXPECT_EQ(schedule("m1", o.a1, at(60), 10).status, 201);
}

TEST_F(SessionsApi, TheLifecycleRefusesWhatItDoesNotAllow) {
    const Org& o = *org_;
    const std::string id = scheduled("tl1", o.a1, at(80));
    // Agents never change a session.
    EXPECT_EQ(as("a1", "POST", path(id, "/start")).status, 403);
    EXPECT_EQ(as("tl2", "POST", path(id, "/start")).status, 404);
    // Completing before starting: 409 naming what can be done.
    auto early = as("tl1", "POST", path(id, "/complete"), complete_body());
    ASSERT_EQ(early.status, 409) << early.body;
    EXPECT_NE(early.json().at("error").at("message").as_string().find("it can be"),
              std::string::npos);
    auto started = as("tl1", "POST", path(id, "/start"));
    ASSERT_EQ(started.status, 200) << started.body;
    EXPECT_EQ(started.json().at("status"), "IN_PROGRESS");
    EXPECT_FALSE(started.json().at("actual_start_time").is_null());
    EXPECT_EQ(as("tl1", "POST", path(id, "/start")).status, 409);
    EXPECT_EQ(as("tl1", "POST", path(id, "/cancel"), R"({"reason": "late"})").status, 409);
    EXPECT_EQ(as("tl1", "POST", path(id, "/no-show"), R"({"reason": "late"})").status, 409);
    // Rescheduling a session under way is refused; editing its notes is not.
    auto etag = as("tl1", "GET", path(id)).headers.at("etag");
    EXPECT_EQ(as("tl1", "PATCH", path(id),
                 json::serialize(json::object{{"scheduled_date", at(81)}}), {{"If-Match", etag}})
                  .status,
              409);
    EXPECT_EQ(as("tl1", "PATCH", path(id), R"({"discussion_notes": "Talked holds"})",
                 {{"If-Match", etag}})
                  .status,
              200);
}

TEST_F(SessionsApi, CompletingRecordsTheOutcomeItsItemsAndAddressesLinkedNotes) {
    const Org& o = *org_;
    const std::string id = scheduled("tl1", o.a1, at(100));
    server_->db().exec(
        "INSERT INTO quick_notes (team_leader_id, agent_id, note_type, content, "
        "linked_session_id) VALUES ($1::uuid, $2::uuid, 'COACHING', 'Long holds', $3::uuid)",
        db::params(o.tl1, o.a1, id));
    ASSERT_EQ(as("tl1", "POST", path(id, "/start")).status, 200);
    // The summary, issue and method are required; an action item needs a title and date.
    auto bad = as("tl1", "POST", path(id, "/complete"),
                  R"({"primary_issue": "Mood", "action_items": [{"due_date": "soon"}]})");
    ASSERT_EQ(bad.status, 422) << bad.body;
    std::set<std::string> fields;
    const json::value error = bad.json();
    for (const auto& d : error.at("error").at("details").as_array())
        fields.insert(std::string(d.at("field").as_string()));
    EXPECT_EQ(fields, (std::set<std::string>{"summary", "primary_issue", "intervention_method",
                                             "action_items[0].title", "action_items[0].due_date"}));
    auto done = as("tl1", "POST", path(id, "/complete"), complete_body());
    ASSERT_EQ(done.status, 200) << done.body;
    const auto s = done.json().as_object();
    EXPECT_EQ(s.at("status"), "COMPLETED");
    EXPECT_EQ(s.at("summary"), "Worked on call control; holds dropped.");
    EXPECT_EQ(s.at("primary_issue"), "AHT");
    EXPECT_EQ(s.at("intervention_method"), "Role-play");
    EXPECT_FALSE(s.at("actual_end_time").is_null());
    EXPECT_EQ(s.at("linked_note_ids").as_array().size(), 1u);
    EXPECT_EQ(count("SELECT count(*) FROM action_items WHERE session_id = $1::uuid "
                    "AND agent_id = $2::uuid AND assigned_by = $3::uuid AND priority = 'HIGH'",
                    db::params(id, o.a1, o.tl1)),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM coaching_effectiveness WHERE session_id = $1::uuid",
                    db::params(id)),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM quick_notes WHERE linked_session_id = $1::uuid "
                    "AND addressed AND addressed_date IS NOT NULL",
                    db::params(id)),
              1);
    EXPECT_GE(notifications_of(o.a1, "session_completed"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'session.complete' "
                    "AND entity_id = $1::uuid AND after->>'status' = 'COMPLETED'",
                    db::params(id)),
              1);
    // Completed once: again is 409.
    EXPECT_EQ(as("tl1", "POST", path(id, "/complete"), complete_body()).status, 409);
}

TEST_F(SessionsApi, AStaleWriteIsRefusedWithTheCurrentVersion) {
    const Org& o = *org_;
    const std::string id = scheduled("tl1", o.a2, at(120));
    auto read = as("tl1", "GET", path(id));
    const std::string etag = read.headers.at("etag");
    // No If-Match: 428, nothing saved.
    auto blind = as("tl1", "PATCH", path(id), R"({"discussion_notes": "A"})");
    EXPECT_EQ(blind.status, 428) << blind.body;
    EXPECT_EQ(blind.error_code(), "precondition_required");
    EXPECT_EQ(
        as("tl1", "PATCH", path(id), R"({"discussion_notes": "A"})", {{"If-Match", "v1"}}).status,
        400);
    // The manager edits first; the team leader's copy is now stale.
    auto first =
        as("m1", "PATCH", path(id), R"({"discussion_notes": "Manager's"})", {{"If-Match", etag}});
    ASSERT_EQ(first.status, 200) << first.body;
    EXPECT_NE(first.headers.at("etag"), etag);
    auto stale =
        as("tl1", "PATCH", path(id), R"({"discussion_notes": "Leader's"})", {{"If-Match", etag}});
    ASSERT_EQ(stale.status, 409) << stale.body;
    EXPECT_EQ(stale.json().at("error").at("current").at("discussion_notes"), "Manager's");
    EXPECT_EQ(stale.headers.at("etag"), first.headers.at("etag"));
    EXPECT_EQ(as("tl1", "GET", path(id)).json().at("discussion_notes"), "Manager's");
    // With the current ETag it saves.
    EXPECT_EQ(as("tl1", "PATCH", path(id), R"({"discussion_notes": "Leader's"})",
                 {{"If-Match", first.headers.at("etag")}})
                  .status,
              200);
}

TEST_F(SessionsApi, ReschedulingKeepsTheOldTimeAndTellsTheAgent) {
    const Org& o = *org_;
    const std::string old_time = at(140);
    const std::string id = scheduled("tl1", o.a2, old_time);
    auto etag = as("tl1", "GET", path(id)).headers.at("etag");
    auto moved =
        as("tl1", "PATCH", path(id),
           json::serialize(json::object{{"scheduled_date", at(141)}, {"planned_minutes", 60}}),
           {{"If-Match", etag}});
    ASSERT_EQ(moved.status, 200) << moved.body;
    const json::value session = moved.json();
    const auto& history = session.at("schedule_history").as_array();
    ASSERT_EQ(history.size(), 1u);
    EXPECT_EQ(history[0].at("planned_minutes"), 30);
    EXPECT_EQ(json_text(history[0].at("changed_by")), o.tl1);
    EXPECT_EQ(count("SELECT count(*) FROM notifications WHERE recipient_id = $1::uuid "
                    "AND kind = 'session_changed' AND link = '/sessions/' || $2",
                    db::params(o.a2, id)),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM audit_log WHERE action = 'session.reschedule' "
                    "AND entity_id = $1::uuid",
                    db::params(id)),
              1);
}

TEST_F(SessionsApi, CancellingAndNoShowsNeedAReasonAndAreFinal) {
    const Org& o = *org_;
    const std::string id = scheduled("tl1", o.a1, at(160));
    auto no_reason = as("tl1", "POST", path(id, "/cancel"), "{}");
    EXPECT_EQ(no_reason.status, 422);
    auto cancelled = as("tl1", "POST", path(id, "/cancel"), R"({"reason": "Sick day"})");
    ASSERT_EQ(cancelled.status, 200) << cancelled.body;
    EXPECT_EQ(cancelled.json().at("cancelled_reason"), "Sick day");
    auto again = as("tl1", "POST", path(id, "/start"));
    EXPECT_EQ(again.status, 409);
    EXPECT_NE(again.body.find("nothing can change it"), std::string::npos) << again.body;
    EXPECT_GE(notifications_of(o.a1, "session_cancelled"), 1);
}

TEST_F(SessionsApi, TwoNoShowsInThirtyDaysTellTheManager) {
    const Org& o = *org_;
    const auto before = notifications_of(o.m2, "no_shows");
    const std::string first = scheduled("tl2", o.a3, at(-10));
    const std::string second = scheduled("tl2", o.a3, at(-2));
    ASSERT_EQ(as("tl2", "POST", path(first, "/no-show"), R"({"reason": "Absent"})").status, 200);
    EXPECT_EQ(notifications_of(o.m2, "no_shows"), before);
    ASSERT_EQ(as("tl2", "POST", path(second, "/no-show"), R"({"reason": "Absent"})").status, 200);
    EXPECT_EQ(notifications_of(o.m2, "no_shows"), before + 1);
}

TEST_F(SessionsApi, TheAgentAcknowledgesOrDisputesOnce) {
    const Org& o = *org_;
    const std::string id = scheduled("tl1", o.a2, at(-1));
    EXPECT_EQ(
        as("a2", "POST", path(id, "/acknowledge"), R"({"acknowledgement": "ACKNOWLEDGED"})").status,
        409);  // not completed yet
    ASSERT_EQ(as("tl1", "POST", path(id, "/start")).status, 200);
    ASSERT_EQ(as("tl1", "POST", path(id, "/complete"), complete_body()).status, 200);
    // Only the agent answers; another agent does not even see it.
    EXPECT_EQ(as("tl1", "POST", path(id, "/acknowledge"), R"({"acknowledgement": "ACKNOWLEDGED"})")
                  .status,
              403);
    EXPECT_EQ(
        as("a1", "POST", path(id, "/acknowledge"), R"({"acknowledgement": "ACKNOWLEDGED"})").status,
        404);
    auto no_comment =
        as("a2", "POST", path(id, "/acknowledge"), R"({"acknowledgement": "DISPUTED"})");
    EXPECT_EQ(no_comment.status, 422);
    auto disputed =
        as("a2", "POST", path(id, "/acknowledge"),
           R"({"acknowledgement": "DISPUTED", "comment": "We did not discuss holds."})");
    ASSERT_EQ(disputed.status, 200) << disputed.body;
    EXPECT_EQ(disputed.json().at("acknowledgement"), "DISPUTED");
    EXPECT_FALSE(disputed.json().at("acknowledged_at").is_null());
    EXPECT_EQ(
        as("a2", "POST", path(id, "/acknowledge"), R"({"acknowledgement": "ACKNOWLEDGED"})").status,
        409);
    EXPECT_GE(notifications_of(o.tl1, "session_disputed"), 1);
    EXPECT_GE(notifications_of(o.m1, "session_disputed"), 1);
}

// Two team leaders' requests racing for one slot: the calendars are locked before the
// overlap is checked, so the second sees the first and is refused.
TEST_F(SessionsApi, TwoBookingsRacingForOneSlotNeverBothLand) {
    const Org& o = *org_;
    const std::string when = at(200);
    auto holder = server_->db().conn().sibling();
    ASSERT_TRUE(holder) << holder.error().message;
    ASSERT_TRUE(holder->exec("BEGIN"));
    ASSERT_TRUE(holder->exec("SELECT pg_advisory_xact_lock(hashtextextended('calendar:' || $1, 0))",
                             db::params(o.tl1)));
    ASSERT_TRUE(
        holder->exec("INSERT INTO coaching_sessions (agent_id, team_leader_id, "
                     "scheduled_date) VALUES ($1::uuid, $2::uuid, $3::timestamptz)",
                     db::params(o.a1, o.tl1, when)));
    auto booking = std::async(std::launch::async, [&] { return schedule("tl1", o.a2, when); });
    EXPECT_TRUE(request_waits_for(server_->db(), *holder));
    ASSERT_TRUE(holder->exec("COMMIT"));
    auto r = booking.get();
    EXPECT_EQ(r.status, 409) << r.body;
}

// Prep against figures worked out by hand: a1's quality 70 over the last 30 days and 80 over
// the 30 before; a2's 90 over the last 30 days, so the team's (a1, a2) 30-day averages average
// 80.
// Every other score 80 for both: not an area.
TEST_F(SessionsApi, PrepNamesItsReasonsAgainstTheTeamAndThePreviousMonth) {
    const Org& o = *org_;
    auto& db = server_->db();
    db.exec(
        "INSERT INTO performance_metrics (agent_id, metric_date, service_score, "
        "productivity_score, quality_score, attendance_rate, adherence_score) "
        "SELECT $1::uuid, current_date - d, 80, 80, CASE WHEN d < 30 THEN 70 ELSE 80 END, 80, 80 "
        "FROM generate_series(0, 59) d "
        "UNION ALL SELECT $2::uuid, current_date - d, 80, 80, 90, 80, 80 "
        "FROM generate_series(0, 29) d",
        db::params(o.a1, o.a2));
    // What a metrics write through the API or an import does after its commit: the team's
    // figures come from the dashboard snapshots.
    db.exec("SELECT refresh_agent_snapshots(ARRAY[$1::uuid, $2::uuid])", db::params(o.a1, o.a2));
    db.exec(
        "INSERT INTO quick_notes (team_leader_id, agent_id, note_type, content, priority) "
        "VALUES ($1::uuid, $2::uuid, 'URGENT', 'Rushed a verification', 'HIGH')",
        db::params(o.tl1, o.a1));
    db.exec(
        "INSERT INTO action_items (agent_id, assigned_by, title, description, due_date) "
        "VALUES ($1::uuid, $2::uuid, 'Shadow a senior', '', current_date - 3)",
        db::params(o.a1, o.tl1));
    db.exec(
        "INSERT INTO coaching_effectiveness (agent_id, team_leader_id, primary_issue, "
        "intervention_method, improvement_percentage) VALUES "
        "($1::uuid, $2::uuid, 'Quality', 'Shadowing', 5), "
        "($1::uuid, $2::uuid, 'Quality', 'Shadowing', 7), "
        "($1::uuid, $2::uuid, 'Quality', 'Role-play', NULL)",
        db::params(o.a2, o.tl1));
    const std::string id = scheduled("tl1", o.a1, at(300), 30);
    EXPECT_EQ(as("a1", "POST", path(id, "/prep")).status, 403);
    EXPECT_EQ(as("tl2", "POST", path(id, "/prep")).status, 404);
    auto r = as("tl1", "POST", path(id, "/prep"));
    ASSERT_EQ(r.status, 200) << r.body;
    const json::value prep = r.json();
    const auto& weakest = prep.at("weakest_areas").as_array();
    ASSERT_EQ(weakest.size(), 1u) << r.body;
    EXPECT_EQ(weakest[0].at("metric"), "quality_score");
    EXPECT_EQ(weakest[0].at("reason"), "quality fell 10.0 points in 30 days; team average 80.0");
    EXPECT_TRUE(prep.at("strongest_areas").as_array().empty());
    const auto& methods = prep.at("suggested_methods").as_array();
    ASSERT_EQ(methods.size(), 1u);
    EXPECT_EQ(methods[0].at("evidence"),
              "Shadowing worked best for Quality: +6.0 % on average over 2 sessions.");
    EXPECT_EQ(prep.at("unaddressed_notes").as_array().size(), 1u);
    EXPECT_EQ(prep.at("action_items").at(0).at("status"), "OVERDUE");
    int minutes = 0;
    std::vector<std::string> agenda;
    for (const auto& item : prep.at("agenda").as_array()) {
        minutes += static_cast<int>(item.at("minutes").as_int64());
        agenda.push_back(json_text(item.at("title")));
    }
    EXPECT_EQ(minutes, 30);
    EXPECT_EQ(agenda, (std::vector<std::string>{"Check in", "Work on quality",
                                                "Talk through the open notes",
                                                "Review overdue action items", "Agree actions"}));
    // GET carries it; regenerating replaces it (a snapshot).
    EXPECT_EQ(as("tl1", "GET", path(id)).json().at("prep_data").at("agenda"), prep.at("agenda"));
    EXPECT_EQ(as("m1", "GET", path(id)).json().at("prep_data").at("agenda"), prep.at("agenda"));
    // The agent reads the session without its prep, which quotes the team leader's notes.
    EXPECT_TRUE(as("a1", "GET", path(id)).json().at("prep_data").is_null());
    bool listed = false;
    const json::value mine = as("a1", "GET", "/api/v1/coaching-sessions?limit=500").json();
    for (const auto& s : mine.at("items").as_array())
        if (json_text(s.at("id")) == id) {
            listed = true;
            EXPECT_TRUE(s.at("prep_data").is_null());
        }
    EXPECT_TRUE(listed);
    db.exec("UPDATE quick_notes SET addressed = true WHERE agent_id = $1::uuid", db::params(o.a1));
    auto again = as("tl1", "POST", path(id, "/prep")).json();
    EXPECT_TRUE(again.at("unaddressed_notes").as_array().empty());
    EXPECT_TRUE(as("tl1", "GET", path(id))
                    .json()
                    .at("prep_data")
                    .at("unaddressed_notes")
                    .as_array()
                    .empty());
    // Completed, the session keeps its prep; the agent's answer comes back without it too.
    ASSERT_EQ(as("tl1", "POST", path(id, "/start")).status, 200);
    ASSERT_EQ(as("tl1", "POST", path(id, "/complete"), complete_body()).status, 200);
    auto answered =
        as("a1", "POST", path(id, "/acknowledge"), R"({"acknowledgement": "ACKNOWLEDGED"})");
    ASSERT_EQ(answered.status, 200) << answered.body;
    EXPECT_TRUE(answered.json().at("prep_data").is_null());
    EXPECT_FALSE(as("tl1", "GET", path(id)).json().at("prep_data").is_null());
}

TEST_F(SessionsApi, PrepForAnAgentWithNoFiguresAndNoSessions) {
    const Org& o = *org_;
    const std::string id = scheduled("tl2", o.a3, at(310), 20);
    auto r = as("tl2", "POST", path(id, "/prep"));
    ASSERT_EQ(r.status, 200) << r.body;
    const json::value prep = r.json();
    EXPECT_TRUE(prep.at("weakest_areas").as_array().empty());
    EXPECT_TRUE(prep.at("suggested_methods").as_array().empty());
    EXPECT_TRUE(prep.at("last_session").is_null());
    EXPECT_TRUE(prep.at("profile_hints").is_null());
    std::vector<std::string> agenda;
    for (const auto& item : prep.at("agenda").as_array())
        agenda.push_back(json_text(item.at("title")));
    EXPECT_EQ(agenda,
              (std::vector<std::string>{"Check in", "Development and goals", "Agree actions"}));
    // A completed session is not prepared any more.
    ASSERT_EQ(as("tl2", "POST", path(id, "/start")).status, 200);
    ASSERT_EQ(as("tl2", "POST", path(id, "/complete"), complete_body()).status, 200);
    EXPECT_EQ(as("tl2", "POST", path(id, "/prep")).status, 409);
}

TEST_F(SessionsApi, NotificationsAreTheCallersOwnUnreadFirst) {
    const Org& o = *org_;
    scheduled("tl2", o.a3, at(220));
    scheduled("tl2", o.a3, at(221));
    auto unread = as("a3", "GET", "/api/v1/notifications/unread-count").json().at("unread");
    ASSERT_GE(unread.as_int64(), 2);
    auto page = as("a3", "GET", "/api/v1/notifications?limit=1");
    ASSERT_EQ(page.status, 200) << page.body;
    const std::string first(page.json().at("items").at(0).at("id").as_string());
    // Someone else's notification is not found.
    EXPECT_EQ(as("a1", "POST", "/api/v1/notifications/" + first + "/read").status, 404);
    EXPECT_EQ(as("a3", "POST", "/api/v1/notifications/not-a-uuid/read").status, 400);
    auto read = as("a3", "POST", "/api/v1/notifications/" + first + "/read");
    ASSERT_EQ(read.status, 200) << read.body;
    EXPECT_FALSE(read.json().at("read_at").is_null());
    // Unread first: the one just read comes last.
    auto all = all_items(*server_, tokens_.at("a3"), "/api/v1/notifications?limit=1");
    ASSERT_GE(all.size(), 2u);
    EXPECT_EQ(json_text(all.back().at("id")), first);
    for (std::size_t i = 0; i + 1 < all.size(); ++i)
        EXPECT_TRUE(all[i].at("read_at").is_null());
    auto marked = as("a3", "POST", "/api/v1/notifications/read-all");
    ASSERT_EQ(marked.status, 200);
    EXPECT_EQ(marked.json().at("marked").as_int64(), unread.as_int64() - 1);
    EXPECT_EQ(as("a3", "GET", "/api/v1/notifications/unread-count").json().at("unread"), 0);
    EXPECT_EQ(
        as("a3", "GET", "/api/v1/notifications?unread=true").json().at("items").as_array().size(),
        0u);
    EXPECT_EQ(as("a3", "GET", "/api/v1/notifications?cursor=x").status, 422);
}

}  // namespace
}  // namespace coach::test
