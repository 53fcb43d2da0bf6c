#include "imports/recompute.hpp"

#include "dashboards/refresh.hpp"
#include "db/advisory_locks.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "imports/sql.hpp"
#include "jobs/history_job.hpp"

#include <spdlog/spdlog.h>

namespace coach::imports {

namespace {

Result<void> recompute(db::SyncConnection& conn, const std::string& import_id) {
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

}  // namespace

Result<void> recompute_after(db::SyncConnection& conn, const std::string& import_id) {
    auto locked =
        conn.exec(sql::lock_recompute, db::params(db::locks::kImportRecompute, import_id));
    if (!locked)
        return locked.error();
    if (!locked->get_bool(0, db::column(*locked, "locked")))
        return {};  // it runs on another connection (the importer's, or a sweep's)
    auto done = recompute(conn, import_id);
    if (done) {
        if (auto settled = conn.exec(sql::settle_recompute, db::params(import_id)); !settled)
            done = settled.error();
    }
    (void)conn.exec(sql::unlock_recompute, db::params(db::locks::kImportRecompute, import_id));
    return done;
}

std::size_t recompute_owed(db::SyncConnection& conn) {
    auto owed = conn.exec(sql::owed_recomputes);
    if (!owed) {
        spdlog::warn("owed recomputes not read: {}", owed.error().message);
        return 0;
    }
    for (int i = 0; i < owed->rows(); ++i)
        recompute_after_or_warn(conn, std::string(owed->get(i, db::column(*owed, "id"))));
    return static_cast<std::size_t>(owed->rows());
}

void recompute_after_or_warn(db::SyncConnection& conn, const std::string& import_id) {
    if (auto r = recompute_after(conn, import_id); !r)
        spdlog::warn(
            "import {}: dashboards and history not recomputed ({}); it stays owed, the next "
            "sweep of imports (within a minute) tries again",
            import_id, r.error().message);
}

}  // namespace coach::imports
