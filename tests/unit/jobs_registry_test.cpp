// The job registry, run times in config, and request checks (no database).
#include <gtest/gtest.h>

#include "db/advisory_locks.hpp"
#include "jobs/registry.hpp"
#include "jobs/runner.hpp"

namespace coach::jobs {
namespace {

std::string names(const std::vector<ScheduledJob>& s) {
    std::string out;
    for (const auto& j : s)
        out += std::string(j.job->name) + "=" + j.time + " ";
    return out;
}

TEST(JobsRegistry, EveryJobOfTheIssueIsThereWithADefaultTime) {
    for (auto name : {"history", "overdue_sweep", "team_summary", "percentiles", "retention",
                      "dashboard_snapshots"}) {
        const Job* j = find_job(name);
        ASSERT_NE(j, nullptr) << name;
        EXPECT_EQ(j->name, name);
        EXPECT_TRUE(parse_time_of_day(j->default_time)) << name;
        EXPECT_FALSE(j->description.empty());
        EXPECT_NE(j->body, nullptr);
    }
    EXPECT_EQ(all_jobs().size(), 8u);
    EXPECT_EQ(find_job("History"), nullptr);  // exact names only
    EXPECT_EQ(find_job(""), nullptr);
}

TEST(JobsRegistry, OnlyHistoryHasAFullRebuildAndOnlyTheTeamSummaryAndEscalationsNoDate) {
    for (const auto& j : all_jobs()) {
        EXPECT_EQ(j.takes_full, j.name == "history") << j.name;
        EXPECT_EQ(j.takes_date, j.name != "team_summary" && j.name != "note_escalations") << j.name;
    }
}

TEST(JobsRegistry, ParsesTimesOfDay) {
    EXPECT_EQ(parse_time_of_day("02:30"), "02:30");
    EXPECT_EQ(parse_time_of_day("2:30"), "02:30");
    EXPECT_EQ(parse_time_of_day("00:00"), "00:00");
    EXPECT_EQ(parse_time_of_day("23:59"), "23:59");
    for (auto bad :
         {"24:00", "23:60", "2:3", "0230", "", ":", "a:bc", "-1:00", "02:30:00", "123:00", " 2:30"})
        EXPECT_EQ(parse_time_of_day(bad), std::nullopt) << bad;
}

TEST(JobsRegistry, ScheduleIsTheDefaultsWithOverrides) {
    auto d = schedule_from("");
    ASSERT_TRUE(d);
    EXPECT_EQ(names(*d),
              "overdue_sweep=00:15 dashboard_snapshots=00:30 history=01:00 team_summary=01:30 "
              "percentiles=02:00 retention=03:00 note_escalations=08:00 "
              "acknowledgement_reminders=09:00 ");
    auto o = schedule_from(" history = 4:05 , retention=23:59,");
    ASSERT_TRUE(o);
    EXPECT_EQ(names(*o),
              "overdue_sweep=00:15 dashboard_snapshots=00:30 history=04:05 team_summary=01:30 "
              "percentiles=02:00 retention=23:59 note_escalations=08:00 "
              "acknowledgement_reminders=09:00 ");
}

TEST(JobsRegistry, ScheduleRefusesUnknownNamesBadTimesAndRepeats) {
    auto r = schedule_from("histry=01:00,history=25:00,retention=01:00,retention=02:00,junk");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().message,
              "COACH_JOB_TIMES: no job is named 'histry'; '25:00' for history is not a time "
              "HH:MM; 'retention' is given twice; 'junk' is not name=HH:MM");
}

TEST(JobsRegistry, RequestErrorsAreFieldErrors) {
    const Job& history = *find_job("history");
    const Job& summary = *find_job("team_summary");
    const Job& sweep = *find_job("overdue_sweep");
    EXPECT_TRUE(request_errors(history, {"2024-02-29", true}).empty());
    EXPECT_TRUE(request_errors(sweep, {std::nullopt, false}).empty());

    auto bad_date = request_errors(sweep, {"2023-02-29", false});  // not a leap year
    ASSERT_EQ(bad_date.size(), 1u);
    EXPECT_EQ(bad_date[0].field, "date");
    EXPECT_EQ(bad_date[0].message, "must be a date (YYYY-MM-DD)");
    EXPECT_EQ(request_errors(sweep, {"2024-1-01", false}).size(), 1u);

    auto both = request_errors(summary, {"2024-01-01", true});
    ASSERT_EQ(both.size(), 2u);
    EXPECT_EQ(both[0].field, "date");
    EXPECT_EQ(both[0].message, "the team_summary job takes no date");
    EXPECT_EQ(both[1].field, "full");
    EXPECT_EQ(both[1].message, "only the history job has a full rebuild");
}

TEST(JobsRunner, NamesAndLockKey) {
    EXPECT_EQ(to_string(Trigger::Schedule), "schedule");
    EXPECT_EQ(to_string(Trigger::Api), "api");
    EXPECT_EQ(to_string(Trigger::Cli), "cli");
    EXPECT_EQ(to_string(Trigger::Import), "import");
    EXPECT_EQ(to_string(RunStatus::Skipped), "SKIPPED");
    EXPECT_EQ(db::locks::job("percentiles"), "coach.job.percentiles");
    auto me = instance_name("cli");
    EXPECT_NE(me.find(':'), std::string::npos);
    EXPECT_EQ(me.substr(me.size() - 4), "/cli");
}

}  // namespace
}  // namespace coach::jobs
