// Rollback of an import and start-up recovery of interrupted ones (declared in importer.hpp).
#include "audit/audit.hpp"
#include "core/text.hpp"
#include "db/advisory_locks.hpp"
#include "db/arrays.hpp"
#include "db/sync_connection.hpp"
#include "imports/importer.hpp"
#include "imports/recompute.hpp"
#include "imports/rules.hpp"
#include "imports/table_import.hpp"
#include "metrics/metric_row.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

namespace coach::imports {
namespace json = boost::json;

namespace {

constexpr std::string_view kLockLog = R"sql(
SELECT status::text, dry_run, rollback_available, imported_by::text, import_type::text
  FROM import_logs WHERE id = $1::uuid FOR UPDATE)sql";

// Where an import's changes are recorded, for the two queries below: {0} every change (one
// row per changed row: action, created_at), {1} the changed table (t), {2} the join of a
// change c to t, {3} the join of c to `later` (the same row changed by another import),
// {4} the before-images of the rows it updated.
struct ChangeLog {
    std::string changes, table, row_of_change, same_row, updates;
};

// METRICS, or the type of `target` (import_row_changes).
ChangeLog change_log(const TableTarget* target) {
    if (!target)
        return {"import_metric_changes", "performance_metrics",
                "t.agent_id = c.agent_id AND t.metric_date = c.metric_date",
                "c.agent_id = later.agent_id AND c.metric_date = later.metric_date",
                "import_changes"};
    return {"import_row_changes", std::string(target->table),
            fmt::format("t.{} = c.row_id", target->key),
            "c.table_name = later.table_name AND c.row_id = later.row_id", "import_row_changes"};
}

// Locks the rows the import changed; counts those changed since: still there with another
// updated_at (an import's changes carry the updated_at it gave the row), or an updated row
// that is gone. A row the import inserted and someone deleted since is no conflict.
constexpr std::string_view kConflicts = R"sql(
WITH locked AS (
    SELECT c.action, t.updated_at = c.created_at AS unchanged
      FROM {0} c
      JOIN {1} t ON {2}
     WHERE c.import_id = $1::uuid
       FOR UPDATE OF t
)
SELECT (SELECT count(*) FROM {4} WHERE import_id = $1::uuid AND action = 'UPDATED')
       - count(*) FILTER (WHERE action = 'UPDATED')
       + count(*) FILTER (WHERE NOT unchanged)
  FROM locked)sql";

// Later completed imports that changed one of the rows this import changed.
constexpr std::string_view kLaterImports = R"sql(
SELECT l.id::text FROM import_logs l
 WHERE l.created_at > (SELECT created_at FROM import_logs WHERE id = $1::uuid)
   AND l.status IN ('SUCCESS', 'PARTIAL_SUCCESS') AND NOT l.dry_run
   AND EXISTS (SELECT 1 FROM {0} later
                 JOIN {0} c ON c.import_id = $1::uuid AND {3}
                WHERE later.import_id = l.id)
 ORDER BY l.created_at
 LIMIT 20)sql";

std::string change_sql(std::string_view pattern, const ChangeLog& log) {
    return fmt::format(fmt::runtime(pattern), log.changes, log.table, log.row_of_change,
                       log.same_row, log.updates);
}

constexpr std::string_view kDeleteChanged = R"sql(
WITH gone AS (
    DELETE FROM performance_metrics pm USING import_metric_changes c
     WHERE c.import_id = $1::uuid AND pm.agent_id = c.agent_id AND pm.metric_date = c.metric_date
    RETURNING 1
)
SELECT count(*) FROM gone)sql";

// The whole previous row of every UPDATED change, id and timestamps included.
constexpr std::string_view kRestore = R"sql(
INSERT INTO performance_metrics (id, agent_id, metric_date, {0}, created_at, updated_at)
SELECT r.id, r.agent_id, r.metric_date, {1}, r.created_at, r.updated_at
  FROM import_changes c
 CROSS JOIN LATERAL jsonb_populate_record(NULL::performance_metrics, c.before) r
 WHERE c.import_id = $1::uuid AND c.action = 'UPDATED')sql";

// $3 the new status, $4 the status it was decided from.
constexpr std::string_view kMarkRolledBack = R"sql(
UPDATE import_logs
   SET status = $3::import_status, rollback_executed_at = now(),
       rollback_executed_by = $2::uuid, rollback_available = false
 WHERE id = $1::uuid AND status = $4::import_status)sql";

// $1 FAILED, $2 the statuses an import fails from (VALIDATING, PROCESSING), $3 the class of a
// running import's lock (db::locks::kImportRun).
constexpr std::string_view kFailInterrupted = R"sql(
UPDATE import_logs
   SET status = $1::import_status, error_summary = 'interrupted', rollback_available = false,
       completed_at = greatest(clock_timestamp(), started_at)
 WHERE status = ANY($2::import_status[])
   AND pg_try_advisory_xact_lock($3::int, hashtext(id::text)))sql";

// The restored rows keep their previous updated_at: update_updated_at_column() leaves it
// alone while coach.restoring_import is on (0007_import_changes_generic.sql), for this
// transaction only.
constexpr std::string_view kKeepUpdatedAt =
    "SELECT set_config('coach.restoring_import', 'on', true)";
constexpr std::string_view kStampUpdatedAt =
    "SELECT set_config('coach.restoring_import', 'off', true)";

// The other types (import_row_changes): {0} table, {1} key column, {2} restored columns,
// {3} the same columns of the previous row r.
constexpr std::string_view kTableRestore = R"sql(
UPDATE {0} t SET ({2}) = ({3})
  FROM import_row_changes c
 CROSS JOIN LATERAL jsonb_populate_record(NULL::{0}, c.before) r
 WHERE c.import_id = $1::uuid AND c.action = 'UPDATED' AND t.{1} = c.row_id)sql";

// After the restore: an updated row may have pointed at an inserted one.
constexpr std::string_view kTableDelete = R"sql(
WITH gone AS (
    DELETE FROM {0} t USING import_row_changes c
     WHERE c.import_id = $1::uuid AND c.action = 'INSERTED' AND t.{1} = c.row_id
    RETURNING 1
)
SELECT count(*) FROM gone)sql";

std::string table_sql(std::string_view pattern, const TableTarget& t) {
    std::string values;
    std::string_view cols = t.columns;
    while (!cols.empty()) {
        auto comma = cols.find(',');
        std::string_view c = trim(cols.substr(0, comma));
        values += fmt::format("{}r.{}", values.empty() ? "" : ", ", c);
        if (comma == std::string_view::npos)
            break;
        cols.remove_prefix(comma + 1);
    }
    return fmt::format(fmt::runtime(pattern), t.table, t.key, t.columns, values);
}

std::string restore_sql() {
    std::string cols, values;
    for (auto c : metrics::kMetricColumns) {
        cols += fmt::format("{}{}", cols.empty() ? "" : ", ", c);
        values += fmt::format("{}r.{}", values.empty() ? "" : ", ", c);
    }
    return fmt::format(fmt::runtime(kRestore), cols, values);
}

Result<void> rollback(db::SyncConnection& conn, const std::string& id, const Actor& actor,
                      bool force) {
    if (auto r = conn.exec_script("BEGIN"); !r)
        return r.error();
    auto log = conn.exec(kLockLog, db::params(id));
    if (!log)
        return log.error();
    if (log->empty() ||
        (actor.role != auth::Role::Admin && log->get(0, 3) != std::string_view(actor.id)))
        return not_found();
    std::string status(log->get(0, 0));
    auto to = transition({parse_status(status), log->get_bool(0, 1), log->get_bool(0, 2)},
                         Action::RollBack, actor.role);
    if (!to)
        return to.error();

    const TableTarget* target = table_target(log->get(0, 4));
    const ChangeLog changes = change_log(target);
    auto conflicts = conn.exec(change_sql(kConflicts, changes), db::params(id));
    if (!conflicts)
        return conflicts.error();
    long long changed = conflicts->get_int(0, 0);
    if (changed > 0 && !force) {
        auto later = conn.exec(change_sql(kLaterImports, changes), db::params(id));
        if (!later)
            return later.error();
        Error e = make_error(
            ErrorCode::Conflict,
            fmt::format("{} of the rows this import changed were changed again since{}; roll "
                        "those changes back first, or send force=true to restore this import's "
                        "previous values anyway.",
                        changed, later->empty() ? " (edited)" : " by later imports"));
        for (int i = 0; i < later->rows(); ++i)
            e.details.push_back(
                {"import_id", std::string(later->get(i, 0)) + " changed the same rows later"});
        if (later->empty())
            e.details.push_back({"rows", std::to_string(changed) + " rows were edited after this "
                                                                   "import"});
        return e;
    }
    long long removed = 0, restored_rows = 0;
    if (target) {
        if (auto r = conn.exec(kKeepUpdatedAt); !r)
            return r.error();
        auto restored = conn.exec(table_sql(kTableRestore, *target), db::params(id));
        if (!restored)
            return restored.error();
        restored_rows = restored->affected();
        // Only the restored rows keep their old updated_at: not the log, nor what the
        // commit's triggers write (coaching facts).
        if (auto r = conn.exec(kStampUpdatedAt); !r)
            return r.error();
        auto deleted = conn.exec(table_sql(kTableDelete, *target), db::params(id));
        if (!deleted) {
            if (deleted.error().sqlstate == "23503")
                return make_error(ErrorCode::Conflict,
                                  "Rows this import created are used by other data since (" +
                                      deleted.error().message +
                                      "); they cannot be removed, so the import cannot be rolled "
                                      "back.");
            return deleted.error();
        }
        removed = deleted->get_int(0, 0);
    } else {
        auto deleted = conn.exec(kDeleteChanged, db::params(id));
        if (!deleted)
            return deleted.error();
        static const std::string kRestoreSql = restore_sql();
        auto restored = conn.exec(kRestoreSql, db::params(id));
        if (!restored)
            return restored.error();
        removed = deleted->get_int(0, 0);
        restored_rows = restored->affected();
    }
    auto marked = conn.exec(kMarkRolledBack, db::params(id, actor.id, to_string(*to), status));
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
    std::optional<std::string> actor_id = actor.id;
    auto audit =
        conn.exec(audit::kInsertAudit, db::params(actor_id, "import.rollback", "import_logs", id,
                                                  json::serialize(before), json::serialize(after),
                                                  actor.ip, actor.user_agent, actor.request_id));
    if (!audit)
        return audit.error();
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

Result<long> fail_interrupted_imports(const std::string& database_url) {
    auto conn = db::SyncConnection::open(database_url);
    if (!conn)
        return conn.error();
    std::vector<std::string> from;
    for (auto s : statuses_allowing(Action::Fail))
        from.emplace_back(to_string(s));
    auto r = conn->exec(kFailInterrupted, db::params(to_string(Status::Failed),
                                                     db::text_array(from), db::locks::kImportRun));
    if (!r)
        return r.error();
    return static_cast<long>(r->affected());
}

void recover_interrupted_imports(const std::string& database_url) {
    auto n = fail_interrupted_imports(database_url);
    if (!n)
        spdlog::warn("could not check for interrupted imports: {}", n.error().message);
    else if (*n > 0)
        spdlog::warn("{} interrupted import(s) marked FAILED", *n);
}

}  // namespace coach::imports
