#include "imports/recompute.hpp"

#include "dashboards/refresh.hpp"
#include "db/arrays.hpp"
#include "jobs/history_job.hpp"

#include <spdlog/spdlog.h>

namespace coach::imports {

namespace {

// The agents (uuid[] as text) and the first and last metric day an import changed.
constexpr std::string_view kChangedScope = R"sql(
SELECT array_agg(DISTINCT agent_id)::text, min(first_day)::text, max(last_day)::text
  FROM import_metric_change_spans
 WHERE import_id = $1::uuid
HAVING count(*) > 0)sql";

// COACHING_HISTORY imports: the agents and days of the sessions they inserted or updated,
// as they are after the import and as they were before it (history annotations list the
// completed sessions by day).
constexpr std::string_view kChangedSessions = R"sql(
SELECT array_agg(DISTINCT agent_id)::text, min(day)::text, max(day)::text
  FROM (SELECT agent_id, occurred_on AS day FROM import_row_changes
         WHERE import_id = $1::uuid AND table_name = 'coaching_sessions'
        UNION ALL
        SELECT (before->>'agent_id')::uuid,
               coalesce(before->>'actual_start_time', before->>'scheduled_date')::timestamptz::date
          FROM import_row_changes
         WHERE import_id = $1::uuid AND table_name = 'coaching_sessions'
           AND action = 'UPDATED') changed
HAVING count(*) > 0)sql";

}  // namespace

Result<void> recompute_after(db::SyncConnection& conn, const std::string& import_id) {
    auto scope = conn.exec(kChangedScope, db::params(import_id));
    if (!scope)
        return scope.error();
    if (scope->empty()) {
        scope = conn.exec(kChangedSessions, db::params(import_id));
        if (!scope)
            return scope.error();
    }
    if (scope->empty())
        return {};  // nothing changed (every row skipped), or nothing the figures derive from
    auto agents = db::plain_array_items(scope->get(0, 0));
    std::string from(scope->get(0, 1)), to(scope->get(0, 2));
    // Snapshots first: the dashboards are what people look at right after an import.
    if (auto r = dashboards::refresh_snapshots_sync(conn, agents); !r)
        return r.error();
    return jobs::recompute_after_import(conn, agents, from, to);
}

void recompute_after_or_warn(db::SyncConnection& conn, const std::string& import_id) {
    if (auto r = recompute_after(conn, import_id); !r)
        spdlog::warn(
            "import {}: dashboards and history not recomputed ({}); the nightly jobs "
            "will do it (after a rollback, run `coach jobs run history --full`)",
            import_id, r.error().message);
}

}  // namespace coach::imports
