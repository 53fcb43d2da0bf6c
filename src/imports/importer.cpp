// The run of one import (importer.hpp): the file stored and locked, its log created, then one
// load path for every type (the differences behind Loader, loader.hpp), and the outcome.
#include "imports/importer.hpp"

#include "audit/audit.hpp"
#include "auth/scope.hpp"
#include "core/chunk_prefetcher.hpp"
#include "db/advisory_locks.hpp"
#include "db/columns.hpp"
#include "db/sync_connection.hpp"
#include "imports/import_log.hpp"
#include "imports/loader.hpp"
#include "imports/recompute.hpp"
#include "imports/rules.hpp"
#include "imports/sources.hpp"
#include "imports/sql.hpp"
#include "imports/stored_file.hpp"
#include "imports/table_import.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <filesystem>
#include <optional>

namespace coach::imports {
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

// Everything an import run needs, and its outcome.
class Run {
  public:
    Run(const ImportOptions& o, db::SyncConnection& main, db::SyncConnection& aux)
        : o_(o), main_(main), aux_(aux), log_(aux, o) {}

    Result<std::string> start(const Upload& upload);

  private:
    // Refused before the log exists: the stored file and the transaction are dropped.
    Result<void> open(const Upload& upload);
    Result<void> load();
    // Writes the FAILED log (after rolling the import's transaction back).
    void fail(const std::string& summary);
    // The whole file is refused, whatever the mode: `error` joins the report (row 0) and
    // `summary` (default: the error) is the log's summary.
    void refuse_file(const std::string& error, std::string summary = {});
    // A read error part-way, or a header and no data rows: refuses the file; true when it did.
    bool refused_unreadable(const std::string& read_error);
    Result<void> finish_ok(Action outcome, const Changes& changes);
    // A dry run, or a failed run: nothing of the file is kept.
    void drop_stored_file();

    const ImportOptions& o_;
    db::SyncConnection& main_;
    db::SyncConnection& aux_;
    ImportLog log_;
    std::string id_;
    std::string file_name_;
    StoredFile stored_;
    Report report_;
};

void Run::drop_stored_file() {
    remove_stored_folder(stored_.path);
    log_.forget_file();
}

void Run::fail(const std::string& summary) {
    // Back to the savepoint taken with the run's lock, and FAILED written in that transaction:
    // the lock is let go only once the log says FAILED, so the sweep of interrupted imports
    // (app.cpp) never takes a failing import for a dead one. When that transaction is gone (a
    // failed COMMIT), the auxiliary connection writes it instead.
    Result<void> recorded{};
    if (auto back = main_.exec_script("ROLLBACK TO SAVEPOINT load"); !back)
        recorded = back.error();
    else if (recorded = log_.fail(main_, report_, summary); recorded)
        if (auto commit = main_.exec_script("COMMIT"); !commit)
            recorded = commit.error();
    if (!recorded) {
        (void)main_.exec_script("ROLLBACK");
        recorded = log_.fail(aux_, report_, summary);
    }
    if (!recorded)
        spdlog::error(
            "import {}: cannot record its failure (it becomes FAILED 'interrupted' "
            "once the database is back): {}",
            id_, recorded.error().message);
    if (o_.dry_run)
        drop_stored_file();
}

void Run::refuse_file(const std::string& error, std::string summary) {
    report_.errors.push_back({0, "", "", error});
    ++report_.error_count;
    fail(summary.empty() ? error : summary);
}

bool Run::refused_unreadable(const std::string& read_error) {
    if (!read_error.empty())
        refuse_file(read_error, "The file could not be read to the end: " + read_error + ".");
    else if (report_.total == 0)
        refuse_file("The file has a header but no data rows.");
    else
        return false;
    return true;
}

Result<std::string> Run::start(const Upload& upload) {
    if (o_.import_type != "METRICS" && !table_target(o_.import_type))
        return make_error(ErrorCode::ValidationFailed, o_.import_type + " is not an import type.");
    if (o_.import_type == "USERS" && !auth::role_may_write_any_user(o_.actor.role))
        return make_error(ErrorCode::Forbidden, "Only administrators import users.");
    if (auto r = main_.exec_script(sql::begin_load); !r)
        return r.error();
    auto begun = main_.exec(sql::begin_import, db::params(db::locks::kImportRun));
    if (!begun)
        return begun.error();
    id_ = std::string(begun->get(0, db::column(*begun, "id")));
    // What fail() rolls back to, keeping the lock (begin_import.sql).
    if (auto r = main_.exec_script("SAVEPOINT load"); !r)
        return r.error();
    file_name_ =
        sanitize_file_name(o_.file_name, upload.path.empty() ? "upload.csv" : "import.csv");
    if (auto r = open(upload); !r) {
        remove_stored_folder(fs::absolute(fs::path(o_.data_dir) / "imports" / id_ / file_name_));
        (void)main_.exec_script("ROLLBACK");
        return r.error();
    }
    // From here on the log exists: every outcome is written to it.
    if (auto r = load(); !r) {
        if (r.error().code == ErrorCode::Unavailable)
            spdlog::error("import {}: database connection lost: {}", id_, r.error().message);
        // PostgreSQL's own text names tables, constraints and values: the log gets it, the
        // import's summary (read by its importer and admins) a sentence and the SQLSTATE.
        if (!r.error().sqlstate.empty())
            spdlog::error("import {}: the database refused the load ({}): {}", id_,
                          r.error().sqlstate, r.error().message);
        fail(r.error().sqlstate.empty()
                 ? r.error().message
                 : fmt::format("The database refused the load (SQLSTATE {}); nothing was "
                               "changed. The server's log has the details.",
                               r.error().sqlstate));
        if (r.error().code == ErrorCode::Unavailable)
            return r.error();
    }
    return id_;
}

Result<void> Run::open(const Upload& upload) {
    auto stored =
        store_file(upload, fs::absolute(fs::path(o_.data_dir) / "imports" / id_ / file_name_));
    if (!stored)
        return stored.error();
    stored_ = std::move(*stored);
    auto locked = main_.exec(sql::lock_file, db::params(stored_.sha256, db::locks::kImportFile));
    if (!locked)
        return locked.error();
    if (!locked->get_bool(0, db::column(*locked, "locked")))
        return make_error(ErrorCode::Conflict, "The same file is being imported right now.");
    if (!o_.force) {
        auto previous =
            main_.exec(sql::already_imported,
                       db::params(stored_.sha256, o_.actor.id, auth::to_string(o_.actor.role)));
        if (!previous)
            return previous.error();
        if (!previous->empty()) {
            // Another manager's import is not named: its id and date are theirs.
            if (!previous->get_bool(0, db::column(*previous, "visible"))) {
                Error e = make_error(ErrorCode::Conflict,
                                     "This file was already imported; send force=true to import "
                                     "it again.");
                e.details.push_back({"file", "was already imported"});
                return e;
            }
            std::string id(previous->get(0, db::column(*previous, "id")));
            Error e = make_error(
                ErrorCode::Conflict,
                fmt::format("This file was already imported on {} (import {}); send force=true to "
                            "import it again.",
                            previous->get(0, db::column(*previous, "imported_on")), id));
            e.details.push_back({"file", "was already imported by import " + id});
            return e;
        }
    }
    return log_.create(id_, file_name_, stored_);
}

// Open, match the header, stage the checked rows, accept or refuse, upsert, record.
Result<void> Run::load() {
    auto today = aux_.exec(sql::latest_day);
    if (!today)
        return today.error();
    auto source = open_source(stored_.path, o_.sheet);
    if (!source.error.empty()) {
        refuse_file(source.error);
        return {};
    }
    RecordSource& reader = *source.reader;
    Record header;
    if (!reader.next(header)) {
        refuse_file(reader.error().empty() ? "The file is empty." : reader.error());
        return {};
    }
    if (auto notice = reader.notice(); !notice.empty())
        report_.warn_file(notice);
    std::string day(today->get(0, db::column(*today, "day")));
    auto loader = o_.import_type == "METRICS"
                      ? make_metrics_loader(aux_, o_, day, reader.decimal_comma())
                      : make_table_loader(aux_, o_, day);
    loader->match_header(header, report_);
    if (!report_.errors.empty()) {
        report_.error_count = static_cast<long>(report_.errors.size());
        fail("The header row cannot be used: " + report_.errors.front().error + ".");
        return {};
    }

    if (auto r = main_.exec(loader->staging_sql()); !r)
        return r.error();
    std::optional<Error> stop;
    auto progress = [&](long rows) { return log_.progress(rows, reader.bytes_read()); };
    auto next_chunk = [&](std::string& chunk) {
        auto more = loader->next_chunk(reader, chunk, progress);
        if (!more)
            stop = more.error();
        return more && *more;
    };
    Result<long long> copied = 0LL;
    {
        // The file is read and checked on a thread of its own, a chunk or two ahead of the
        // COPY; everything next_chunk touches is read here only once that thread has ended.
        ChunkPrefetcher ahead(next_chunk, 2);
        copied = main_.copy_in(loader->copy_sql(),
                               [&](std::string& chunk) { return ahead.next(chunk); });
    }
    if (stop)
        return *stop;
    if (!copied)
        return copied.error();

    RowsRead read = loader->rows_read();
    if (!read.refusal.empty()) {
        refuse_file(read.refusal);
        return {};
    }
    report_.total = read.total;
    report_.valid = read.valid;
    report_.failed = read.failed;
    report_.error_count = read.error_count;
    report_.errors = std::move(read.errors);
    if (refused_unreadable(reader.error()))
        return {};
    const bool strict = o_.mode == Mode::Strict;
    Action outcome = completion(report_.valid, report_.failed, strict);
    if (outcome == Action::Fail) {
        fail(fmt::format("{} of {} rows have errors ({} errors); nothing was loaded{}.",
                         report_.failed, report_.total, report_.error_count,
                         strict ? " (strict mode)" : ""));
        return {};
    }
    if (auto r = log_.start_processing(report_.total, stored_.size); !r)
        return r.error();
    auto upsert = loader->upsert(main_, id_, file_name_);
    if (!upsert)
        return upsert.error();
    auto up = main_.exec(upsert->sql, upsert->params);
    if (!up)
        return up.error();
    return finish_ok(outcome, {static_cast<long>(up->get_int(0, db::column(*up, "inserted"))),
                               static_cast<long>(up->get_int(0, db::column(*up, "updated")))});
}

Result<void> Run::finish_ok(Action outcome, const Changes& changes) {
    if (o_.dry_run) {
        (void)main_.exec_script("ROLLBACK");
        auto r = log_.succeed(aux_, outcome, report_, changes, false);
        drop_stored_file();
        return r;
    }
    if (auto r = log_.succeed(main_, outcome, report_, changes, true); !r)
        return r.error();
    long skipped = report_.valid - changes.inserted - changes.updated;
    json::object after{{"file_name", file_name_},
                       {"status", to_string(outcome == Action::Succeed ? Status::Success
                                                                       : Status::PartialSuccess)},
                       {"mode", o_.mode == Mode::Strict ? "strict" : "partial"},
                       {"inserted_rows", changes.inserted},
                       {"updated_rows", changes.updated},
                       {"skipped_rows", skipped},
                       {"failed_rows", report_.failed}};
    db::Query row = audit::entry(o_.actor.origin(), "import.create", "import_logs", id_,
                                 std::nullopt, json::serialize(after));
    auto audit = main_.exec(row.sql, row.params);
    if (!audit)
        return audit.error();
    if (auto owed = main_.exec(sql::owe_recompute, db::params(id_)); !owed)
        return owed.error();
    if (auto r = main_.exec_script("COMMIT"); !r)
        return r.error();
    recompute_after_or_warn(main_, id_);
    return {};
}

}  // namespace

Result<std::string> run_import(const std::string& database_url, const ImportOptions& options,
                               const Upload& upload) {
    try {
        auto main = db::SyncConnection::open(database_url, options.time_zone);
        if (!main)
            return main.error();
        auto aux = db::SyncConnection::open(database_url, options.time_zone);
        if (!aux)
            return aux.error();
        Run run(options, *main, *aux);
        return run.start(upload);
    } catch (const std::exception& e) {
        return make_error(ErrorCode::Internal, std::string("import failed: ") + e.what());
    }
}

}  // namespace coach::imports
