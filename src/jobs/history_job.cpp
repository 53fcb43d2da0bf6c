#include "jobs/history_job.hpp"

#include "db/arrays.hpp"
#include "history/refresh.hpp"
#include "http/json_input.hpp"
#include "jobs/runner.hpp"
#include "jobs/work.hpp"

#include <fmt/format.h>
#include <libpq-fe.h>

#include <boost/json.hpp>

namespace coach::jobs {
namespace json = boost::json;

namespace {

// DECISION: incremental = the metric rows, sessions, plans and action items written
// (updated_at) since the start of the last successful incremental or full run, less a margin
// of one hour: a writer that began
// its transaction before that run started (so its updated_at is earlier) but committed after
// the run read the metrics is still picked up next time. Recomputing a period twice is
// harmless. Deleted rows leave no trace here (a deleted completed session keeps its annotation
// until the period is recomputed for another reason or rebuilt in full); for metrics, whoever
// deletes metrics recomputes (history::refresh_history after an API delete, recompute_after_import
// after a rollback).

constexpr std::string_view kWatermark = R"sql(
SELECT max(started_at)::text
  FROM job_runs
 WHERE job_name = 'history' AND status = 'SUCCESS'
   AND params->>'date' IS NULL
   AND params->>'mode' IN ('incremental', 'full'))sql";

// The days and agents whose history changed since $1 (less the margin), up to today ($2):
// metric rows written, and the annotation events (0003's `events`, dated the same way) of
// sessions, plans and action items written since.
const std::string kChanged = fmt::format(R"sql(
WITH changed (agent_id, day) AS (
    SELECT agent_id, metric_date FROM performance_metrics WHERE updated_at > {0}
    UNION ALL
    SELECT agent_id, coalesce(actual_start_time, scheduled_date)::date
      FROM coaching_sessions WHERE updated_at > {0}
    UNION ALL
    SELECT agent_id, start_date FROM action_plans WHERE updated_at > {0}
    UNION ALL
    SELECT agent_id, actual_end_date FROM action_plans
     WHERE updated_at > {0} AND actual_end_date IS NOT NULL
    UNION ALL
    SELECT agent_id, completed_date::date FROM action_items
     WHERE updated_at > {0} AND completed_date IS NOT NULL
)
SELECT min(day)::text, max(day)::text, array_agg(DISTINCT agent_id)::text
  FROM changed
 WHERE day <= $2::date)sql",
                                         "$1::timestamptz - interval '1 hour'");

// DECISION: a full rebuild starts at the earliest metric day, live or archived, but not
// before the retention horizon (history older than 3 years is deleted by retention anyway).
constexpr std::string_view kEarliest = R"sql(
SELECT greatest(least((SELECT min(metric_date) FROM performance_metrics),
                      (SELECT min(metric_date) FROM performance_metrics_archive)),
                ($1::date - interval '3 years')::date)::text
 WHERE least((SELECT min(metric_date) FROM performance_metrics),
             (SELECT min(metric_date) FROM performance_metrics_archive)) <= $1::date)sql";

constexpr std::string_view kInsertImportRun = R"sql(
INSERT INTO job_runs (job_name, status, params, instance)
VALUES ('history', 'RUNNING', $1::jsonb, $2)
RETURNING id)sql";
constexpr std::string_view kImportRunDone = R"sql(
UPDATE job_runs
   SET status = $2::job_run_status, finished_at = clock_timestamp(), rows_affected = $3,
       error = $4
 WHERE id = $1::uuid)sql";

std::string details(std::string_view mode, const std::optional<std::string>& from,
                    const std::optional<std::string>& to, const std::optional<long long>& agents) {
    json::object d;
    d["mode"] = mode;
    d["from"] = from ? json::value(*from) : json::value(nullptr);
    d["to"] = to ? json::value(*to) : json::value(nullptr);
    d["agents"] = agents ? json::value(*agents) : json::value(nullptr);  // null: every agent
    return json::serialize(d);
}

// Refreshes of at least this many agents (or all) run in parts at once (Spread::InParts) when the
// context allows it: the full rebuild and the recompute after a large import.
constexpr std::size_t kParallelAgents = 200;

Result<long long> refresh(JobContext& c, std::optional<std::vector<std::string>> agents,
                          const std::string& from, const std::string& to) {
    const bool spread = c.parallel && (!agents || agents->size() >= kParallelAgents);
    return history::refresh_history_sync(
        c.conn, std::move(agents), from, to,
        spread ? history::Spread::InParts : history::Spread::OneConnection);
}

}  // namespace

// The periods are recomputed by history::refresh_history_sync (0003's
// refresh_performance_history_for_days): every WEEK, MONTH and QUARTER containing a day of
// [from, to], plus the period after (its trend compares with the changed one). It takes the
// history lock, which this transaction already holds (advisory locks are re-entrant).
Result<JobOutput> history(JobContext& c) {
    if (c.scope) {
        auto rows = refresh(c, c.scope->agents, c.scope->from, c.scope->to);
        if (!rows)
            return rows.error();
        return JobOutput{*rows, details("after_import", c.scope->from, c.scope->to,
                                        static_cast<long long>(c.scope->agents.size()))};
    }
    std::optional<std::string> watermark;
    if (!c.full) {
        auto w = c.conn.exec(kWatermark);
        if (!w)
            return w.error();
        watermark = w->get_optional(0, 0);
    }
    if (!watermark) {
        // Full (asked for, or no successful run yet): every agent, earliest day to today.
        auto e = c.conn.exec(kEarliest, db::params(c.today));
        if (!e)
            return e.error();
        if (e->empty())
            return JobOutput{0, details("full", std::nullopt, std::nullopt, std::nullopt)};
        std::string from(e->get(0, 0));
        auto rows = refresh(c, std::nullopt, from, c.today);
        if (!rows)
            return rows.error();
        return JobOutput{*rows, details("full", from, c.today, std::nullopt)};
    }
    auto changed = c.conn.exec(kChanged, db::params(*watermark, c.today));
    if (!changed)
        return changed.error();
    auto from = changed->get_optional(0, 0);
    if (!from)
        return JobOutput{0, details("incremental", std::nullopt, std::nullopt, 0)};
    std::string to(changed->get(0, 1));
    auto agents = db::plain_array_items(changed->get(0, 2));
    auto rows = refresh(c, agents, *from, to);
    if (!rows)
        return rows.error();
    return JobOutput{*rows,
                     details("incremental", from, to, static_cast<long long>(agents.size()))};
}

Result<void> recompute_after_import(db::SyncConnection& conn,
                                    const std::vector<std::string>& agent_ids,
                                    const std::string& from, const std::string& to) {
    std::vector<FieldError> errors;
    for (const auto& id : agent_ids)
        if (!http::is_uuid(id)) {
            errors.push_back({"agent_ids", "must be UUIDs"});
            break;
        }
    if (!http::is_date(from))
        errors.push_back({"from", "must be a date (YYYY-MM-DD)"});
    if (!http::is_date(to))
        errors.push_back({"to", "must be a date (YYYY-MM-DD)"});
    if (errors.empty() && to < from)
        errors.push_back({"to", "must not be before from"});
    if (!errors.empty())
        return validation_error(std::move(errors));
    if (agent_ids.empty())
        return {};

    HistoryScope scope{agent_ids, from, to};
    JobContext ctx{conn, to, false, false, "UTC", &scope};
    if (PQtransactionStatus(conn.raw()) != PQTRANS_IDLE) {
        // Inside the caller's transaction: recompute there, the caller commits.
        auto done = history(ctx);
        if (!done)
            return done.error();
        return {};
    }

    ctx.parallel = true;  // the import has committed; this transaction only recomputes
    json::object params =
        json::parse(details("after_import", from, to, static_cast<long long>(agent_ids.size())))
            .as_object();
    params["trigger"] = to_string(Trigger::Import);
    auto run =
        conn.exec(kInsertImportRun, db::params(json::serialize(params), instance_name("import")));
    if (!run)
        return run.error();
    std::string run_id(run->get(0, 0));
    // One transaction: the recompute and its SUCCESS commit together.
    Result<JobOutput> done = make_error(ErrorCode::Internal, "not run");
    if (auto b = conn.exec("BEGIN"); !b) {
        done = b.error();
    } else {
        done = history(ctx);
        if (done)
            if (auto m = conn.exec(kImportRunDone, db::params(run_id, "SUCCESS",
                                                              done->rows_affected, std::nullopt));
                !m)
                done = m.error();
        if (done)
            if (auto c = conn.exec("COMMIT"); !c)
                done = c.error();
    }
    if (done)
        return {};
    if (PQtransactionStatus(conn.raw()) != PQTRANS_IDLE)
        (void)conn.exec("ROLLBACK");
    (void)conn.exec(kImportRunDone,
                    db::params(run_id, "FAILED", std::nullopt, done.error().message));
    return done.error();
}

}  // namespace coach::jobs
