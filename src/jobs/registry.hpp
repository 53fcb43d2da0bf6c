#pragma once
// The jobs Coach runs (docs/domain.md, "Jobs"): name, description, default daily time in the
// organisation's time zone, and which run options they take. Pure: no I/O.
#include "core/error.hpp"
#include "jobs/work.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace coach::jobs {

struct Job {
    std::string_view name;
    std::string_view description;
    std::string_view default_time;  // "HH:MM", local time of the organisation
    bool takes_date;                // --date / {"date"} sets the job's "today"
    bool takes_full;                // --full / {"full": true} (history only)
    // The set-based SQL of the job, run inside the runner's transaction (jobs/work.hpp).
    Result<JobOutput> (*body)(JobContext&);
};

// Every job, in the order the scheduler runs them when several are due at once.
std::span<const Job> all_jobs();
const Job* find_job(std::string_view name);

// "H:MM" or "HH:MM" (00:00..23:59) -> "HH:MM"; nullopt when not a time of day.
std::optional<std::string> parse_time_of_day(std::string_view text);

// A job with the daily time it runs at.
struct ScheduledJob {
    const Job* job;
    std::string time;  // "HH:MM"
};

// The schedule: every job at its default time, overridden by COACH_JOB_TIMES, a comma
// separated list of name=HH:MM ("history=01:30,retention=04:00"; spaces ignored). Unknown
// names, bad times and a name given twice are errors (one message listing them all).
Result<std::vector<ScheduledJob>> schedule_from(std::string_view overrides);

// What a caller asks of one run.
struct RunRequest {
    std::optional<std::string> date;  // YYYY-MM-DD: the job's "today" (default: today)
    bool full = false;                // history: rebuild everything
};

// Problems of a request that need no database: a date that is no calendar date, a date or
// full=true for a job that takes none. Field names are "date" and "full". (A date after the
// organisation's today is refused by the runner, which knows today.)
std::vector<FieldError> request_errors(const Job& job, const RunRequest& request);

}  // namespace coach::jobs
