#include "jobs/routes.hpp"

#include "core/offload.hpp"
#include "db/pool.hpp"
#include "http/json_input.hpp"
#include "http/response.hpp"
#include "http/services.hpp"
#include "jobs/runner.hpp"
#include "jobs/schedule.hpp"

namespace coach::jobs {
namespace asio = boost::asio;
using asio::awaitable;
using auth::Action;
using auth::Resource;
using http::RequestContext;
using http::Response;

namespace {

// Every job with its schedule (next_run_at: the next regular run time; due_now: a run time
// has passed without a run that counts, so a scheduler runs it at its next wake-up), the
// start of its last SUCCESS and its last 10 runs, newest first.
const std::string& list_sql() {
    static const std::string sql = plan_cte() + R"sql(
SELECT json_build_object(
    'items', coalesce(json_agg(json_build_object(
        'name', c.name, 'description', c.description, 'time', to_char(c.at, 'HH24:MI'),
        'timezone', c.tz, 'takes_date', c.takes_date, 'takes_full', c.takes_full,
        'next_run_at', c.next, 'due_now', c.due_at <= c.now,
        'last_success_at', ls.started_at, 'runs', coalesce(rr.runs, '[]'::json))
        ORDER BY c.ord), '[]'::json),
    'next_cursor', NULL)::text
  FROM c
  LEFT JOIN LATERAL (
      SELECT max(started_at) AS started_at FROM job_runs
       WHERE job_name = c.name AND status = 'SUCCESS'
  ) ls ON true
  LEFT JOIN LATERAL (
      SELECT json_agg()sql" + std::string(kRunJson) +
                                   R"sql( ORDER BY r.started_at DESC) AS runs
        FROM (SELECT * FROM job_runs WHERE job_name = c.name
               ORDER BY started_at DESC LIMIT 10) r
  ) rr ON true)sql";
    return sql;
}

// System-wide resource: the caller is the target (auth/scope.hpp).
auth::Subject self(const auth::Principal& me) {
    return auth::Subject{me.id, me.role, std::nullopt, std::nullopt, std::nullopt, false};
}

awaitable<Result<Response>> list(RequestContext& ctx) {
    if (!auth::may(ctx.me(), Resource::Jobs, Action::Read, self(ctx.me())))
        co_return make_error(ErrorCode::Forbidden,
                             "Only administrators and managers may see the jobs.");
    auto schedule = schedule_from(ctx.services.config.job_times);
    if (!schedule)
        co_return make_error(ErrorCode::Internal, schedule.error().message);
    auto r = co_await ctx.db.query(
        list_sql(),
        db::params(schedule_json(*schedule), ctx.services.config.timezone, std::nullopt));
    if (!r)
        co_return r.error();
    co_return http::json_text(http::Status::ok, std::string(r->get(0, 0)));
}

awaitable<Result<Response>> run(RequestContext& ctx) {
    if (!auth::may(ctx.me(), Resource::Jobs, Action::Update, self(ctx.me())))
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
    options.audit = AuditInfo{ctx.me().id, ctx.client_ip, ctx.user_agent(), ctx.request_id};
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
