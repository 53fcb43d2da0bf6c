#pragma once
// Running one job, the same way for the scheduler, `coach jobs run` and the API:
//   1. a RUNNING job_runs row is inserted on its own (autocommit) so it is visible while the
//      job runs and survives the job's rollback;
//   2. one transaction takes the job's advisory lock (db/advisory_locks.hpp); when
//      another instance holds it the row becomes SKIPPED ("already running") and nothing runs;
//   3. the job's set-based SQL runs in that transaction, and the row is marked SUCCESS (with
//      rows_affected) in the same transaction, so the work and its record commit together;
//   4. on an error the transaction is rolled back and the row marked FAILED with the error.
// Rows left RUNNING by an instance that died (no session holds the job's lock any more) are
// marked FAILED ("abandoned") before a run and by the scheduler.
// Blocking: CLI, worker threads and the scheduler's own thread only.
#include "core/error.hpp"
#include "core/request_origin.hpp"
#include "db/sync_connection.hpp"
#include "jobs/registry.hpp"

#include <atomic>
#include <optional>
#include <string>

namespace coach::jobs {

// How a run was started (job_runs.params.trigger).
enum class Trigger { Schedule, Api, Cli, Import };
std::string_view to_string(Trigger t);

struct RunOptions {
    Trigger trigger = Trigger::Cli;
    RunRequest request;
    std::string fallback_timezone = "UTC";  // COACH_TIMEZONE (the setting 'timezone' wins)
    // Scheduled runs: the run time being served (timestamptz text) and its local day (the
    // plan's prev_day, recorded as job_runs.local_day). A run that finds, once it holds the
    // lock, that another instance already finished this job for that day is SKIPPED.
    std::optional<std::string> scheduled_for;
    std::optional<std::string> local_day;
    // Other runs of today: the job's daily time (HH:MM; default: its default time), whose
    // latest run time gives the day the run serves (jobs/schedule.hpp).
    std::optional<std::string> job_time;
    // The instant the run is at (timestamptz text): its today; default coach::clock::now().
    std::optional<std::string> now;
    // An API run's caller, for the audit_log row written with a successful run.
    std::optional<RequestOrigin> audit;
    std::string instance;    // job_runs.instance; default: host:pid
    std::string public_url;  // COACH_PUBLIC_URL: links in the mails jobs send
    // Set by the scheduler when it cancels the running statement at shutdown (the error
    // recorded then says so).
    const std::atomic<bool>* stopping = nullptr;
};

enum class RunStatus { Success, Failed, Skipped };
std::string_view to_string(RunStatus s);

struct RunOutcome {
    RunStatus status = RunStatus::Failed;
    std::string run_id;
    std::string run_json;  // the job_runs row as JSON (column names: select_run.sql)
    std::string error;     // FAILED: the error; SKIPPED: why
    long long rows_affected = 0;
};

// Errors (not outcomes): ValidationFailed for a bad request (fields "date", "full": a date
// after the organisation's today included), Unavailable/Internal when the run could not even
// be recorded. Everything that goes wrong inside the job is a FAILED outcome.
Result<RunOutcome> run_job(db::SyncConnection& conn, const Job& job, const RunOptions& options);

// "host:pid" of this process, plus "/suffix" when given.
std::string instance_name(std::string_view suffix = {});

// Marks RUNNING rows FAILED whose instance is gone (no session holds the job's advisory lock
// and the row is over a minute old); all jobs when job_name is empty. Returns rows marked.
Result<long long> reap_abandoned_runs(db::SyncConnection& conn, std::string_view job_name = {});

}  // namespace coach::jobs
