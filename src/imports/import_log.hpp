#pragma once
// The import_logs row of a running import: created VALIDATING, its progress (processed_rows)
// while the file is read, PROCESSING once the file is accepted, then the outcome (status,
// counts, errors, warnings, summary). Status changes follow rules.hpp and are written only
// from the status they were decided from. Written on an autocommit connection, so that the
// log shows while the import runs and survives its rollback; a successful import writes its
// outcome in its own transaction instead (it commits with the data).
#include "core/error.hpp"
#include "db/sync_connection.hpp"
#include "imports/importer.hpp"
#include "imports/metrics_columns.hpp"
#include "imports/rules.hpp"
#include "imports/stored_file.hpp"

#include <boost/json/array.hpp>

#include <chrono>
#include <string>
#include <vector>

namespace coach::imports {

// What reading a file found.
struct Report {
    long total = 0, valid = 0, failed = 0;  // data rows
    std::vector<ImportError> errors;        // the header's or the file's, then the rows' (kept)
    long error_count = 0;                   // all of them
    boost::json::array warnings;            // {column, warning}; column null: the whole file

    // Warns of header cells that name no column of the type (they are ignored).
    void ignore_columns(const std::vector<std::string>& headers);
    // Warns of something about the whole file (the reader's notice()).
    void warn_file(const std::string& warning);
};

// What the upsert did (a dry run: what it would have done).
struct Changes {
    long inserted = 0, updated = 0;
};

class ImportLog {
  public:
    // `conn` autocommits; `options` gives the importer, mode, dry run and progress settings.
    ImportLog(db::SyncConnection& conn, const ImportOptions& options);

    // Inserts the log of import `id` for the stored file (as `file_name`): VALIDATING.
    Result<void> create(const std::string& id, const std::string& file_name,
                        const StoredFile& file);
    const std::string& id() const { return id_; }

    // processed_rows, written at most every progress_interval; then on_progress(rows, bytes).
    Result<void> progress(long rows, std::size_t bytes);
    // PROCESSING: every row read and the file accepted (`total` rows, `bytes` long); then
    // on_progress(total, bytes).
    Result<void> start_processing(long total, std::size_t bytes);
    // SUCCESS or PARTIAL_SUCCESS (`outcome`) with the counts and the summary, written on
    // `conn`: the import's transaction (the log changes when it commits) or the log's own.
    Result<void> succeed(db::SyncConnection& conn, Action outcome, const Report& report,
                         const Changes& changes, bool rollback_available);
    // FAILED, with the report's errors and `summary`, written on `conn` (as succeed()).
    Result<void> fail(db::SyncConnection& conn, const Report& report, const std::string& summary);
    // The stored file was removed (a dry run, a failed one): no path to keep.
    void forget_file();

  private:
    Result<void> finish(db::SyncConnection& conn, Action outcome, const Report& report,
                        const std::optional<Changes>& changes, const std::string& summary,
                        bool rollback_available);

    db::SyncConnection& conn_;
    const ImportOptions& o_;
    std::string id_;
    Status status_ = Status::Validating;
    std::chrono::steady_clock::time_point last_progress_{};
};

}  // namespace coach::imports
