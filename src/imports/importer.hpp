#pragma once
// Runs one import end to end on blocking connections (a worker thread or the command line,
// never an I/O thread): store the file under <data dir>/imports/<id>/ and SHA-256 it (409 when
// already imported, unless forced; stored_file.hpp), write the import_logs row (VALIDATING;
// import_log.hpp), read and check every row while COPYing the valid ones into a temporary
// staging table (PROCESSING once read), then one set-based upsert into performance_metrics
// that records each change in import_changes (the other types: their table, recorded in
// import_row_changes; loader.hpp, table_import.hpp), and the final counts and status, all in
// ONE transaction: a crash leaves no half-applied import, and fail_interrupted_query() marks
// the log FAILED at the next start. The statuses follow rules.hpp. Once committed, the
// dashboard snapshots and history of the agents and days it changed are recomputed
// (imports/recompute.hpp); rollback_import does the same after its commit.
//
// Two connections: `main` holds the import's transaction (and an advisory lock on the import
// id while it lives), `aux` autocommits what must be visible while it runs: the log row,
// progress (processed_rows), the agent lookups, and the FAILED status after a rollback.
#include "auth/role.hpp"
#include "core/error.hpp"
#include "core/request_origin.hpp"
#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace coach::imports {

enum class Mode { Strict, Partial };

struct Actor {
    std::string id;  // users.id
    auth::Role role = auth::Role::Admin;
    // For the audit trail (empty from the command line).
    std::string ip, user_agent, request_id;

    RequestOrigin origin() const { return {id, ip, user_agent, request_id}; }
};

struct ImportOptions {
    // METRICS (streamed, metrics_rows.hpp) or USERS (ADMIN only), PROFILES, COACHING_HISTORY
    // (read whole, then one upsert per file: table_import.hpp).
    std::string import_type = "METRICS";
    Mode mode = Mode::Strict;
    bool dry_run = false;
    bool force = false;
    std::string file_name;             // as uploaded; sanitized (base name, printable UTF-8)
    std::optional<std::string> sheet;  // XLSX: sheet name (default: the first sheet)
    Actor actor;
    std::string data_dir;  // COACH_DATA_DIR: files go under <data_dir>/imports/<id>/
    // The organisation's zone (OrgTimeZone::name()) for the import's database sessions: the
    // days of coaching events and the recompute's "today" are its dates. (COACHING_HISTORY
    // date-times without an offset are still read as UTC: sessions_columns.hpp.)
    std::string time_zone = "UTC";
    // Progress: processed_rows is written at most this often; `on_progress` is called after
    // each write (rows read so far, bytes read so far; 0 bytes for XLSX). It is called from the
    // thread that reads the file (core/chunk_prefetcher.hpp), not the caller's.
    std::chrono::milliseconds progress_interval{1000};
    std::function<void(long rows, std::size_t bytes)> on_progress;
};

// The file: bytes in memory (an HTTP upload) or a path (the command line).
struct Upload {
    std::string_view bytes;
    std::string path;
};

// The import_logs id (whatever the outcome: the log tells it), or an error when no import
// was started: 409 the same file was imported already (or is being imported), 422 an
// unknown type, 403 a USERS import by someone other than an ADMIN, 503 the database is
// unreachable.
Result<std::string> run_import(const std::string& database_url, const ImportOptions& options,
                               const Upload& upload);

// Restores exactly what an import changed: rows it inserted are deleted, rows it updated get
// back their whole previous content (id, created_at and updated_at included). 404 unknown
// import (or a MANAGER's import of someone else), 409 not rollbackable (dry run, failed,
// already rolled back) or rows changed since by a later import or an edit (unless `force`).
Result<void> rollback_import(const std::string& database_url, const std::string& time_zone,
                             const std::string& import_id, const Actor& actor, bool force);

// Imports left VALIDATING/PROCESSING with no live transaction holding their lock (their process
// died, or PostgreSQL went away mid-import so they could not record their failure) become
// FAILED with error_summary 'interrupted'; the result's affected() says how many. Safe with
// several coach instances and beside running imports: a running import keeps its lock until
// its final status is committed. App runs it at start and every minute after.
db::Query fail_interrupted_query();
// Runs it on `pool`, logging what it did (an outage is only logged at debug level: the next
// run tries again); then does the recomputes a crash left owed (recompute_owed), on
// `long_work` (blocking).
boost::asio::awaitable<void> sweep_interrupted_imports(db::Pool& pool,
                                                       boost::asio::thread_pool& long_work,
                                                       std::string database_url,
                                                       std::string time_zone);

}  // namespace coach::imports
