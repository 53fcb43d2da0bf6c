#pragma once
// coach jobs run NAME [--date YYYY-MM-DD] [--full]   runs a job now (as the scheduler would)
// coach jobs list                                   the schedule and each job's last run
// Exit codes of `run`: 0 SUCCESS, 1 FAILED or no database, 2 bad arguments, 3 SKIPPED
// (another instance is running the job).
#include <CLI/App.hpp>

namespace coach::cli {

void add_jobs_command(CLI::App& app);

}  // namespace coach::cli
