#include "imports/recompute.hpp"

#include "dashboards/refresh.hpp"
#include "db/arrays.hpp"
#include "jobs/history_job.hpp"

#include <spdlog/spdlog.h>

namespace coach::imports {

namespace {

// The agents (uuid[] as text) and the first and last metric day an import changed.
constexpr std::string_view kChangedScope = R"sql(
SELECT array_agg(DISTINCT agent_id)::text, min(metric_date)::text, max(metric_date)::text
  FROM import_changes
 WHERE import_id = $1::uuid
HAVING count(*) > 0)sql";

}  // namespace

Result<void> recompute_after(db::SyncConnection& conn, const std::string& import_id) {
    auto scope = conn.exec(kChangedScope, db::params(import_id));
    if (!scope)
        return scope.error();
    if (scope->empty())
        return {};  // nothing changed (every row skipped)
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
            "will do it",
            import_id, r.error().message);
}

}  // namespace coach::imports
