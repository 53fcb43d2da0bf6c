#include "imports/store.hpp"

#include <fmt/format.h>

namespace coach::imports {
namespace {
using boost::asio::awaitable;

// The public fields of an import_logs row `l` (file_storage_path is a server path: never
// shown). {} is replaced by the extra fields of the single-log view.
constexpr std::string_view kLogJson = R"sql(json_build_object(
    'id', l.id, 'file_name', l.file_name, 'file_size_bytes', l.file_size_bytes,
    'file_hash', l.file_hash, 'import_type', l.import_type, 'imported_by', l.imported_by,
    'mode', l.mode, 'dry_run', l.dry_run, 'status', l.status,
    'total_rows', l.total_rows, 'processed_rows', l.processed_rows,
    'successful_rows', l.successful_rows, 'inserted_rows', l.inserted_rows,
    'updated_rows', l.updated_rows, 'skipped_rows', l.skipped_rows,
    'failed_rows', l.failed_rows, 'started_at', l.started_at, 'completed_at', l.completed_at,
    'processing_time_seconds', l.processing_time_seconds, 'error_summary', l.error_summary,
    'rollback_available', l.rollback_available,
    'rollback_executed_at', l.rollback_executed_at,
    'rollback_executed_by', l.rollback_executed_by,
    'created_at', l.created_at, 'updated_at', l.updated_at{}))sql";

const std::string kFind = fmt::format(
    "SELECT {} FROM import_logs l WHERE l.id = $1::uuid AND ($2 = 'ADMIN' OR l.imported_by = "
    "$3::uuid)",
    fmt::format(fmt::runtime(kLogJson),
                ",\n    'error_details', coalesce(l.error_details, '[]'::jsonb), 'warnings', "
                "coalesce(l.warnings, '[]'::jsonb)"));

// $1 role, $2 caller, $3 status, $4 type, $5/$6 cursor (created_at, id), $7 limit.
const std::string kList = fmt::format(R"sql(
SELECT {} AS json, (l.created_at AT TIME ZONE 'UTC')::text || '+00' AS created_at,
       l.id::text AS id
  FROM import_logs l
 WHERE ($1 = 'ADMIN' OR l.imported_by = $2::uuid)
   AND ($3::import_status IS NULL OR l.status = $3::import_status)
   AND ($4::import_type IS NULL OR l.import_type = $4::import_type)
   AND ($5::timestamptz IS NULL OR (l.created_at, l.id) < ($5::timestamptz, $6::uuid))
 ORDER BY l.created_at DESC, l.id DESC
 LIMIT $7)sql",
                                      fmt::format(fmt::runtime(kLogJson), ""));

}  // namespace

awaitable<Result<std::optional<std::string>>> find_log(db::Pool& pool, const auth::Principal& me,
                                                       const std::string& id) {
    auto r = co_await pool.query(kFind, db::params(id, auth::to_string(me.role), me.id));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return std::optional<std::string>{};
    co_return std::optional<std::string>{std::string(r->get(0, 0))};
}

awaitable<Result<LogPage>> list_logs(db::Pool& pool, const auth::Principal& me,
                                     const LogFilter& f) {
    std::optional<std::string> after_at, after_id;
    if (f.after) {
        after_at = (*f.after)[0];
        after_id = (*f.after)[1];
    }
    auto r = co_await pool.query(kList, db::params(auth::to_string(me.role), me.id, f.status,
                                                   f.import_type, after_at, after_id, f.limit + 1));
    if (!r)
        co_return r.error();
    co_return db::keyset_page(*r, f.limit, "json", {"created_at", "id"});
}

}  // namespace coach::imports
