#include "imports/recompute.hpp"

#include "dashboards/refresh.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "imports/sql.hpp"
#include "jobs/history_job.hpp"

#include <spdlog/spdlog.h>

namespace coach::imports {

Result<void> recompute_after(db::SyncConnection& conn, const std::string& import_id) {
    auto scope = conn.exec(sql::changed_metric_days, db::params(import_id));
    if (!scope)
        return scope.error();
    if (scope->empty()) {
        scope = conn.exec(sql::changed_session_days, db::params(import_id));
        if (!scope)
            return scope.error();
    }
    if (scope->empty())
        return {};  // nothing changed (every row skipped), or nothing the figures derive from
    auto agents = db::plain_array_items(scope->get(0, db::column(*scope, "agents")));
    std::string from(scope->get(0, db::column(*scope, "first_day"))),
        to(scope->get(0, db::column(*scope, "last_day")));
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
