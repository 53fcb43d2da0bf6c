#include "cli/jobs_command.hpp"

#include "cli/database.hpp"
#include "cli/sql.hpp"
#include "core/log.hpp"
#include "db/columns.hpp"
#include "jobs/runner.hpp"
#include "jobs/schedule.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <CLI/CLI.hpp>

#include <iostream>

namespace coach::cli {
namespace {

constexpr int kFailed = 1, kUsage = 2, kSkipped = 3;

struct JobsOptions {
    std::string name;
    std::string date;
    bool full = false;
};

JobsOptions& jobs_options() {
    static JobsOptions o;
    return o;
}

// The exit code travels as CLI::RuntimeError (CLI11_PARSE returns it without printing).
[[noreturn]] void exit_with(int code) {
    throw CLI::RuntimeError(code);
}

Config config_or_exit() {
    auto c = config_from_env();
    init_logging(c.config.log_level);
    if (!c.error.empty()) {
        spdlog::error("{}", c.error);
        exit_with(kUsage);
    }
    return c.config;
}

// The connection to a migrated database (the embedded cluster lives as long as `db`).
db::SyncConnection connect_or_exit(const Config& config, std::optional<Database>& db) {
    auto database = open_database(config);
    if (!database) {
        spdlog::error("{}", database.error().message);
        exit_with(kFailed);
    }
    db.emplace(std::move(*database));
    if (auto m = migrate_database(db->url); !m) {
        spdlog::error("{}", m.error().message);
        exit_with(kFailed);
    }
    auto conn = db::SyncConnection::open(db->url);
    if (!conn) {
        spdlog::error("{}", conn.error().message);
        exit_with(kFailed);
    }
    return std::move(*conn);
}

void report(const Error& e) {
    spdlog::error("{}", e.message);
    for (const auto& d : e.details)
        spdlog::error("  {}: {}", d.field, d.message);
}

void run_command() {
    Config config = config_or_exit();
    const JobsOptions& o = jobs_options();
    const jobs::Job* job = jobs::find_job(o.name);
    if (!job) {
        std::string names;
        for (const auto& j : jobs::all_jobs())
            names += (names.empty() ? "" : ", ") + std::string(j.name);
        spdlog::error("no job is named '{}' (jobs: {})", o.name, names);
        exit_with(kUsage);
    }
    jobs::RunOptions options;
    options.trigger = jobs::Trigger::Cli;
    if (!o.date.empty())
        options.request.date = o.date;
    options.request.full = o.full;
    options.fallback_timezone = config.timezone;
    options.public_url = config.public_url;
    // The day the run serves follows the job's configured time (jobs/schedule.hpp).
    if (auto schedule = jobs::schedule_from(config.job_times))
        for (const auto& s : *schedule)
            if (s.job == job)
                options.job_time = s.time;
    if (auto errors = jobs::request_errors(*job, options.request); !errors.empty()) {
        report(validation_error(std::move(errors)));
        exit_with(kUsage);
    }
    std::optional<Database> db;
    auto conn = connect_or_exit(config, db);
    auto r = jobs::run_job(conn, *job, options);
    if (!r) {
        report(r.error());
        exit_with(r.error().code == ErrorCode::ValidationFailed ? kUsage : kFailed);
    }
    std::cout << r->run_json << std::endl;
    if (r->status == jobs::RunStatus::Skipped) {
        spdlog::warn("{} is already running elsewhere: nothing done", job->name);
        exit_with(kSkipped);
    }
    if (r->status == jobs::RunStatus::Failed) {
        spdlog::error("{} failed: {}", job->name, r->error);
        exit_with(kFailed);
    }
}

void list_command() {
    Config config = config_or_exit();
    auto schedule = jobs::schedule_from(config.job_times);
    if (!schedule) {
        spdlog::error("{}", schedule.error().message);
        exit_with(kUsage);
    }
    std::optional<Database> db;
    auto conn = connect_or_exit(config, db);
    auto plan = jobs::plan_jobs(conn, *schedule, config.timezone);
    auto last = plan ? conn.exec(sql::last_runs) : Result<db::PgResult>(plan.error());
    if (!plan || !last) {
        report(last.error());
        exit_with(kFailed);
    }
    std::cout << fmt::format("{:<20} {:<5} {:<26} {:<8} {}\n", "JOB", "TIME", "NEXT RUN (UTC)",
                             "LAST", "LAST STARTED (UTC), ROWS / ERROR");
    const int job_name = db::column(*last, "job_name"), last_status = db::column(*last, "status"),
              started = db::column(*last, "started"), rows = db::column(*last, "rows_affected"),
              error = db::column(*last, "error");
    for (const auto& p : *plan) {
        std::string status = "-", detail;
        for (int i = 0; i < last->rows(); ++i) {
            if (last->get(i, job_name) != p.job->name)
                continue;
            status = std::string(last->get(i, last_status));
            detail = std::string(last->get(i, started)) + ", " +
                     (last->is_null(i, error) ? last->get_optional(i, rows).value_or("-")
                                              : std::string(last->get(i, error)));
        }
        std::cout << fmt::format("{:<20} {:<5} {:<26} {:<8} {}\n", p.job->name, p.time,
                                 p.due ? "due now" : p.next_run.substr(0, 19), status, detail);
    }
    std::cout << "Times are in " << (plan->empty() ? "UTC" : plan->front().timezone) << ".\n";
}

}  // namespace

void add_jobs_command(CLI::App& app) {
    JobsOptions& o = jobs_options();
    auto* jobs = app.add_subcommand("jobs", "Run the scheduled jobs by hand, list them");
    jobs->require_subcommand(1);
    std::string names;
    for (const auto& j : jobs::all_jobs())
        names += (names.empty() ? "" : ", ") + std::string(j.name);
    auto* run = jobs->add_subcommand("run", "Run a job now (exit 3 when another instance runs it)");
    run->add_option("name", o.name, "The job: " + names)->required();
    run->add_option("--date", o.date, "The job's today (YYYY-MM-DD), for catching up a past day");
    run->add_flag("--full", o.full, "history: rebuild every period, not only the changed ones");
    run->callback(run_command);
    jobs->add_subcommand("list", "The schedule and the last run of each job")
        ->callback(list_command);
}

}  // namespace coach::cli
