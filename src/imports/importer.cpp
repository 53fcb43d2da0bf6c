#include "imports/importer.hpp"

#include "audit/audit.hpp"
#include "auth/scope_sql.hpp"
#include "core/chunk_prefetcher.hpp"
#include "core/hex.hpp"
#include "db/arrays.hpp"
#include "db/sync_connection.hpp"
#include "imports/csv_reader.hpp"
#include "imports/metrics_rows.hpp"
#include "imports/recompute.hpp"
#include "imports/sources.hpp"
#include "imports/table_import.hpp"

#include <fmt/format.h>
#include <openssl/evp.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <memory>

namespace coach::imports {
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

// Advisory lock classes (two-int form; never collides with one-bigint locks of other modules).
constexpr int kImportLock = 73100;  // (class, hashtext(import id)): held by a running import
constexpr int kFileLock = 73101;    // (class, hashtext(file hash)): one import per file at once

// Memory for the staging table and the upsert's intermediate rows (2,000,000 rows would
// otherwise spill to disk). Local to the transaction: safe behind pgbouncer.
constexpr std::string_view kBegin =
    "BEGIN; SET LOCAL temp_buffers = '256MB'; SET LOCAL work_mem = '256MB'";

constexpr std::string_view kBeginImport = R"sql(
SELECT id, pg_advisory_xact_lock(73100, hashtext(id))::text
  FROM (SELECT gen_random_uuid()::text AS id) g)sql";

constexpr std::string_view kLockFile = "SELECT pg_try_advisory_xact_lock(73101, hashtext($1))";

constexpr std::string_view kAlreadyImported = R"sql(
SELECT id, to_char(created_at, 'YYYY-MM-DD') FROM import_logs
 WHERE file_hash = $1 AND status IN ('SUCCESS', 'PARTIAL_SUCCESS') AND NOT dry_run
 ORDER BY created_at DESC LIMIT 1)sql";

constexpr std::string_view kInsertLog = R"sql(
INSERT INTO import_logs (id, file_name, file_size_bytes, file_hash, import_type, imported_by,
                         total_rows, processed_rows, status, mode, dry_run, file_storage_path)
VALUES ($1::uuid, $2, $3::bigint, $4, $5::import_type, $6::uuid, 0, 0, 'VALIDATING', $7,
        $8::boolean, $9))sql";

// The latest calendar date anywhere on Earth (UTC+14): a day that has begun somewhere is not
// in the future for the contact center that worked it.
constexpr std::string_view kToday = "SELECT (now() AT TIME ZONE 'Etc/GMT-14')::date::text";

constexpr std::string_view kProgress =
    "UPDATE import_logs SET processed_rows = $2::int WHERE id = $1::uuid";
constexpr std::string_view kProcessing =
    "UPDATE import_logs SET status = 'PROCESSING', processed_rows = $2::int, total_rows = $2::int "
    "WHERE id = $1::uuid";

// $1 importer id, $2 importer role, $3 employee ids, $4 emails.
const std::string kResolveAgents = fmt::format(R"sql(
SELECT 'e', k, u.id FROM unnest($3::text[]) k JOIN users u ON u.employee_id = k
 WHERE u.role = 'AGENT' AND u.deleted_at IS NULL AND {0}
UNION ALL
SELECT 'm', k, u.id FROM unnest($4::text[]) k JOIN users u ON lower(u.email) = lower(k)
 WHERE u.role = 'AGENT' AND u.deleted_at IS NULL AND {0})sql",
                                               auth::scope_predicate("$1", "$2"));

constexpr std::string_view kStaging = R"sql(
CREATE TEMP TABLE import_staging ON COMMIT DROP AS
SELECT 0::int AS row_no, agent_id, metric_date, {}
  FROM performance_metrics WITH NO DATA)sql";

constexpr std::string_view kRetract = "DELETE FROM import_staging WHERE row_no = ANY($1::int[])";

// $1 import id, $2 file name. One statement: the pre-import rows (same snapshot), the upsert
// (unchanged rows are not touched: they count as skipped), and what changed: the before-image
// of each updated row (import_changes), the days inserted per agent (import_inserted_days,
// 0012: a row per inserted day cost 26 s of 93 s for 2,000,000 new days).
constexpr std::string_view kUpsert = R"sql(
WITH old AS (
    SELECT pm.* FROM performance_metrics pm JOIN import_staging s USING (agent_id, metric_date)
), up AS (
    INSERT INTO performance_metrics AS pm (agent_id, metric_date, {0}, imported_from)
    SELECT agent_id, metric_date, {0}, $2 FROM import_staging
    ON CONFLICT (agent_id, metric_date) DO UPDATE SET {1}, imported_from = EXCLUDED.imported_from
     WHERE ({2}) IS DISTINCT FROM ({3})
    RETURNING pm.id, pm.agent_id, pm.metric_date, pm.xmax = 0 AS inserted
), updated AS (
    INSERT INTO import_changes (import_id, metric_id, agent_id, metric_date, action, before)
    SELECT $1::uuid, up.id, up.agent_id, up.metric_date, 'UPDATED', to_jsonb(old)
      FROM up JOIN old ON old.id = up.id
     WHERE NOT up.inserted
), inserted AS (
    INSERT INTO import_inserted_days (import_id, agent_id, metric_dates)
    SELECT $1::uuid, agent_id, array_agg(metric_date ORDER BY metric_date)
      FROM up
     WHERE inserted
     GROUP BY agent_id
)
SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up)sql";

// $1 id, $2 status, $3 total, $4 processed, $5 successful, $6 failed, $7 skipped,
// $8 inserted, $9 updated, $10 summary, $11 details, $12 warnings, $13 rollback available.
constexpr std::string_view kFinish = R"sql(
UPDATE import_logs
   SET status = $2::import_status, total_rows = $3::int, processed_rows = $4::int,
       successful_rows = $5::int, failed_rows = $6::int, skipped_rows = $7::int,
       inserted_rows = $8::int, updated_rows = $9::int, error_summary = $10,
       error_details = $11::jsonb, warnings = $12::jsonb, rollback_available = $13::boolean,
       completed_at = greatest(clock_timestamp(), started_at)
 WHERE id = $1::uuid)sql";

constexpr std::string_view kClearStoragePath =
    "UPDATE import_logs SET file_storage_path = NULL WHERE id = $1::uuid";

class SqlAgentResolver final : public AgentResolver {
  public:
    SqlAgentResolver(db::SyncConnection& conn, const Actor& actor) : conn_(conn), actor_(actor) {}
    Result<void> resolve(const std::vector<std::string>& ids,
                         const std::vector<std::string>& emails,
                         std::vector<std::optional<std::string>>& id_agents,
                         std::vector<std::optional<std::string>>& email_agents) override {
        auto r =
            conn_.exec(kResolveAgents, db::params(actor_.id, auth::to_string(actor_.role),
                                                  db::text_array(ids), db::text_array(emails)));
        if (!r)
            return r.error();
        // Keys are few per batch: a linear match per returned row is fine, but use maps for
        // the first batch of a large file (thousands of agents).
        std::unordered_map<std::string_view, std::size_t> id_at, email_at;
        for (std::size_t i = 0; i < ids.size(); ++i)
            id_at.emplace(ids[i], i);
        for (std::size_t i = 0; i < emails.size(); ++i)
            email_at.emplace(emails[i], i);
        for (int i = 0; i < r->rows(); ++i) {
            bool by_id = r->get(i, 0) == "e";
            auto& at = by_id ? id_at : email_at;
            auto it = at.find(r->get(i, 1));
            if (it != at.end())
                (by_id ? id_agents : email_agents)[it->second] = std::string(r->get(i, 2));
        }
        return {};
    }

  private:
    db::SyncConnection& conn_;
    const Actor& actor_;
};

struct Stored {
    std::string path;
    std::string sha256;
    long long size = 0;
};

// Writes the upload to `path` and hashes it in the same pass.
Result<Stored> store_file(const Upload& upload, const fs::path& path) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec)
        return make_error(ErrorCode::Internal,
                          "cannot create " + path.parent_path().string() + ": " + ec.message());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        return make_error(ErrorCode::Internal, "cannot write " + path.string());
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
    EVP_DigestInit_ex(md.get(), EVP_sha256(), nullptr);
    Stored s;
    s.path = path.string();
    if (upload.path.empty()) {
        EVP_DigestUpdate(md.get(), upload.bytes.data(), upload.bytes.size());
        out.write(upload.bytes.data(), static_cast<std::streamsize>(upload.bytes.size()));
        s.size = static_cast<long long>(upload.bytes.size());
    } else {
        std::ifstream in(upload.path, std::ios::binary);
        if (!in)
            return make_error(ErrorCode::ValidationFailed, "cannot read " + upload.path);
        std::vector<char> buf(1 << 20);
        while (in) {
            in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
            auto n = static_cast<std::size_t>(in.gcount());
            if (n == 0)
                break;
            EVP_DigestUpdate(md.get(), buf.data(), n);
            out.write(buf.data(), static_cast<std::streamsize>(n));
            s.size += static_cast<long long>(n);
        }
        if (in.bad())
            return make_error(ErrorCode::ValidationFailed, "cannot read " + upload.path);
    }
    out.close();
    if (!out)
        return make_error(ErrorCode::Internal, "cannot write " + path.string());
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned length = 0;
    EVP_DigestFinal_ex(md.get(), digest, &length);
    s.sha256 = to_hex(std::span<const unsigned char>(digest, length));
    return s;
}

json::array errors_json(const std::vector<ImportError>& errors) {
    json::array a;
    a.reserve(errors.size());
    for (const auto& e : errors) {
        json::object o;
        o["row"] = e.row > 0 ? json::value(e.row) : json::value(nullptr);  // 0: the whole file
        o["column"] = e.column.empty() ? json::value(nullptr) : json::value(e.column);
        o["value"] = e.value;
        o["error"] = e.error;
        a.push_back(std::move(o));
    }
    return a;
}

std::string status_name(bool ok, long valid, long failed, Mode mode) {
    if (!ok)
        return "FAILED";
    if (failed == 0)
        return "SUCCESS";
    if (mode == Mode::Strict || valid == 0)
        return "FAILED";
    return "PARTIAL_SUCCESS";
}

// Everything an import run needs, and the outcome written to its log.
class Run {
  public:
    Run(const ImportOptions& o, db::SyncConnection& main, db::SyncConnection& aux)
        : o_(o), main_(main), aux_(aux) {}

    Result<std::string> start(const Upload& upload);

  private:
    Result<void> load();
    // USERS, PROFILES, COACHING_HISTORY (table_import.hpp); `header` is the header record.
    Result<void> load_table(RecordSource& reader, Record& header, const std::string& today);
    // Writes the FAILED log (after rolling the import's transaction back).
    void fail(std::string summary);
    // The whole file is refused, whatever the mode: `error` joins the report (row 0) and
    // `summary` (default: the error) is the log's summary.
    void refuse_file(const std::string& error, std::string summary = {});
    // A read error part-way, or a header and no data rows: refuses the file; true when it did.
    bool refused_unreadable(const std::string& read_error);
    Result<void> finish_ok(long inserted, long updated);
    Result<void> progress(long rows, std::size_t bytes, bool force);
    std::string summary(long inserted, long updated, long skipped) const;
    db::Params finish_params(const std::string& status, long successful, long skipped,
                             std::optional<long> inserted, std::optional<long> updated,
                             const std::string& summary, bool rollback_available) const;

    const ImportOptions& o_;
    db::SyncConnection& main_;
    db::SyncConnection& aux_;
    std::string id_;
    std::string file_name_;
    Stored stored_;
    std::vector<ImportError> errors_;  // header / file errors, then the row errors
    long error_count_ = 0;
    json::array warnings_;
    long total_ = 0, valid_ = 0, failed_ = 0;
    std::chrono::steady_clock::time_point last_progress_{};
};

Result<void> Run::progress(long rows, std::size_t bytes, bool force) {
    auto now = std::chrono::steady_clock::now();
    if (!force && now - last_progress_ < o_.progress_interval)
        return {};
    last_progress_ = now;
    if (auto r = aux_.exec(kProgress, db::params(id_, rows)); !r)
        return r.error();
    if (o_.on_progress)
        o_.on_progress(rows, bytes);
    return {};
}

db::Params Run::finish_params(const std::string& status, long successful, long skipped,
                              std::optional<long> inserted, std::optional<long> updated,
                              const std::string& summary, bool rollback_available) const {
    json::value details = errors_json(errors_);
    std::optional<std::string> warnings;
    if (!warnings_.empty())
        warnings = json::serialize(warnings_);
    return db::params(id_, status, total_, total_, successful, failed_, skipped, inserted, updated,
                      summary, json::serialize(details), warnings, rollback_available);
}

void Run::fail(std::string summary) {
    (void)main_.exec_script("ROLLBACK");
    auto r = aux_.exec(kFinish,
                       finish_params("FAILED", 0, 0, std::nullopt, std::nullopt, summary, false));
    if (!r)
        spdlog::error("import {}: cannot record its failure: {}", id_, r.error().message);
    if (o_.dry_run) {
        std::error_code ec;
        fs::remove_all(fs::path(stored_.path).parent_path(), ec);
        (void)aux_.exec(kClearStoragePath, db::params(id_));
    }
}

void Run::refuse_file(const std::string& error, std::string summary) {
    errors_.push_back({0, "", "", error});
    ++error_count_;
    fail(summary.empty() ? error : summary);
}

bool Run::refused_unreadable(const std::string& read_error) {
    if (!read_error.empty())
        refuse_file(read_error, "The file could not be read to the end: " + read_error + ".");
    else if (total_ == 0)
        refuse_file("The file has a header but no data rows.");
    else
        return false;
    return true;
}

std::string Run::summary(long inserted, long updated, long skipped) const {
    std::string s;
    if (o_.dry_run)
        s = fmt::format(
            "Dry run, nothing stored: {} rows would be inserted, {} updated, {} are "
            "unchanged",
            inserted, updated, skipped);
    else
        s = fmt::format("{} rows inserted, {} updated, {} unchanged", inserted, updated, skipped);
    if (failed_ > 0)
        s += fmt::format("; {} of {} rows refused ({} errors)", failed_, total_, error_count_);
    if (static_cast<long>(errors_.size()) < error_count_)
        s += fmt::format("; the first {} errors are listed", errors_.size());
    return s + ".";
}

Result<std::string> Run::start(const Upload& upload) {
    if (o_.import_type != "METRICS" && !table_target(o_.import_type))
        return make_error(ErrorCode::ValidationFailed, o_.import_type + " is not an import type.");
    if (o_.import_type == "USERS" && o_.actor.role != auth::Role::Admin)
        return make_error(ErrorCode::Forbidden, "Only administrators import users.");
    if (auto r = main_.exec_script(kBegin); !r)
        return r.error();
    auto begun = main_.exec(kBeginImport);
    if (!begun)
        return begun.error();
    id_ = std::string(begun->get(0, 0));
    file_name_ =
        sanitize_file_name(o_.file_name, upload.path.empty() ? "upload.csv" : "import.csv");
    fs::path dir = fs::path(o_.data_dir) / "imports" / id_;
    auto stored = store_file(upload, fs::absolute(dir) / file_name_);
    auto discard = [&] {
        std::error_code ec;
        fs::remove_all(fs::absolute(dir), ec);
        (void)main_.exec_script("ROLLBACK");
    };
    if (!stored) {
        discard();
        return stored.error();
    }
    stored_ = std::move(*stored);
    auto locked = main_.exec(kLockFile, db::params(stored_.sha256));
    if (!locked) {
        discard();
        return locked.error();
    }
    if (!locked->get_bool(0, 0)) {
        discard();
        return make_error(ErrorCode::Conflict, "The same file is being imported right now.");
    }
    if (!o_.force) {
        auto previous = main_.exec(kAlreadyImported, db::params(stored_.sha256));
        if (!previous) {
            discard();
            return previous.error();
        }
        if (!previous->empty()) {
            discard();
            Error e = make_error(
                ErrorCode::Conflict,
                fmt::format("This file was already imported on {} (import {}); send force=true to "
                            "import it again.",
                            previous->get(0, 1), previous->get(0, 0)));
            e.details.push_back(
                {"file", "was already imported by import " + std::string(previous->get(0, 0))});
            return e;
        }
    }
    auto log = aux_.exec(
        kInsertLog,
        db::params(id_, file_name_, stored_.size, stored_.sha256, o_.import_type, o_.actor.id,
                   std::string(o_.mode == Mode::Strict ? "strict" : "partial"), o_.dry_run,
                   stored_.path));
    if (!log) {
        discard();
        return log.error();
    }
    // From here on the log exists: every outcome is written to it.
    if (auto r = load(); !r) {
        if (r.error().code == ErrorCode::Unavailable)
            spdlog::error("import {}: database connection lost: {}", id_, r.error().message);
        fail(r.error().sqlstate.empty() ? r.error().message
                                        : "The database refused the load: " + r.error().message);
        if (r.error().code == ErrorCode::Unavailable)
            return r.error();
    }
    return id_;
}

Result<void> Run::load() {
    auto today = aux_.exec(kToday);
    if (!today)
        return today.error();
    auto source = open_source(stored_.path, o_.sheet);
    if (!source.error.empty()) {
        refuse_file(source.error);
        return {};
    }
    RecordSource& reader = *source.reader;
    Record rec;
    if (!reader.next(rec)) {
        refuse_file(reader.error().empty() ? "The file is empty." : reader.error());
        return {};
    }
    if (o_.import_type != "METRICS")
        return load_table(reader, rec, std::string(today->get(0, 0)));
    auto columns = match_metrics_header(rec.cells, rec.row, errors_);
    for (const auto& h : columns.ignored)
        warnings_.push_back(json::object{{"column", h}, {"warning", "unknown column, ignored"}});
    if (!errors_.empty()) {
        error_count_ = static_cast<long>(errors_.size());
        fail("The header row cannot be used: " + errors_.front().error + ".");
        return {};
    }
    std::string column_list;
    for (const auto& c : columns.metrics)
        column_list +=
            (column_list.empty() ? "" : ", ") + std::string(metrics::kMetricColumns[c.metric]);
    std::vector<std::string_view> metric_names;
    for (const auto& c : columns.metrics)
        metric_names.push_back(metrics::kMetricColumns[c.metric]);

    if (auto r = main_.exec(fmt::format(fmt::runtime(kStaging), column_list)); !r)
        return r.error();

    SqlAgentResolver resolver(aux_, o_.actor);
    MetricsRowChecker checker(std::move(columns), rec.cells.size(),
                              {std::string(today->get(0, 0)), reader.decimal_comma(), 10000, 8192},
                              resolver);
    const bool strict = o_.mode == Mode::Strict;
    std::optional<Error> stop;
    bool more = true;
    std::string discard;
    auto next_chunk = [&](std::string& chunk) -> bool {
        // Fills about one batch of rows; rows are no longer sent once a strict import failed.
        while (more) {
            bool full = false;
            while (!full && (more = reader.next(rec)))
                full = checker.add(rec);
            std::string& out = strict && checker.failed_rows() > 0 ? discard : chunk;
            if (auto r = checker.flush(out); !r) {
                stop = r.error();
                more = false;
                return false;
            }
            discard.clear();
            std::size_t bytes = 0;
            if (auto* csv = dynamic_cast<CsvReader*>(&reader))
                bytes = csv->bytes_read();
            if (auto r = progress(checker.total_rows(), bytes, false); !r) {
                stop = r.error();
                more = false;
                return false;
            }
            if (!chunk.empty())
                return more;
        }
        return false;
    };
    std::string copy_sql =
        "COPY import_staging (row_no, agent_id, metric_date, " + column_list + ") FROM STDIN";
    Result<long long> copied = 0LL;
    {
        // The file is read and validated on a thread of its own, a chunk or two ahead of the
        // COPY; everything next_chunk touches is read here only once that thread has ended.
        ChunkPrefetcher ahead(next_chunk, 2);
        copied = main_.copy_in(copy_sql, [&](std::string& chunk) { return ahead.next(chunk); });
    }
    if (stop)
        return *stop;
    if (!copied)
        return copied.error();

    total_ = checker.total_rows();
    valid_ = checker.valid_rows();
    failed_ = checker.failed_rows();
    error_count_ = checker.error_count();
    errors_ = checker.errors();
    if (refused_unreadable(reader.error()))
        return {};
    if (failed_ > 0 && (strict || valid_ == 0)) {
        fail(fmt::format("{} of {} rows have errors ({} errors); nothing was loaded{}.", failed_,
                         total_, error_count_, strict ? " (strict mode)" : ""));
        return {};
    }
    if (auto r = aux_.exec(kProcessing, db::params(id_, total_)); !r)
        return r.error();
    if (o_.on_progress)
        o_.on_progress(total_, stored_.size);
    if (!checker.retracted().empty())
        if (auto r = main_.exec(kRetract, db::params(db::int_array(checker.retracted()))); !r)
            return r.error();

    std::string set, old_tuple, new_tuple;
    for (auto c : metric_names) {
        set += fmt::format("{}{} = EXCLUDED.{}", set.empty() ? "" : ", ", c, c);
        old_tuple += fmt::format("{}pm.{}", old_tuple.empty() ? "" : ", ", c);
        new_tuple += fmt::format("{}EXCLUDED.{}", new_tuple.empty() ? "" : ", ", c);
    }
    auto up = main_.exec(fmt::format(fmt::runtime(kUpsert), column_list, set, old_tuple, new_tuple),
                         db::params(id_, file_name_));
    if (!up)
        return up.error();
    long inserted = static_cast<long>(up->get_int(0, 0));
    long updated = static_cast<long>(up->get_int(0, 1));
    return finish_ok(inserted, updated);
}

Result<void> Run::load_table(RecordSource& reader, Record& rec, const std::string& today) {
    auto type = make_table_import(o_.import_type, o_.actor, today);
    auto header = match_table_header(type->columns(), rec.cells, rec.row, errors_);
    for (const auto& h : header.ignored)
        warnings_.push_back(json::object{{"column", h}, {"warning", "unknown column, ignored"}});
    type->check_header(header, rec.row, errors_);
    if (!errors_.empty()) {
        error_count_ = static_cast<long>(errors_.size());
        fail("The header row cannot be used: " + errors_.front().error + ".");
        return {};
    }
    // The whole file first: a row may name a user of a later row.
    std::vector<TableRow> rows;
    while (reader.next(rec)) {
        if (static_cast<long>(rows.size()) >= kMaxTableRows) {
            std::string why = fmt::format("{} files are limited to {} rows; split the file.",
                                          o_.import_type, kMaxTableRows);
            refuse_file(why);
            return {};
        }
        rows.push_back(table_row(header, rec));
        std::size_t bytes = 0;
        if (auto* csv = dynamic_cast<CsvReader*>(&reader))
            bytes = csv->bytes_read();
        if (auto r = progress(static_cast<long>(rows.size()), bytes, false); !r)
            return r;
    }
    total_ = static_cast<long>(rows.size());
    if (refused_unreadable(reader.error()))
        return {};
    CheckedRows checked;
    if (auto r = type->check(aux_, header, rows, checked); !r)
        return r;
    rows.clear();
    valid_ = checked.valid;
    failed_ = checked.failed;
    error_count_ = checked.error_count;
    errors_ = std::move(checked.errors);
    if (failed_ > 0 && (o_.mode == Mode::Strict || valid_ == 0)) {
        fail(fmt::format("{} of {} rows have errors ({} errors); nothing was loaded{}.", failed_,
                         total_, error_count_, o_.mode == Mode::Strict ? " (strict mode)" : ""));
        return {};
    }
    if (auto r = aux_.exec(kProcessing, db::params(id_, total_)); !r)
        return r.error();
    if (o_.on_progress)
        o_.on_progress(total_, stored_.size);
    if (auto r = main_.exec(type->staging_sql()); !r)
        return r.error();
    auto chunk = [&](std::string& out) {
        out.swap(checked.copy);  // one chunk: the file is small (kMaxTableRows)
        return false;
    };
    if (auto r = main_.copy_in(type->copy_sql(), chunk); !r)
        return r.error();
    auto up = main_.exec(type->upsert_sql(), type->upsert_params(id_));
    if (!up)
        return up.error();
    return finish_ok(static_cast<long>(up->get_int(0, 0)), static_cast<long>(up->get_int(0, 1)));
}

Result<void> Run::finish_ok(long inserted, long updated) {
    long skipped = valid_ - inserted - updated;
    std::string status = status_name(true, valid_, failed_, o_.mode);
    std::string text = summary(inserted, updated, skipped);
    json::object after{{"file_name", file_name_},
                       {"status", status},
                       {"mode", o_.mode == Mode::Strict ? "strict" : "partial"},
                       {"inserted_rows", inserted},
                       {"updated_rows", updated},
                       {"skipped_rows", skipped},
                       {"failed_rows", failed_}};
    if (o_.dry_run) {
        (void)main_.exec_script("ROLLBACK");
        auto r = aux_.exec(kFinish, finish_params(status, inserted + updated, skipped, inserted,
                                                  updated, text, false));
        std::error_code ec;
        fs::remove_all(fs::path(stored_.path).parent_path(), ec);
        (void)aux_.exec(kClearStoragePath, db::params(id_));
        if (!r)
            return r.error();
        return {};
    }
    if (auto r = main_.exec(kFinish, finish_params(status, inserted + updated, skipped, inserted,
                                                   updated, text, true));
        !r)
        return r.error();
    std::optional<std::string> actor = o_.actor.id;
    auto audit = main_.exec(
        audit::kInsertAudit,
        db::params(actor, "import.create", "import_logs", id_, std::nullopt, json::serialize(after),
                   o_.actor.ip, o_.actor.user_agent, o_.actor.request_id));
    if (!audit)
        return audit.error();
    if (auto r = main_.exec_script("COMMIT"); !r)
        return r.error();
    recompute_after_or_warn(main_, id_);
    return {};
}

}  // namespace

std::string sanitize_file_name(std::string_view name, std::string_view fallback) {
    auto slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos)
        name.remove_prefix(slash + 1);
    std::string out;
    for (char c : name) {
        auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F)
            continue;
        out.push_back(c);
    }
    while (!out.empty() && (out.front() == '.' || out.front() == ' '))
        out.erase(out.begin());
    while (!out.empty() && out.back() == ' ')
        out.pop_back();
    if (out.size() > 200) {
        std::size_t cut = 200;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80)
            --cut;
        out.resize(cut);
    }
    if (out.empty() || !valid_utf8(out))
        return std::string(fallback);
    return out;
}

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
