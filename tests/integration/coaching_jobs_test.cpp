// The coaching jobs on a real database, each effect worked out by hand: quick notes past their
// deadline escalate to the manager once (one notification and mail per manager), and completed
// sessions unanswered after 3 working days remind their agent once.
#include "jobs/runner.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {

class CoachingJobs : public ::testing::Test {
  protected:
    void SetUp() override { org_ = create_org(db_); }
    long long run(const std::string& name, std::optional<std::string> date = std::nullopt) {
        jobs::RunOptions o;
        o.request.date = std::move(date);
        o.public_url = "https://coach.example";
        auto r = jobs::run_job(db_.conn(), *jobs::find_job(name), o);
        EXPECT_TRUE(r) << (r ? "" : r.error().message);
        EXPECT_TRUE(r && r->status == jobs::RunStatus::Success) << (r ? r->error : "");
        auto rows = db_.exec("SELECT rows_affected FROM job_runs WHERE id = $1::uuid",
                             db::params(r ? r->run_id : std::string()));
        return rows.empty() ? -1 : rows.get_int(0, 0);
    }
    long long count(const std::string& sql, const db::Params& params = {}) {
        return db_.exec(sql, params).get_int(0, 0);
    }
    // A note about `agent` written `hours_ago` hours ago with `priority`.
    void note(const std::string& agent, const std::string& leader, const std::string& priority,
              int hours_ago, bool addressed = false) {
        db_.exec(
            "INSERT INTO quick_notes (team_leader_id, agent_id, note_type, content, "
            "priority, created_at, addressed) VALUES ($1::uuid, $2::uuid, 'COACHING', 'n', "
            "$3::priority_level, now() - make_interval(hours => $4::int), $5::bool)",
            db::params(leader, agent, priority, hours_ago, addressed));
    }
    // A completed session of `agent` that ended on `day` (UTC), answered or not.
    std::string completed(const std::string& agent, const std::string& day, bool answered = false) {
        return std::string(
            db_.exec(
                   "INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, "
                   "actual_start_time, actual_end_time, status, acknowledgement, "
                   "acknowledgement_requested_at) "
                   "VALUES ($1::uuid, $2::uuid, $3::date + time '10:00', "
                   "$3::date + time '10:00', $3::date + time '10:30', 'COMPLETED', $4, "
                   "$3::date + time '10:30') "
                   "RETURNING id::text",
                   db::params(agent, org_.tl1, day,
                              answered ? std::optional<std::string>("ACKNOWLEDGED") : std::nullopt))
                .get(0, 0));
    }
    TestDatabase db_;
    Org org_;
};

TEST_F(CoachingJobs, NotesPastTheirDeadlineEscalateToTheManagerOnce) {
    const Org& o = org_;
    note(o.a1, o.tl1, "HIGH", 49);        // past 48 h
    note(o.a2, o.tl1, "MEDIUM", 169);     // past 1 week
    note(o.a1, o.tl1, "LOW", 300);        // within 2 weeks
    note(o.a1, o.tl1, "HIGH", 60, true);  // addressed
    note(o.a3, o.tl2, "HIGH", 50);        // m2's team
    EXPECT_EQ(run("note_escalations"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM notifications WHERE recipient_id = $1::uuid "
                    "AND kind = 'note_escalated' "
                    "AND subject = '2 quick notes in your teams are past their deadline.' "
                    "AND link = '/notes?overdue=true'",
                    db::params(o.m1)),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM notifications WHERE recipient_id = $1::uuid "
                    "AND subject = '1 quick note in your teams is past its deadline.'",
                    db::params(o.m2)),
              1);
    EXPECT_EQ(count("SELECT count(*) FROM mail_outbox WHERE to_address = 'm1@org.test' "
                    "AND kind = 'notification:note_escalated' "
                    "AND body_text LIKE '%https://coach.example/notes?overdue=true'"),
              1);
    // Once per note: nothing new the next time.
    EXPECT_EQ(run("note_escalations"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM notifications WHERE kind = 'note_escalated'"), 2);
}

TEST_F(CoachingJobs, UnansweredSessionsRemindTheAgentAfterThreeWorkingDays) {
    const Org& o = org_;
    // Ended Friday 2026-11-27: working days after it are Mon 30, Tue 1, Wed 2 (Dec).
    const std::string friday = completed(o.a1, "2026-11-27");
    const std::string answered = completed(o.a2, "2026-11-27", true);
    // Ended Monday 2026-11-30: Tue 1, Wed 2, Thu 3.
    const std::string monday = completed(o.a2, "2026-11-30");
    EXPECT_EQ(run("acknowledgement_reminders", "2026-12-01"), 0);  // 2 working days
    EXPECT_EQ(run("acknowledgement_reminders", "2026-12-02"), 1);  // the Friday one
    EXPECT_EQ(count("SELECT count(*) FROM notifications WHERE recipient_id = $1::uuid "
                    "AND kind = 'acknowledgement_due' AND link = '/sessions/' || $2",
                    db::params(o.a1, friday)),
              1);
    EXPECT_EQ(run("acknowledgement_reminders", "2026-12-03"), 1);  // the Monday one, once
    EXPECT_EQ(run("acknowledgement_reminders", "2026-12-04"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM notifications WHERE kind = 'acknowledgement_due'"), 2);
    EXPECT_EQ(count("SELECT count(*) FROM coaching_sessions WHERE id = $1::uuid "
                    "AND acknowledgement_reminded_at IS NULL",
                    db::params(answered)),
              1);
    (void)monday;
    // A session completed before acknowledgements (or imported) was never asked about.
    db_.exec(
        "INSERT INTO coaching_sessions (agent_id, team_leader_id, scheduled_date, "
        "actual_start_time, actual_end_time, status) VALUES ($1::uuid, $2::uuid, "
        "'2026-11-02 10:00', '2026-11-02 10:00', '2026-11-02 10:30', 'COMPLETED')",
        db::params(o.a3, o.tl2));
    EXPECT_EQ(run("acknowledgement_reminders", "2026-12-04"), 0);
}

}  // namespace
}  // namespace coach::test
