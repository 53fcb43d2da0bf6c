#include "imports/import_log.hpp"

#include "core/utf8.hpp"
#include "imports/sql.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <boost/json.hpp>

namespace coach::imports {
namespace json = boost::json;

namespace {

// Text from the file (a cell, a header, the reader's message) as PostgreSQL stores it: bytes
// that are not UTF-8, and NULs, become U+FFFD, and a value is cut at 1 KiB. Without it a file
// that is not UTF-8 could not record its own failure and would stay running (issue 11).
std::string storable(std::string_view text) {
    constexpr std::size_t kMaxBytes = 1024;
    return to_valid_utf8(text, kMaxBytes);
}

json::array errors_json(const std::vector<ImportError>& errors) {
    json::array a;
    a.reserve(errors.size());
    for (const auto& e : errors) {
        json::object o;
        o["row"] = e.row > 0 ? json::value(e.row) : json::value(nullptr);  // 0: the whole file
        o["column"] = e.column.empty() ? json::value(nullptr) : json::value(storable(e.column));
        o["value"] = storable(e.value);
        o["error"] = storable(e.error);
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
        warnings.push_back(
            json::object{{"column", storable(h)}, {"warning", "unknown column, ignored"}});
}

void Report::warn_file(const std::string& warning) {
    warnings.push_back(json::object{{"column", nullptr}, {"warning", storable(warning)}});
}

ImportLog::ImportLog(db::SyncConnection& conn, const ImportOptions& options)
    : conn_(conn), o_(options) {}

Result<void> ImportLog::create(const std::string& id, const std::string& file_name,
                               const StoredFile& file) {
    auto to = transition({}, Action::Start, o_.actor.role);
    if (!to)
        return to.error();
    auto r =
        conn_.exec(sql::insert_log,
                   db::params(id, file_name, file.size, file.sha256, o_.import_type, o_.actor.id,
                              std::string(o_.mode == Mode::Strict ? "strict" : "partial"),
                              o_.dry_run, file.path, to_string(*to)));
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
    if (auto r = conn_.exec(sql::log_progress, db::params(id_, rows)); !r)
        return r.error();
    if (o_.on_progress)
        o_.on_progress(rows, bytes);
    return {};
}

Result<void> ImportLog::start_processing(long total, std::size_t bytes) {
    auto to = transition({status_, o_.dry_run, false}, Action::StartProcessing, o_.actor.role);
    if (!to)
        return to.error();
    auto r = conn_.exec(sql::start_processing,
                        db::params(id_, total, to_string(*to), to_string(status_)));
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

Result<void> ImportLog::fail(db::SyncConnection& conn, const Report& report,
                             const std::string& summary) {
    return finish(conn, Action::Fail, report, std::nullopt, summary, false);
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
    auto r = conn.exec(sql::finish_log,
                       db::params(id_, to_string(*to), report.total, report.total, successful,
                                  report.failed, skipped, inserted, updated, storable(summary),
                                  json::serialize(errors_json(report.errors)), warnings,
                                  rollback_available, to_string(status_)));
    if (!r)
        return r.error();
    if (r->affected() == 0)
        return changed_meanwhile();
    if (&conn == &conn_)  // else it holds when that transaction commits
        status_ = *to;
    return {};
}

void ImportLog::forget_file() {
    if (auto r = conn_.exec(sql::forget_file, db::params(id_)); !r)
        spdlog::warn("import {}: cannot clear its file path: {}", id_, r.error().message);
}

}  // namespace coach::imports
