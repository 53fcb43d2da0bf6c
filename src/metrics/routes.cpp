// The metrics routes. JSON: rows as PostgreSQL writes them (row_to_json in the statements),
// passed through; a PUT's per-row results with Boost.JSON, here.
#include "metrics/routes.hpp"

#include "audit/audit.hpp"
#include "dashboards/refresh.hpp"
#include "history/refresh.hpp"
#include "http/collection.hpp"
#include "http/export.hpp"
#include "http/handler.hpp"
#include "http/json_input.hpp"
#include "http/response.hpp"
#include "http/services.hpp"
#include "metrics/metric_input.hpp"
#include "metrics/range_query.hpp"
#include "metrics/store.hpp"

#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <set>

namespace coach::metrics {
namespace json = boost::json;

namespace {

// History follows the metrics at once (docs/domain.md, "Performance history"): the periods holding
// the changed days are recomputed after the commit (the dashboard snapshots of the agents, inside
// it). While a history job holds the lock, the request waits at most history::kRefreshLockWait and
// the refresh goes on in the background (history/refresh.hpp). A failure leaves the metrics
// written; it is logged and the history job's next run recomputes those periods (updated_at) --
// deletions excepted, hence the warning.
awaitable<void> refresh_after_write(RequestContext& ctx, std::vector<std::string> agents,
                                    std::string from, std::string to) {
    auto r = co_await history::refresh_history(ctx.db, std::move(agents), from, to);
    if (!r)
        spdlog::warn("history refresh after a metrics write failed ({} .. {}): {}", from, to,
                     r.error().message);
}

// The metric row in the caller's scope, or 404.
awaitable<Result<MetricRecord>> visible_metric(RequestContext& ctx, const std::string& id) {
    auto row = co_await find_metric(ctx.db, id);
    if (!row)
        co_return row.error();
    if (!*row || !auth::may(ctx.me(), auth::Resource::Metrics, auth::Action::Read, (*row)->subject))
        co_return not_found();
    co_return std::move(**row);
}

awaitable<Result<Response>> list(RequestContext& ctx) {
    std::vector<FieldError> errors;
    RangeQuery q = read_range_query(ctx, errors);
    if (!errors.empty())
        co_return validation_error(std::move(errors));
    if (q.agent_id) {
        auto ok = co_await require_readable(ctx, *q.agent_id);
        if (!ok)
            co_return ok.error();
    }
    ListFilter f{q.agent_id, q.from, q.to, q.page.limit, q.page.after};
    co_return http::collection_response(co_await list_metrics(ctx.db, ctx.me(), f));
}

awaitable<Result<Response>> get(RequestContext& ctx) {
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    auto row = co_await visible_metric(ctx, *id);
    if (!row)
        co_return row.error();
    co_return http::json_text(http::Status::ok, std::move(row->json));
}

json::array errors_json(const std::vector<FieldError>& errors) {
    json::array a;
    for (const auto& e : errors)
        a.push_back({{"field", e.field}, {"message", e.message}});
    return a;
}

// PUT: one object or an array of rows; 200 with one result per row, in request order:
//   {"items": [{"index", "status": created|updated|unchanged|error, "id", "agent_id",
//               "metric_date", "errors"?}], "summary": {created, updated, unchanged, failed}}
// Valid rows are written even when others fail (per-row results).
awaitable<Result<Response>> put(RequestContext& ctx) {
    const auth::Principal& me = ctx.me();
    if (!auth::role_may(me.role, auth::Resource::Metrics, auth::Action::Create) ||
        !auth::role_may(me.role, auth::Resource::Metrics, auth::Action::Update))
        co_return make_error(ErrorCode::Forbidden,
                             "Only administrators and managers may write metrics.");
    std::string today = today_anywhere();
    auto rows = parse_metric_request(ctx.request, today);
    if (!rows)
        co_return rows.error();

    std::vector<Write> writes;
    for (std::size_t i = 0; i < rows->size(); ++i)
        if ((*rows)[i].errors.empty())
            writes.push_back({i, &(*rows)[i].row});
    std::vector<WriteOutcome> outcomes;
    if (!writes.empty()) {
        auto tx = co_await db::Transaction::begin(ctx.db);
        if (!tx)
            co_return tx.error();
        auto r = co_await upsert_metrics(*tx, me, writes);
        if (!r)
            co_return r.error();
        outcomes = std::move(*r);
        long long created = 0, updated = 0, unchanged = 0, failed = 0;
        std::set<std::string> written;
        for (const auto& o : outcomes) {
            created += o.status == "created";
            updated += o.status == "updated";
            unchanged += o.status == "unchanged";
            failed += o.status == "error";
            if (o.status == "created" || o.status == "updated")
                written.insert((*rows)[o.index].row.agent_id);
        }
        std::vector<db::Query> last;
        if (created + updated > 0) {
            // The dashboards follow in the same transaction.
            last.push_back(dashboards::refresh_snapshots_query(
                std::vector<std::string>(written.begin(), written.end())));
            json::object summary{
                {"created", created},
                {"updated", updated},
                {"unchanged", unchanged},
                {"failed", failed + static_cast<long long>(rows->size() - writes.size())}};
            last.push_back(audit::entry(ctx.origin(), "metrics.upsert", "performance_metrics",
                                        std::nullopt, std::nullopt, json::serialize(summary)));
        }
        auto done = co_await tx->commit(std::move(last));
        if (!done)
            co_return done.error();
    }

    json::array items;
    json::object summary{{"created", 0}, {"updated", 0}, {"unchanged", 0}, {"failed", 0}};
    std::set<std::string> agents;
    std::string from, to;
    std::size_t next_outcome = 0;
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const ParsedRow& p = (*rows)[i];
        json::object item{{"index", i}};
        std::vector<FieldError> errors = p.errors;
        std::string status = "error";
        std::optional<std::string> id;
        if (errors.empty() && next_outcome < outcomes.size() && outcomes[next_outcome].index == i) {
            const WriteOutcome& o = outcomes[next_outcome++];
            status = o.status;
            id = o.id;
            if (o.error)
                errors.push_back(*o.error);
            if (status == "created" || status == "updated") {
                agents.insert(p.row.agent_id);
                if (from.empty() || p.row.metric_date < from)
                    from = p.row.metric_date;
                if (to.empty() || p.row.metric_date > to)
                    to = p.row.metric_date;
            }
        }
        item["status"] = status;
        item["id"] = id ? json::value(*id) : json::value(nullptr);
        item["agent_id"] =
            http::is_uuid(p.row.agent_id) ? json::value(p.row.agent_id) : json::value(nullptr);
        item["metric_date"] = http::is_date(p.row.metric_date) ? json::value(p.row.metric_date)
                                                               : json::value(nullptr);
        if (status == "error")
            item["errors"] = errors_json(errors);
        summary[status == "error" ? "failed" : status] =
            summary[status == "error" ? "failed" : status].as_int64() + 1;
        items.push_back(std::move(item));
    }
    if (!agents.empty()) {
        std::vector<std::string> changed(agents.begin(), agents.end());
        co_await refresh_after_write(ctx, std::move(changed), from, to);
    }
    json::object body{{"items", std::move(items)}, {"summary", std::move(summary)}};
    co_return http::json_value(http::Status::ok, body);
}

awaitable<Result<Response>> remove(RequestContext& ctx) {
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    auto current = co_await visible_metric(ctx, *id);
    if (!current)
        co_return current.error();
    if (!auth::may(ctx.me(), auth::Resource::Metrics, auth::Action::Delete, current->subject))
        co_return make_error(ErrorCode::Forbidden,
                             "Only administrators and managers may delete metrics.");
    if (current->archived)
        co_return make_error(ErrorCode::Conflict,
                             "This day is archived (older than 13 months); archived metrics are "
                             "read-only.");
    auto tx = co_await db::Transaction::begin(ctx.db);
    if (!tx)
        co_return tx.error();
    auto before = co_await delete_metric(*tx, *id);
    if (!before)
        co_return before.error();
    if (!*before)
        co_return not_found();  // deleted meanwhile
    std::vector<db::Query> last;
    std::vector<std::string> agent{current->agent_id};
    last.push_back(dashboards::refresh_snapshots_query(agent));
    last.push_back(audit::entry(ctx.origin(), "metrics.delete", "performance_metrics", *id,
                                **before, std::nullopt));
    auto done = co_await tx->commit(std::move(last));
    if (!done)
        co_return done.error();
    std::vector<std::string> agents{current->agent_id};
    co_await refresh_after_write(ctx, std::move(agents), current->metric_date,
                                 current->metric_date);
    co_return http::no_content();
}

}  // namespace

void add_routes(http::Router& router) {
    using http::Verb;
    router.add({Verb::get, "/api/v1/performance-metrics", list, http::Access::Authenticated,
                http::kJsonBodyLimit, "List daily performance metrics in the caller's scope"});
    router.add({Verb::put, "/api/v1/performance-metrics", put, http::Access::Authenticated,
                http::kJsonBodyLimit,
                "Upsert daily metrics by agent_id and metric_date (one row or up to 1000)"});
    // Before /{id}: the router takes the first pattern that matches.
    router.add({Verb::get, "/api/v1/performance-metrics/export",
                http::exported(list, {"daily-metrics",
                                      "/items",
                                      {{"Agent ID", "/agent_id"},
                                       {"Date", "/metric_date"},
                                       {"Composite", "/composite_score"},
                                       {"Service", "/service_score"},
                                       {"Productivity", "/productivity_score"},
                                       {"Quality", "/quality_score"},
                                       {"Attendance", "/attendance_rate"},
                                       {"Adherence", "/adherence_score"},
                                       {"CSAT", "/csat"},
                                       {"FCR", "/fcr"},
                                       {"AHT (s)", "/aht"},
                                       {"Calls handled", "/calls_handled"},
                                       {"Calls transferred", "/calls_transferred"},
                                       {"Calls escalated", "/calls_escalated"},
                                       {"Scheduled hours", "/scheduled_hours"},
                                       {"Actual hours", "/actual_hours"},
                                       {"QA score", "/qa_score"},
                                       {"Compliance", "/compliance_score"},
                                       {"Script adherence", "/script_adherence"}},
                                      true}),
                http::Access::Authenticated, http::kJsonBodyLimit,
                "Daily performance metrics as CSV or XLSX (the list's filters)"});
    router.add({Verb::get, "/api/v1/performance-metrics/{id}", get, http::Access::Authenticated,
                http::kJsonBodyLimit, "Get one day of metrics"});
    router.add({Verb::delete_, "/api/v1/performance-metrics/{id}", remove,
                http::Access::Authenticated, http::kJsonBodyLimit, "Delete one day of metrics"});
}

}  // namespace coach::metrics
