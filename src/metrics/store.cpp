#include "metrics/store.hpp"

#include "auth/scope_sql.hpp"

#include <fmt/format.h>
#include <boost/json.hpp>

namespace coach::metrics {
namespace json = boost::json;

namespace {

// SQL types of kMetricColumns, in the same order (json_to_recordset's record definition).
constexpr std::array<std::string_view, kMetricColumns.size()> kColumnTypes = {
    "numeric(5,2)", "numeric(5,2)", "numeric(5,2)", "numeric(5,2)", "numeric(5,2)",
    "numeric(3,2)", "numeric(5,2)", "integer",      "integer",      "integer",
    "integer",      "numeric(4,2)", "numeric(4,2)", "integer",      "integer",
    "integer",      "numeric(5,2)", "numeric(5,2)", "numeric(5,2)", "varchar(255)"};

std::string joined(std::string_view prefix, std::string_view sep) {
    std::string out;
    for (auto c : kMetricColumns)
        out += fmt::format("{}{}{}", out.empty() ? "" : sep, prefix, c);
    return out;
}

std::string record_definition() {
    std::string out = "idx integer, agent_id uuid, metric_date date";
    for (std::size_t i = 0; i < kMetricColumns.size(); ++i)
        out += fmt::format(", {} {}", kMetricColumns[i], kColumnTypes[i]);
    return out;
}

std::string update_set() {
    std::string out;
    for (auto c : kMetricColumns)
        out += fmt::format("{}{} = EXCLUDED.{}", out.empty() ? "" : ",\n       ", c, c);
    return out;
}

// Columns of one row (live, else archived: DESIGN 7, agent pages read the archive for older
// days), then the agent's scope subject (as auth::kSubjectSql), agent_id, date, archived.
const std::string kFind = R"sql(
SELECT pm.j::text,
       u.id, u.role, u.team_leader_id, u.manager_id, tl.manager_id, u.deleted_at IS NOT NULL,
       pm.agent_id, pm.metric_date::text, pm.archived
  FROM (SELECT row_to_json(m) AS j, m.agent_id, m.metric_date, false AS archived
          FROM performance_metrics m WHERE m.id = $1::uuid
        UNION ALL
        SELECT row_to_json(a), a.agent_id, a.metric_date, true
          FROM performance_metrics_archive a WHERE a.id = $1::uuid
         ORDER BY archived
         LIMIT 1) pm
  JOIN users u ON u.id = pm.agent_id
  LEFT JOIN users tl ON tl.id = u.team_leader_id)sql";

// $1 viewer, $2 viewer role, $3 agent, $4 from, $5 to, $6/$7 cursor (date, agent), $8 limit.
// Live rows and archived ones (a day both live and archived shows the live row, as in 0003's
// history); the filters reach into both branches of the UNION ALL.
const std::string kList = R"sql(
SELECT row_to_json(pm)::text AS json, pm.metric_date::text AS metric_date, pm.agent_id::text AS agent_id
  FROM (SELECT * FROM performance_metrics
        UNION ALL
        SELECT a.* FROM performance_metrics_archive a
         WHERE NOT EXISTS (SELECT 1 FROM performance_metrics l
                            WHERE l.agent_id = a.agent_id AND l.metric_date = a.metric_date)) pm
  JOIN users u ON u.id = pm.agent_id
 WHERE )sql" + auth::scope_predicate("$1", "$2") +
                          R"sql(
   AND ($3::uuid IS NULL OR pm.agent_id = $3::uuid)
   AND ($4::date IS NULL OR pm.metric_date >= $4::date)
   AND ($5::date IS NULL OR pm.metric_date <= $5::date)
   AND ($6::date IS NULL OR (pm.metric_date, pm.agent_id) < ($6::date, $7::uuid))
 ORDER BY pm.metric_date DESC, pm.agent_id DESC
 LIMIT $8)sql";

// $1 writer, $2 writer role, $3 JSON array of rows {idx, agent_id, metric_date, <columns>}.
// One statement: input rows, their agent checked against the writer's scope (live AGENTs
// only), the upsert (an identical row is left alone), then one result per input row:
// idx, visible, is_agent, id, status.
const std::string kUpsert = fmt::format(
    R"sql(
WITH input AS (
    SELECT * FROM json_to_recordset($3::json) AS r({record})
),
target AS (
    SELECT i.idx, i.agent_id, i.metric_date,
           u.id IS NOT NULL AS visible, coalesce(u.role = 'AGENT', false) AS is_agent
      FROM input i
      LEFT JOIN users u ON u.id = i.agent_id AND u.deleted_at IS NULL AND {scope}
),
upserted AS (
    INSERT INTO performance_metrics AS pm (agent_id, metric_date, {columns})
    SELECT i.agent_id, i.metric_date, {input_columns}
      FROM input i JOIN target t ON t.idx = i.idx
     WHERE t.is_agent
    ON CONFLICT (agent_id, metric_date) DO UPDATE SET
       {set}
     WHERE ({old_columns}) IS DISTINCT FROM ({new_columns})
    RETURNING pm.id, pm.agent_id, pm.metric_date, pm.xmax = 0 AS inserted
)
SELECT t.idx, t.visible, t.is_agent, coalesce(w.id, old.id)::text,
       CASE WHEN NOT t.is_agent THEN 'error'
            WHEN w.id IS NULL THEN 'unchanged'
            WHEN w.inserted THEN 'created'
            ELSE 'updated' END
  FROM target t
  LEFT JOIN upserted w ON w.agent_id = t.agent_id AND w.metric_date = t.metric_date
  LEFT JOIN performance_metrics old ON old.agent_id = t.agent_id AND old.metric_date = t.metric_date
 ORDER BY t.idx)sql",
    fmt::arg("record", record_definition()), fmt::arg("scope", auth::scope_predicate("$1", "$2")),
    fmt::arg("columns", joined("", ", ")), fmt::arg("input_columns", joined("i.", ", ")),
    fmt::arg("set", update_set()), fmt::arg("old_columns", joined("pm.", ", ")),
    fmt::arg("new_columns", joined("EXCLUDED.", ", ")));

constexpr std::string_view kDelete =
    "DELETE FROM performance_metrics pm WHERE pm.id = $1::uuid RETURNING row_to_json(pm)::text";

}  // namespace

awaitable<Result<ListPage>> list_metrics(db::Pool& pool, const auth::Principal& viewer,
                                         const ListFilter& f) {
    std::optional<std::string> after_date, after_agent;
    if (f.after) {
        after_date = (*f.after)[0];
        after_agent = (*f.after)[1];
    }
    auto r =
        co_await pool.query(kList, db::params(viewer.id, auth::to_string(viewer.role), f.agent_id,
                                              f.from, f.to, after_date, after_agent, f.limit + 1));
    if (!r)
        co_return r.error();
    co_return db::keyset_page(*r, f.limit, "json", {"metric_date", "agent_id"});
}

awaitable<Result<std::optional<MetricRecord>>> find_metric(db::Pool& pool, const std::string& id) {
    auto r = co_await pool.query(kFind, db::params(id));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<MetricRecord>{};
    auth::Subject s{
        std::string(r->get(0, 1)), auth::parse_role(r->get(0, 2)).value_or(auth::Role::Agent),
        r->get_optional(0, 3),     r->get_optional(0, 4),
        r->get_optional(0, 5),     r->get_bool(0, 6)};
    co_return std::optional<MetricRecord>{
        MetricRecord{std::string(r->get(0, 0)), std::move(s), std::string(r->get(0, 7)),
                     std::string(r->get(0, 8)), r->get_bool(0, 9)}};
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
        kUpsert, db::params(writer.id, auth::to_string(writer.role), json::serialize(input)));
    if (!r)
        co_return r.error();
    out.reserve(r->rows());
    for (int i = 0; i < r->rows(); ++i) {
        WriteOutcome o{static_cast<std::size_t>(r->get_int(i, 0)), std::string(r->get(i, 4)),
                       r->get_optional(i, 3), std::nullopt};
        if (o.status == "error") {
            o.id.reset();
            o.error = r->get_bool(i, 1) ? FieldError{"agent_id", "must be an agent"}
                                        : FieldError{"agent_id", "not found"};
        }
        out.push_back(std::move(o));
    }
    co_return out;
}

awaitable<Result<std::optional<std::string>>> delete_metric(db::Transaction& tx,
                                                            const std::string& id) {
    auto r = co_await tx.query(kDelete, db::params(id));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<std::string>{};
    co_return std::optional<std::string>{std::string(r->get(0, 0))};
}

}  // namespace coach::metrics
