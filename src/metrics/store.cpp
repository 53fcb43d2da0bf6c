#include "metrics/store.hpp"

#include "auth/scope_sql.hpp"
#include "db/columns.hpp"
#include "metrics/sql.hpp"

#include <boost/json.hpp>

namespace coach::metrics {
namespace json = boost::json;

awaitable<Result<ListPage>> list_metrics(db::Pool& pool, const auth::Principal& viewer,
                                         const ListFilter& f) {
    std::optional<std::string> after_date, after_agent;
    if (f.after) {
        after_date = (*f.after)[0];
        after_agent = (*f.after)[1];
    }
    auto r = co_await pool.query(
        sql::list_metrics,
        db::params(viewer.id, auth::list_reach(viewer.role, auth::Resource::Metrics), f.agent_id,
                   f.from, f.to, after_date, after_agent, f.limit + 1));
    if (!r)
        co_return r.error();
    co_return db::keyset_page(*r, f.limit, "json", {"metric_date", "agent_id"});
}

awaitable<Result<std::optional<MetricRecord>>> find_metric(db::Pool& pool, const std::string& id) {
    auto r = co_await pool.query(sql::find_metric, db::params(id));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<MetricRecord>{};
    co_return std::optional<MetricRecord>{
        MetricRecord{std::string(r->get(0, db::column(*r, "json"))),
                     auth::subject_at(*r, 0, auth::SubjectColumns(*r)),
                     std::string(r->get(0, db::column(*r, "agent_id"))),
                     std::string(r->get(0, db::column(*r, "metric_date"))),
                     r->get_bool(0, db::column(*r, "archived"))}};
}

awaitable<Result<std::vector<WriteOutcome>>> upsert_metrics(db::Transaction& tx,
                                                            const auth::Principal& writer,
                                                            const std::vector<Write>& rows) {
    std::vector<WriteOutcome> out;
    if (rows.empty())
        co_return out;
    json::array input;
    input.reserve(rows.size());
    for (const Write& w : rows) {
        json::object o;
        o["idx"] = w.index;
        o["agent_id"] = w.row->agent_id;
        o["metric_date"] = w.row->metric_date;
        for (std::size_t i = 0; i < kMetricColumns.size(); ++i)
            if (w.row->values[i])
                o[kMetricColumns[i]] = *w.row->values[i];  // text: PostgreSQL reads it exactly
        input.push_back(std::move(o));
    }
    auto r = co_await tx.query(
        sql::upsert_metrics,
        db::params(writer.id, auth::to_string(writer.role), json::serialize(input)));
    if (!r)
        co_return r.error();
    const int idx = db::column(*r, "idx"), visible = db::column(*r, "visible"),
              id = db::column(*r, "id"), status = db::column(*r, "status");
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i) {
        WriteOutcome o{static_cast<std::size_t>(r->get_int(i, idx)), std::string(r->get(i, status)),
                       r->get_optional(i, id), std::nullopt};
        if (o.status == "error") {
            o.id.reset();
            o.error = r->get_bool(i, visible) ? FieldError{"agent_id", "must be an agent"}
                                              : FieldError{"agent_id", "not found"};
        }
        out.push_back(std::move(o));
    }
    co_return out;
}

awaitable<Result<std::optional<std::string>>> delete_metric(db::Transaction& tx,
                                                            const std::string& id) {
    auto r = co_await tx.query(sql::delete_metric, db::params(id));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<std::string>{};
    co_return std::optional<std::string>{std::string(r->get(0, db::column(*r, "json")))};
}

}  // namespace coach::metrics
