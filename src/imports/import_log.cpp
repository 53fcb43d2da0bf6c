#include "imports/import_log.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

namespace coach::imports {
namespace json = boost::json;

namespace {

// $10 the status (VALIDATING).
constexpr std::string_view kInsert = R"sql(
INSERT INTO import_logs (id, file_name, file_size_bytes, file_hash, import_type, imported_by,
                         total_rows, processed_rows, status, mode, dry_run, file_storage_path)
VALUES ($1::uuid, $2, $3::bigint, $4, $5::import_type, $6::uuid, 0, 0, $10::import_status, $7,
        $8::boolean, $9))sql";

constexpr std::string_view kProgress =
    "UPDATE import_logs SET processed_rows = $2::int WHERE id = $1::uuid";

// $3 the new status, $4 the status it was decided from.
constexpr std::string_view kProcessing = R"sql(
UPDATE import_logs SET status = $3::import_status, processed_rows = $2::int, total_rows = $2::int
 WHERE id = $1::uuid AND status = $4::import_status)sql";

// $1 id, $2 status, $3 total, $4 processed, $5 successful, $6 failed, $7 skipped,
// $8 inserted, $9 updated, $10 summary, $11 details, $12 warnings, $13 rollback available,
// $14 the status it was decided from.
constexpr std::string_view kFinish = R"sql(
UPDATE import_logs
   SET status = $2::import_status, total_rows = $3::int, processed_rows = $4::int,
       successful_rows = $5::int, failed_rows = $6::int, skipped_rows = $7::int,
       inserted_rows = $8::int, updated_rows = $9::int, error_summary = $10,
       error_details = $11::jsonb, warnings = $12::jsonb, rollback_available = $13::boolean,
       completed_at = greatest(clock_timestamp(), started_at)
 WHERE id = $1::uuid AND status = $14::import_status)sql";

constexpr std::string_view kForgetFile =
    "UPDATE import_logs SET file_storage_path = NULL WHERE id = $1::uuid";

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

// "12 rows inserted, 3 updated, 5 unchanged; 2 of 22 rows refused (2 errors).", or a dry run's
// "Dry run, nothing stored: ...".
std::string summary_of(const Report& report, const Changes& changes, bool dry_run) {
    long skipped = report.valid - changes.inserted - changes.updated;
    std::string s;
    if (dry_run)
        s = fmt::format(
            "Dry run, nothing stored: {} rows would be inserted, {} updated, {} are "
            "unchanged",
            changes.inserted, changes.updated, skipped);
    else
        s = fmt::format("{} rows inserted, {} updated, {} unchanged", changes.inserted,
                        changes.updated, skipped);
    if (report.failed > 0)
        s += fmt::format("; {} of {} rows refused ({} errors)", report.failed, report.total,
                         report.error_count);
    if (static_cast<long>(report.errors.size()) < report.error_count)
        s += fmt::format("; the first {} errors are listed", report.errors.size());
    return s + ".";
}

}  // namespace

void Report::ignore_columns(const std::vector<std::string>& headers) {
    for (const auto& h : headers)
        warnings.push_back(json::object{{"column", h}, {"warning", "unknown column, ignored"}});
}

ImportLog::ImportLog(db::SyncConnection& conn, const ImportOptions& options)
    : conn_(conn), o_(options) {}

Result<void> ImportLog::create(const std::string& id, const std::string& file_name,
                               const StoredFile& file) {
    auto to = transition({}, Action::Start, o_.actor.role);
    if (!to)
        return to.error();
    auto r = conn_.exec(
        kInsert, db::params(id, file_name, file.size, file.sha256, o_.import_type, o_.actor.id,
                            std::string(o_.mode == Mode::Strict ? "strict" : "partial"), o_.dry_run,
                            file.path, to_string(*to)));
    if (!r)
        return r.error();
    id_ = id;
    status_ = *to;
    return {};
}

Result<void> ImportLog::progress(long rows, std::size_t bytes) {
    auto now = std::chrono::steady_clock::now();
    if (now - last_progress_ < o_.progress_interval)
        return {};
    last_progress_ = now;
    if (auto r = conn_.exec(kProgress, db::params(id_, rows)); !r)
        return r.error();
    if (o_.on_progress)
        o_.on_progress(rows, bytes);
    return {};
}

Result<void> ImportLog::start_processing(long total, std::size_t bytes) {
    auto to = transition({status_, o_.dry_run, false}, Action::StartProcessing, o_.actor.role);
    if (!to)
        return to.error();
    auto r = conn_.exec(kProcessing, db::params(id_, total, to_string(*to), to_string(status_)));
    if (!r)
        return r.error();
    if (r->affected() == 0)
        return changed_meanwhile();
    status_ = *to;
    if (o_.on_progress)
        o_.on_progress(total, bytes);
    return {};
}

Result<void> ImportLog::succeed(db::SyncConnection& conn, Action outcome, const Report& report,
                                const Changes& changes, bool rollback_available) {
    return finish(conn, outcome, report, changes, summary_of(report, changes, o_.dry_run),
                  rollback_available);
}

Result<void> ImportLog::fail(const Report& report, const std::string& summary) {
    return finish(conn_, Action::Fail, report, std::nullopt, summary, false);
}

Result<void> ImportLog::finish(db::SyncConnection& conn, Action outcome, const Report& report,
                               const std::optional<Changes>& changes, const std::string& summary,
                               bool rollback_available) {
    auto to = transition({status_, o_.dry_run, false}, outcome, o_.actor.role);
    if (!to)
        return to.error();
    long successful = changes ? changes->inserted + changes->updated : 0;
    long skipped = changes ? report.valid - successful : 0;
    std::optional<long> inserted, updated;
    if (changes) {
        inserted = changes->inserted;
        updated = changes->updated;
    }
    std::optional<std::string> warnings;
    if (!report.warnings.empty())
        warnings = json::serialize(report.warnings);
    auto r = conn.exec(kFinish, db::params(id_, to_string(*to), report.total, report.total,
                                           successful, report.failed, skipped, inserted, updated,
                                           summary, json::serialize(errors_json(report.errors)),
                                           warnings, rollback_available, to_string(status_)));
    if (!r)
        return r.error();
    if (r->affected() == 0)
        return changed_meanwhile();
    if (&conn == &conn_)  // else it holds when that transaction commits
        status_ = *to;
    return {};
}

void ImportLog::forget_file() {
    if (auto r = conn_.exec(kForgetFile, db::params(id_)); !r)
        spdlog::warn("import {}: cannot clear its file path: {}", id_, r.error().message);
}

}  // namespace coach::imports
