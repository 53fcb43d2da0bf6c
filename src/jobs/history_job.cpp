#include "jobs/history_job.hpp"

#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "history/refresh.hpp"
#include "http/json_input.hpp"
#include "jobs/runner.hpp"
#include "jobs/sql.hpp"
#include "jobs/work.hpp"

#include <libpq-fe.h>

#include <boost/json.hpp>

namespace coach::jobs {
namespace json = boost::json;

namespace {

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

// DECISION: incremental = the metric rows, sessions, plans and action items written
// (updated_at) since the start of the last successful incremental or full run, less a margin
// of one hour (jobs/sql/history_changed.sql): a writer that began its transaction before that
// run started (so its updated_at is earlier) but committed after the run read the metrics is
// still picked up next time. Recomputing a period twice is harmless. Deleted rows leave no
// trace here (a deleted completed session keeps its annotation until the period is recomputed
// for another reason or rebuilt in full); for metrics, whoever deletes metrics recomputes
// (history::refresh_history after an API delete, recompute_after_import after a rollback).
//
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
        auto w = c.conn.exec(sql::history_watermark);
        if (!w)
            return w.error();
        watermark = w->get_optional(0, db::column(*w, "started_at"));
    }
    if (!watermark) {
        // Full (asked for, or no successful run yet): every agent, earliest day to today.
        auto e = c.conn.exec(sql::history_earliest, db::params(c.today));
        if (!e)
            return e.error();
        if (e->empty())
            return JobOutput{0, details("full", std::nullopt, std::nullopt, std::nullopt)};
        std::string from(e->get(0, db::column(*e, "day")));
        auto rows = refresh(c, std::nullopt, from, c.today);
        if (!rows)
            return rows.error();
        return JobOutput{*rows, details("full", from, c.today, std::nullopt)};
    }
    auto changed = c.conn.exec(sql::history_changed, db::params(*watermark, c.today));
    if (!changed)
        return changed.error();
    auto from = changed->get_optional(0, db::column(*changed, "first_day"));
    if (!from)
        return JobOutput{0, details("incremental", std::nullopt, std::nullopt, 0)};
    std::string to(changed->get(0, db::column(*changed, "last_day")));
    auto agents = db::plain_array_items(changed->get(0, db::column(*changed, "agents")));
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
    // An import's recompute serves no day of the schedule (insert_run.sql: local_day NULL).
    auto run = conn.exec(sql::insert_run,
                         db::params("history", json::serialize(params), instance_name("import"),
                                    std::nullopt, std::nullopt, std::nullopt, std::nullopt));
    if (!run)
        return run.error();
    std::string run_id(run->get(0, db::column(*run, "id")));
    // One transaction: the recompute and its SUCCESS commit together.
    Result<JobOutput> done = make_error(ErrorCode::Internal, "not run");
    if (auto b = conn.exec("BEGIN"); !b) {
        done = b.error();
    } else {
        done = history(ctx);
        if (done)
            if (auto m = conn.exec(sql::finish_run, db::params(run_id, "SUCCESS",
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
    (void)conn.exec(sql::finish_run,
                    db::params(run_id, "FAILED", std::nullopt, done.error().message));
    return done.error();
}

}  // namespace coach::jobs
