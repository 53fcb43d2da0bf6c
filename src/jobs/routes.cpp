// The jobs routes. JSON: written by PostgreSQL and passed through: a job as plan.sql lists it
// (json_build_object), a run as its job_runs row (to_json in select_run.sql), the same text
// `coach jobs run` prints; the list's envelope by http::collection_response.
#include "jobs/routes.hpp"

#include "auth/scope.hpp"
#include "core/offload.hpp"
#include "db/columns.hpp"
#include "db/pool.hpp"
#include "http/collection.hpp"
#include "http/handler.hpp"
#include "http/json_input.hpp"
#include "http/response.hpp"
#include "http/services.hpp"
#include "jobs/runner.hpp"
#include "jobs/schedule.hpp"
#include "jobs/sql.hpp"

namespace coach::jobs {

namespace {

// Every job with its schedule (next_run_at: the next regular run time; due_now: a run time
// has passed without a run that counts, so a scheduler runs it at its next wake-up), the
// start of its last SUCCESS and its last 10 runs, newest first: the json column of
// jobs/sql/plan.sql, the statement the scheduler plans with.
awaitable<Result<Response>> list(RequestContext& ctx) {
    if (!auth::role_may(ctx.me().role, auth::Resource::Jobs, auth::Action::Read))
        co_return make_error(ErrorCode::Forbidden,
                             "Only administrators and managers may see the jobs.");
    auto schedule = schedule_from(ctx.services.config.job_times);
    if (!schedule)
        co_return make_error(ErrorCode::Internal, schedule.error().message);
    auto r = co_await ctx.db.query(
        sql::plan,
        db::params(schedule_json(*schedule), ctx.services.config.timezone, std::nullopt));
    if (!r)
        co_return r.error();
    const int json = db::column(*r, "json");
    std::vector<std::string> items;
    for (int i = 0; i < r->rows(); ++i)
        items.emplace_back(r->get(i, json));
    co_return http::collection_response(items, std::nullopt);
}

awaitable<Result<Response>> run(RequestContext& ctx) {
    if (!auth::role_may(ctx.me().role, auth::Resource::Jobs, auth::Action::Update))
        co_return make_error(ErrorCode::Forbidden, "Only an administrator may run jobs.");
    const Job* job = find_job(ctx.path_param("name"));
    if (!job)
        co_return not_found();
    RunRequest request;
    if (!ctx.request.body().empty()) {
        auto body = http::parse_json_object(ctx.request);
        if (!body)
            co_return body.error();
        http::Fields f(*body);
        f.reject_unknown({"date", "full"});
        request.date = f.date("date", false);
        request.full = f.boolean("full", false).value_or(false);
        if (!f.ok())
            co_return f.error();
    }
    if (auto errors = request_errors(*job, request); !errors.empty())
        co_return validation_error(std::move(errors));

    RunOptions options;
    options.trigger = Trigger::Api;
    options.request = request;
    options.fallback_timezone = ctx.services.config.timezone;
    options.public_url = ctx.services.config.public_url;
    options.audit = ctx.origin();
    // The day the run serves follows the job's configured time (jobs/schedule.hpp).
    if (auto schedule = schedule_from(ctx.services.config.job_times))
        for (const auto& s : *schedule)
            if (s.job == job)
                options.job_time = s.time;
    // The job is long, blocking SQL without the pool's statement timeout: a long-work thread
    // with its own connection.
    auto work = [url = ctx.services.database_url, job, options]() -> Result<RunOutcome> {
        auto conn = db::SyncConnection::open(url);
        if (!conn)
            return conn.error();
        return run_job(*conn, *job, options);
    };
    Result<RunOutcome> outcome = co_await offload(ctx.services.long_work, std::move(work));
    if (!outcome)
        co_return outcome.error();
    if (outcome->status == RunStatus::Skipped)
        co_return make_error(ErrorCode::Conflict,
                             "The " + std::string(job->name) +
                                 " job is already running; try again when it has finished.");
    // SUCCESS and FAILED alike: the run happened; the row tells how it ended.
    co_return http::json_text(http::Status::ok, std::move(outcome->run_json));
}

}  // namespace

void add_routes(http::Router& router) {
    using http::Verb;
    router.add({Verb::get, "/api/v1/jobs", list, http::Access::Authenticated, http::kJsonBodyLimit,
                "List the jobs with their schedule and last runs"});
    router.add({Verb::post, "/api/v1/jobs/{name}/run", run, http::Access::Authenticated,
                http::kJsonBodyLimit, "Run a job now"});
}

}  // namespace coach::jobs
