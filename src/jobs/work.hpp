#pragma once
// The bodies of the jobs: set-based SQL (jobs/sql/) run on a blocking connection inside the
// transaction the runner opened (which holds the job's advisory lock and has TimeZone set to the
// organisation's zone, so CURRENT_DATE in triggers and views is the organisation's today).
#include "core/error.hpp"
#include "db/sync_connection.hpp"

#include <string>
#include <vector>

namespace coach::jobs {

// The part of the history an import touched (recompute_after_import).
struct HistoryScope {
    std::vector<std::string> agents;
    std::string from, to;  // YYYY-MM-DD: metric dates the import changed
};

struct JobContext {
    db::SyncConnection& conn;
    std::string today;                    // YYYY-MM-DD: the run's date, or the organisation's today
    bool dated = false;                   // today was given (--date), not the real today
    bool full = false;                    // history: full rebuild
    std::string timezone;                 // the organisation's zone
    const HistoryScope* scope = nullptr;  // history: only these agents and dates
    // The transaction has changed none of the data the jobs read, so a job may spread its work
    // over more connections (history: history::Spread::InParts).
    bool parallel = false;
    std::string public_url;  // COACH_PUBLIC_URL: the links in the mails a job sends
};

struct JobOutput {
    long long rows_affected = 0;
    std::string details = "{}";  // JSON object merged into job_runs.params
};

// UPDATE action_items past due (due_date < today, open, not completed) to OVERDUE.
Result<JobOutput> overdue_sweep(JobContext& c);
// REFRESH MATERIALIZED VIEW CONCURRENTLY team_performance_summary; rows = teams in the view.
Result<JobOutput> team_summary(JobContext& c);
// agent_profiles.percentile_ranking from the averages of [today - 29, today], and
// derived_as_of 'percentiles' = today; rows = profiles whose ranking changed.
Result<JobOutput> percentiles(JobContext& c);
// archive_old_metrics(today - 13 months) and DELETE history ending before today - 3 years.
Result<JobOutput> retention(JobContext& c);
// refresh_agent_snapshots(NULL, today) (0006): the dashboards' per-agent figures, whose
// windows move with the date; rows = snapshots written.
Result<JobOutput> dashboard_snapshots(JobContext& c);
// Quick notes past their deadline, not yet escalated: one notification and mail per manager;
// rows = notes escalated.
Result<JobOutput> note_escalations(JobContext& c);
// Completed sessions unanswered 3 working days after they ended: the agent is reminded once;
// rows = sessions.
Result<JobOutput> acknowledgement_reminders(JobContext& c);
// History: incremental (periods of the metrics changed since the last run) or full
// (jobs/history_job.cpp).
Result<JobOutput> history(JobContext& c);

}  // namespace coach::jobs
