#include "jobs/runner.hpp"

#include "audit/audit.hpp"
#include "core/clock.hpp"
#include "db/advisory_locks.hpp"
#include "db/columns.hpp"
#include "jobs/schedule.hpp"
#include "jobs/sql.hpp"
#include "jobs/work.hpp"

#include <unistd.h>

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

namespace coach::jobs {
namespace json = boost::json;

namespace {

// Rolls back an open transaction unless committed.
struct TxGuard {
    db::SyncConnection& conn;
    bool open = false;
    ~TxGuard() {
        if (open)
            (void)conn.exec("ROLLBACK");
    }
    Result<void> begin() {
        auto r = conn.exec("BEGIN");
        if (!r)
            return r.error();
        open = true;
        return {};
    }
    Result<void> commit() {
        open = false;
        auto r = conn.exec("COMMIT");
        if (!r)
            return r.error();
        return {};
    }
    void rollback() {
        if (open)
            (void)conn.exec("ROLLBACK");
        open = false;
    }
};

std::string params_json(const RunOptions& o) {
    json::object p;
    p["trigger"] = to_string(o.trigger);
    if (o.request.date)
        p["date"] = *o.request.date;
    if (o.request.full)
        p["full"] = true;
    return json::serialize(p);
}

}  // namespace

std::string_view to_string(Trigger t) {
    switch (t) {
        case Trigger::Schedule:
            return "schedule";
        case Trigger::Api:
            return "api";
        case Trigger::Cli:
            return "cli";
        case Trigger::Import:
            return "import";
    }
    return "cli";
}

std::string_view to_string(RunStatus s) {
    switch (s) {
        case RunStatus::Success:
            return "SUCCESS";
        case RunStatus::Failed:
            return "FAILED";
        case RunStatus::Skipped:
            return "SKIPPED";
    }
    return "FAILED";
}

std::string instance_name(std::string_view suffix) {
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0)
        host[0] = '\0';
    std::string out = std::string(host) + ":" + std::to_string(getpid());
    if (!suffix.empty())
        out += "/" + std::string(suffix);
    return out;
}

Result<long long> reap_abandoned_runs(db::SyncConnection& conn, std::string_view job_name) {
    auto r = conn.exec(sql::reap_abandoned, db::params(job_name, db::locks::kJobPrefix));
    if (!r)
        return r.error();
    return r->affected();
}

Result<RunOutcome> run_job(db::SyncConnection& conn, const Job& job, const RunOptions& o) {
    if (auto errors = request_errors(job, o.request); !errors.empty())
        return validation_error(std::move(errors));
    const std::string now = o.now.value_or(timestamp_text(clock::now()));
    auto zone = conn.exec(sql::resolve_zone, db::params(o.fallback_timezone, now));
    if (!zone)
        return zone.error();
    std::string tz(zone->get(0, db::column(*zone, "timezone"))),
        today(zone->get(0, db::column(*zone, "today")));
    // Dates are YYYY-MM-DD, so text order is date order.
    if (o.request.date && *o.request.date > today)
        return validation_error(
            {{"date", "must not be after today (" + today + " in " + tz + ")"}});
    if (auto reaped = reap_abandoned_runs(conn, job.name); !reaped)
        return reaped.error();

    auto inserted =
        conn.exec(sql::insert_run,
                  db::params(job.name, params_json(o),
                             o.instance.empty() ? instance_name(to_string(o.trigger)) : o.instance,
                             o.local_day, o.job_time.value_or(std::string(job.default_time)),
                             o.fallback_timezone, now));
    if (!inserted)
        return inserted.error();
    RunOutcome out;
    out.run_id = std::string(inserted->get(0, db::column(*inserted, "id")));

    auto finish = [&](RunStatus status, std::string message) -> Result<RunOutcome> {
        out.status = status;
        out.error = std::move(message);
        if (auto r = conn.exec(sql::finish_run,
                               db::params(out.run_id, to_string(status), std::nullopt, out.error));
            !r)
            return r.error();
        return out;
    };
    auto read_back = [&]() -> Result<RunOutcome> {
        auto row = conn.exec(sql::select_run, db::params(out.run_id));
        if (!row)
            return row.error();
        out.run_json = std::string(row->get(0, db::column(*row, "json")));
        return out;
    };

    TxGuard tx{conn};
    if (auto b = tx.begin(); !b) {
        (void)finish(RunStatus::Failed, b.error().message);
        return b.error();
    }
    auto locked = conn.exec(sql::try_lock, db::params(db::locks::job(job.name)));
    if (!locked) {
        tx.rollback();
        auto f = finish(RunStatus::Failed, locked.error().message);
        return f ? read_back() : f;
    }
    if (!locked->get_bool(0, db::column(*locked, "locked"))) {
        tx.rollback();
        auto f = finish(RunStatus::Skipped, "already running");
        return f ? read_back() : f;
    }
    Result<JobOutput> done = make_error(ErrorCode::Internal, "not run");
    Result<void> ready;
    if (o.scheduled_for) {
        auto ran = conn.exec(sql::already_ran,
                             db::params(job.name, out.run_id, o.local_day, *o.scheduled_for));
        if (ran && ran->get_bool(0, db::column(*ran, "ran"))) {
            tx.rollback();
            auto f = finish(RunStatus::Skipped, "already ran since " + *o.scheduled_for);
            return f ? read_back() : f;
        }
        if (!ran)
            ready = ran.error();
    }

    // The job's today: the date asked for, else the organisation's.
    const std::string day = o.request.date.value_or(today);
    JobContext ctx{conn, day, o.request.date.has_value(), o.request.full, tz};
    ctx.parallel = true;
    ctx.public_url =
        o.public_url;  // the run's transaction holds the lock and job_runs, no data change
    if (ready)
        if (auto z = conn.exec(sql::set_time_zone, db::params(tz)); !z)
            ready = z.error();
    if (ready)
        done = job.body(ctx);
    else
        done = ready.error();
    if (done) {
        json::object details = json::parse(done->details).as_object();
        details["today"] = day;
        details["timezone"] = tz;
        auto marked = conn.exec(sql::mark_succeeded, db::params(out.run_id, done->rows_affected,
                                                                json::serialize(details)));
        Result<void> committed = marked ? Result<void>() : Result<void>(marked.error());
        if (marked && o.audit) {
            db::Query row =
                audit::entry(*o.audit, "job.run", "job_runs", out.run_id, std::nullopt,
                             std::string(marked->get(0, db::column(*marked, "summary"))));
            auto audited = conn.exec(row.sql, row.params);
            if (!audited)
                committed = audited.error();
        }
        if (committed)
            committed = tx.commit();
        if (committed) {
            out.status = RunStatus::Success;
            out.rows_affected = done->rows_affected;
            return read_back();
        }
        done = committed.error();
    }
    tx.rollback();
    std::string message = done.error().message;
    if (o.stopping && *o.stopping)
        message = "stopped: the coach instance shut down (" + message + ")";
    spdlog::warn("job {} failed: {}", job.name, message);
    auto f = finish(RunStatus::Failed, message);
    return f ? read_back() : f;
}

}  // namespace coach::jobs
