// Rollback of an import and start-up recovery of interrupted ones (declared in importer.hpp).
#include "audit/audit.hpp"
#include "auth/scope_sql.hpp"
#include "core/offload.hpp"
#include "core/text.hpp"
#include "db/advisory_locks.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "db/sync_connection.hpp"
#include "imports/importer.hpp"
#include "imports/recompute.hpp"
#include "imports/rules.hpp"
#include "imports/sql.hpp"
#include "imports/table_import.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

namespace coach::imports {
namespace json = boost::json;

namespace {

// A rollback statement of the other types (import_row_changes) for `target`'s table: the
// template's {table}, {key}, {columns} and {previous} filled from kTableTargets.
std::string row_sql(std::string_view pattern, const TableTarget& target) {
    std::string previous;
    std::string_view cols = target.columns;
    while (!cols.empty()) {
        auto comma = cols.find(',');
        previous +=
            fmt::format("{}r.{}", previous.empty() ? "" : ", ", trim(cols.substr(0, comma)));
        if (comma == std::string_view::npos)
            break;
        cols.remove_prefix(comma + 1);
    }
    return fmt::format(fmt::runtime(pattern), fmt::arg("table", target.table),
                       fmt::arg("key", target.key), fmt::arg("columns", target.columns),
                       fmt::arg("previous", previous));
}

// conflicts.sql for a METRICS import (no target) or `target`'s table.
std::string conflicts_sql(const TableTarget* target) {
    if (!target)
        return fmt::format(
            fmt::runtime(sql::conflicts), fmt::arg("changes", "import_metric_changes"),
            fmt::arg("updates", "import_changes"), fmt::arg("table", "performance_metrics"),
            fmt::arg("match", "t.agent_id = c.agent_id AND t.metric_date = c.metric_date"));
    return fmt::format(fmt::runtime(sql::conflicts), fmt::arg("changes", "import_row_changes"),
                       fmt::arg("updates", "import_row_changes"), fmt::arg("table", target->table),
                       fmt::arg("match", fmt::format("t.{} = c.row_id", target->key)));
}

Result<void> rollback(db::SyncConnection& conn, const std::string& id, const Actor& actor,
                      bool force) {
    if (auto r = conn.exec_script("BEGIN"); !r)
        return r.error();
    auto log = conn.exec(sql::lock_log, db::params(id));
    if (!log)
        return log.error();
    if (log->empty())
        return not_found();
    const Principal me{actor.id, actor.role};
    const auth::Subject importer = auth::subject_at(*log, 0, auth::SubjectColumns(*log));
    if (!auth::in_scope(me, importer))
        return not_found();
    if (!auth::may(me, auth::Resource::Imports, auth::Action::Update, importer))
        return make_error(ErrorCode::Forbidden, "You may not roll back this import.");
    std::string status(log->get(0, db::column(*log, "status")));
    auto to = transition({parse_status(status), log->get_bool(0, db::column(*log, "dry_run")),
                          log->get_bool(0, db::column(*log, "rollback_available"))},
                         Action::RollBack, actor.role);
    if (!to)
        return to.error();

    const TableTarget* target = table_target(log->get(0, db::column(*log, "import_type")));
    auto conflicts = conn.exec(conflicts_sql(target), db::params(id));
    if (!conflicts)
        return conflicts.error();
    long long changed = conflicts->get_int(0, db::column(*conflicts, "changed"));
    if (changed > 0 && !force) {
        auto later = conn.exec(sql::later_imports, db::params(id));
        if (!later)
            return later.error();
        Error e = make_error(
            ErrorCode::Conflict,
            fmt::format("{} of the rows this import changed were changed again since{}; roll "
                        "those changes back first, or send force=true to restore this import's "
                        "previous values anyway.",
                        changed, later->empty() ? " (edited)" : " by later imports"));
        const int later_id = db::column(*later, "id");
        for (int i = 0; i < later->rows(); ++i)
            e.details.push_back({"import_id", std::string(later->get(i, later_id)) +
                                                  " changed the same rows later"});
        if (later->empty())
            e.details.push_back({"rows", std::to_string(changed) + " rows were edited after this "
                                                                   "import"});
        return e;
    }
    long long removed = 0, restored_rows = 0;
    if (target) {
        if (auto r = conn.exec(sql::keep_updated_at); !r)
            return r.error();
        auto restored = conn.exec(row_sql(sql::restore_rows, *target), db::params(id));
        if (!restored)
            return restored.error();
        restored_rows = restored->affected();
        // Only the restored rows keep their old updated_at: not the log, nor what the
        // commit's triggers write (coaching facts).
        if (auto r = conn.exec(sql::stamp_updated_at); !r)
            return r.error();
        auto deleted = conn.exec(row_sql(sql::delete_imported_rows, *target), db::params(id));
        if (!deleted) {
            if (deleted.error().sqlstate == "23503")
                return make_error(ErrorCode::Conflict,
                                  "Rows this import created are used by other data since (" +
                                      deleted.error().message +
                                      "); they cannot be removed, so the import cannot be rolled "
                                      "back.");
            return deleted.error();
        }
        removed = deleted->get_int(0, db::column(*deleted, "removed"));
    } else {
        auto deleted = conn.exec(sql::delete_imported_metrics, db::params(id));
        if (!deleted)
            return deleted.error();
        auto restored = conn.exec(sql::restore_metrics, db::params(id));
        if (!restored)
            return restored.error();
        removed = deleted->get_int(0, db::column(*deleted, "removed"));
        restored_rows = restored->affected();
    }
    auto marked =
        conn.exec(sql::mark_rolled_back, db::params(id, actor.id, to_string(*to), status));
    if (!marked)
        return marked.error();
    if (marked->affected() == 0)
        return changed_meanwhile();
    json::object before{{"status", status}};
    json::object after{{"status", to_string(*to)},
                       {"removed_rows", removed},
                       {"restored_rows", restored_rows},
                       {"conflicting_rows", changed},
                       {"forced", force}};
    db::Query row = audit::entry(actor.origin(), "import.rollback", "import_logs", id,
                                 json::serialize(before), json::serialize(after));
    auto audit = conn.exec(row.sql, row.params);
    if (!audit)
        return audit.error();
    if (auto owed = conn.exec(sql::owe_recompute, db::params(id)); !owed)
        return owed.error();
    if (auto r = conn.exec_script("COMMIT"); !r)
        return r.error();
    return {};
}

}  // namespace

Result<void> rollback_import(const std::string& database_url, const std::string& time_zone,
                             const std::string& import_id, const Actor& actor, bool force) {
    try {
        auto conn = db::SyncConnection::open(database_url, time_zone);
        if (!conn)
            return conn.error();
        auto r = rollback(*conn, import_id, actor, force);
        if (!r) {
            (void)conn->exec_script("ROLLBACK");
            return r;
        }
        recompute_after_or_warn(*conn, import_id);
        return r;
    } catch (const std::exception& e) {
        return make_error(ErrorCode::Internal, std::string("rollback failed: ") + e.what());
    }
}

db::Query fail_interrupted_query() {
    std::vector<std::string> from;
    for (auto s : statuses_allowing(Action::Fail))
        from.emplace_back(to_string(s));
    return {sql::fail_interrupted,
            db::params(to_string(Status::Failed), db::text_array(from), db::locks::kImportRun)};
}

boost::asio::awaitable<void> sweep_interrupted_imports(db::Pool& pool,
                                                       boost::asio::thread_pool& long_work,
                                                       std::string database_url,
                                                       std::string time_zone) {
    const db::Query q = fail_interrupted_query();
    auto r = co_await pool.query(q.sql, q.params);
    if (!r && r.error().code == ErrorCode::Unavailable) {
        spdlog::debug("interrupted imports: the database is not reachable; next time");
        co_return;
    }
    if (!r)
        spdlog::warn("could not check for interrupted imports: {}", r.error().message);
    else if (r->affected() > 0)
        spdlog::warn("{} interrupted import(s) marked FAILED", r->affected());
    auto owed = co_await pool.query(sql::owed_recomputes);
    if (!owed || owed->empty())
        co_return;
    auto work = [url = std::move(database_url), zone = std::move(time_zone)]() -> std::size_t {
        auto conn = db::SyncConnection::open(url, zone);
        return conn ? recompute_owed(*conn) : 0;
    };
    // Owed also while an import's own recompute runs: that one is skipped here (its lock).
    std::size_t owed_count = co_await offload(long_work, std::move(work));
    spdlog::info("{} import(s) with a recompute owed: done here, or by the one running it",
                 owed_count);
}

}  // namespace coach::imports
