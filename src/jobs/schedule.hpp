#pragma once
// When each job is due. Every job runs once a day at its time in the organisation's time zone
// (job_timezone(): the setting 'timezone', else COACH_TIMEZONE, else UTC); the run times are
// computed by PostgreSQL (jobs/sql/plan.sql, over job_prev_run/job_next_run of 0004), which
// knows the zone rules, DST included (libstdc++ 12 has no std::chrono time zone database).
//
// DECISION (catch-up): a job is due when its latest run time has passed and no run counts for
// that run time's local day (prev_day): a SUCCESS, or a RUNNING one (another instance is on it),
// whose job_runs.local_day is that day or a later one. A run records the day whose run time it
// serves (the scheduler's prev_day; a manual run's the same way at its start), so a change of
// zone works by days: moving west, a day served in the old zone is not served again; moving
// east, the new zone's day has no run and the job is due at once. After downtime across a run
// time the job runs as soon as the scheduler starts, once. A FAILED run is retried 10 minutes
// later, at most 3 attempts per day; a SKIPPED run (the lock was held, e.g. by an import's
// recompute) is retried a minute later. Runs for another date (--date) and an import's partial
// recompute do not count.
//
// Missed days are not run one by one: every job body is cumulative up to its `today`
// (overdue_sweep takes every item due before today, acknowledgement_reminders every session
// owed a reminder by today, note_escalations every note past its deadline, history works from
// its watermark, retention by cutoffs; snapshots and percentiles only need today), so the one
// run for the latest missed day catches up all of them. A job that is not cumulative would have
// to run once for each day after the last one served.
#include "core/error.hpp"
#include "db/sync_connection.hpp"
#include "jobs/registry.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace coach::jobs {

struct PlanItem {
    const Job* job = nullptr;
    std::string time;      // HH:MM
    std::string timezone;  // the zone in use
    std::string prev_run;  // latest run time at or before now (RFC 3339, UTC)
    std::string prev_day;  // its local date (YYYY-MM-DD): the day a run now serves
    std::string next_run;  // first run time after now
    std::string due_at;    // when the scheduler runs it next (<= now: due now)
    bool due = false;
    long long ms_until_due = 0;  // <= 0 when due
};

// The JSON array of the schedule ([{name, description, time, takes_date, takes_full}]),
// the first parameter of jobs/sql/plan.sql.
std::string schedule_json(const std::vector<ScheduledJob>& schedule);

// The plan at `now` (timestamptz text; nullopt = the database's coach_now()), in schedule
// order.
Result<std::vector<PlanItem>> plan_jobs(db::SyncConnection& conn,
                                        const std::vector<ScheduledJob>& schedule,
                                        const std::string& fallback_timezone,
                                        const std::optional<std::string>& now = std::nullopt);

// `t` as timestamptz text at UTC, to the microsecond: the `now` of a plan or a run.
std::string timestamp_text(std::chrono::system_clock::time_point t);

}  // namespace coach::jobs
