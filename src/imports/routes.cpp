#include "imports/routes.hpp"

#include "core/files.hpp"
#include "core/offload.hpp"
#include "core/text.hpp"
#include "http/collection.hpp"
#include "http/export.hpp"
#include "http/handler.hpp"
#include "http/json_input.hpp"
#include "http/query_params.hpp"
#include "http/response.hpp"
#include "http/services.hpp"
#include "http/upload_spool.hpp"
#include "imports/importer.hpp"
#include "imports/metrics_columns.hpp"
#include "imports/multipart.hpp"
#include "imports/rules.hpp"
#include "imports/store.hpp"
#include "imports/templates.hpp"

#include <atomic>
#include <memory>

namespace coach::imports {

namespace {

constexpr std::string_view kImportTypes[] = {"METRICS", "USERS", "COACHING_HISTORY", "PROFILES"};

// Imports running in this process: each holds a worker thread for its whole duration, so some
// workers stay free for everything else (bcrypt at sign-in).
std::atomic<int> g_running{0};

struct RunningSlot {
    bool taken = false;
    explicit RunningSlot(int limit) {
        int n = g_running.load();
        while (n < limit && !g_running.compare_exchange_weak(n, n + 1)) {
        }
        taken = n < limit;
    }
    ~RunningSlot() {
        if (taken)
            --g_running;
    }
};

std::optional<Error> role_error(const RequestContext& ctx, auth::Action action) {
    if (auth::role_may(ctx.me().role, auth::Resource::Imports, action))
        return std::nullopt;
    return make_error(ErrorCode::Forbidden, "Only administrators and managers work with imports.");
}

Actor actor_of(const RequestContext& ctx) {
    return Actor{ctx.me().id, ctx.me().role, ctx.client_ip, ctx.user_agent(), ctx.request_id};
}

awaitable<Result<Response>> log_response(RequestContext& ctx, const std::string& id,
                                         http::Status status) {
    auto log = co_await find_log(ctx.db, ctx.me(), id);
    if (!log)
        co_return log.error();
    if (!*log)
        co_return not_found();
    Response res = http::json_text(status, std::move(**log));
    if (status == http::Status::created)
        res.set(http::beast_http::field::location, "/api/v1/imports/" + id);
    co_return res;
}

std::string lower_media_type(std::string_view content_type) {
    std::string t = ascii_lower(content_type.substr(0, content_type.find(';')));
    while (!t.empty() && t.back() == ' ')
        t.pop_back();
    return t;
}

// An upload's file: the spooled body mapped, or the "file" part of it when it is a multipart form.
struct UploadedFile {
    std::shared_ptr<const MappedFile> body;
    std::string_view content;  // in body
    std::string name;          // the multipart part's filename, if any
    bool xlsx() const {        // an XLSX workbook is a ZIP
        return content.starts_with(std::string_view("PK\x03\x04", 4));
    }
};

// Blocking: for a worker thread.
Result<UploadedFile> uploaded_file(const std::string& path,
                                   const std::optional<std::string>& boundary) {
    auto mapped = MappedFile::open(path);
    if (!mapped)
        return mapped.error();
    UploadedFile f{std::make_shared<const MappedFile>(std::move(*mapped)), {}, {}};
    f.content = f.body->bytes();
    if (boundary) {
        std::string why;
        auto part = find_multipart_file(f.content, *boundary, "file", why);
        if (!part)
            return validation_error({{"file", "is required (" + why + ")"}});
        f.content = part->content;
        f.name = std::move(part->filename);
    }
    if (f.content.empty())
        return validation_error({{"file", "is empty"}});
    return f;
}

// Before an upload's body is read (Route::admit): who may import at all, and users only by
// ADMINs, so a refused caller never makes the server hold 50 MB.
std::optional<Error> admit_upload(const RequestContext& ctx) {
    if (auto e = role_error(ctx, auth::Action::Create))
        return e;
    if (ctx.query_param("type") == "USERS" && !auth::role_may_write_any_user(ctx.me().role))
        return make_error(ErrorCode::Forbidden, "Only administrators import users.");
    return std::nullopt;
}

awaitable<Result<Response>> create(RequestContext& ctx) {
    std::vector<FieldError> errors;
    auto type = http::enum_query(ctx, "type", kImportTypes, errors);
    if (!type && !ctx.query_param("type"))
        errors.push_back({"type", "is required"});
    constexpr std::string_view kModes[] = {"strict", "partial"};
    auto mode = http::enum_query(ctx, "mode", kModes, errors);
    bool dry_run = http::flag_query(ctx, "dry_run", errors);
    bool force = http::flag_query(ctx, "force", errors);
    auto file_name = ctx.query_param("file_name");
    if (file_name && (file_name->empty() || file_name->size() > 255))
        errors.push_back({"file_name", "must be 1 to 255 characters"});
    auto sheet = ctx.query_param("sheet");
    if (sheet && (sheet->empty() || sheet->size() > 100))
        errors.push_back({"sheet", "must be 1 to 100 characters"});
    if (!errors.empty())
        co_return validation_error(std::move(errors));

    // The file: the raw body, or the "file" part of a multipart form.
    std::string_view content_type = ctx.header(http::beast_http::field::content_type);
    std::string media = lower_media_type(content_type);
    std::optional<std::string> boundary;
    if (media == "multipart/form-data") {
        boundary = multipart_boundary(content_type);
        if (!boundary)
            co_return make_error(ErrorCode::BadRequest,
                                 "The multipart Content-Type has no boundary.");
    } else if (media != "text/csv" && media != "text/plain" && media != "application/csv" &&
               media != "text/tab-separated-values" && media != "application/vnd.ms-excel" &&
               media != kXlsxType && media != "application/octet-stream") {
        co_return make_error(ErrorCode::UnsupportedMediaType,
                             "Send the file as text/csv, as an XLSX workbook (" +
                                 std::string(kXlsxType) + ") or as multipart/form-data.");
    }
    // The body is on disk (http/upload_spool.hpp): mapped, and its file part found, off the
    // I/O thread.
    const http::SpooledBody* spooled = ctx.spooled_body;
    if (!spooled || spooled->size == 0)
        co_return validation_error({{"file", "is empty"}});
    auto find = [path = spooled->path, boundary]() -> Result<UploadedFile> {
        return uploaded_file(path, boundary);
    };
    auto file = co_await offload(ctx.services.workers, std::move(find));
    if (!file)
        co_return file.error();

    ImportOptions o;
    o.import_type = *type;
    o.mode = mode == "partial" ? Mode::Partial : Mode::Strict;
    o.dry_run = dry_run;
    o.force = force;
    o.file_name = file_name             ? *file_name
                  : !file->name.empty() ? file->name
                  : file->xlsx()        ? "upload.xlsx"
                                        : "upload.csv";
    o.sheet = sheet;
    o.actor = actor_of(ctx);
    o.data_dir = ctx.services.config.data_dir;
    o.time_zone = ctx.services.time_zone.name();

    // One long-work thread stays free for rollbacks and jobs run on request.
    int limit = std::max(1, static_cast<int>(http::kLongWorkThreads) - 1);
    RunningSlot slot(limit);
    if (!slot.taken) {
        Error e = make_error(ErrorCode::RateLimited, "Another import is running; try again soon.");
        e.retry_after_seconds = 10;
        co_return e;
    }
    auto work = [url = ctx.services.database_url, o = std::move(o), file = std::move(*file)] {
        return run_import(url, o, Upload{file.content, {}});
    };
    auto id = co_await offload(ctx.services.long_work, std::move(work));
    if (!id)
        co_return id.error();
    co_return co_await log_response(ctx, *id, http::Status::created);
}

awaitable<Result<Response>> list(RequestContext& ctx) {
    if (auto e = role_error(ctx, auth::Action::Read))
        co_return *e;
    std::vector<FieldError> errors;
    LogFilter f;
    f.status = http::enum_query(ctx, "status", kStatusNames, errors);
    f.import_type = http::enum_query(ctx, "import_type", kImportTypes, errors);
    http::Page page = http::read_page(ctx, {http::KeyPart::Timestamp, http::KeyPart::Uuid}, errors);
    if (!errors.empty())
        co_return validation_error(std::move(errors));
    f.limit = page.limit;
    f.after = page.after;
    co_return http::collection_response(co_await list_logs(ctx.db, ctx.me(), f));
}

awaitable<Result<Response>> get(RequestContext& ctx) {
    if (auto e = role_error(ctx, auth::Action::Read))
        co_return *e;
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    co_return co_await log_response(ctx, *id, http::Status::ok);
}

awaitable<Result<Response>> rollback(RequestContext& ctx) {
    if (auto e = role_error(ctx, auth::Action::Update))
        co_return *e;
    auto id = http::uuid_path_param(ctx, "id");
    if (!id)
        co_return id.error();
    std::vector<FieldError> errors;
    bool force = http::flag_query(ctx, "force", errors);
    if (!errors.empty())
        co_return validation_error(std::move(errors));
    auto work = [url = ctx.services.database_url, zone = ctx.services.time_zone.name(), id = *id,
                 actor = actor_of(ctx),
                 force] { return rollback_import(url, zone, id, actor, force); };
    auto done = co_await offload(ctx.services.long_work, std::move(work));
    if (!done)
        co_return done.error();
    co_return co_await log_response(ctx, *id, http::Status::ok);
}

awaitable<Result<Response>> template_file(RequestContext& ctx) {
    if (auto e = role_error(ctx, auth::Action::Read))
        co_return *e;
    std::string type(ctx.path_param("import_type"));
    std::vector<FieldError> errors;
    auto content = template_content(type);
    if (!content)
        errors.push_back({"import_type", "is not a valid value"});
    auto format = ctx.query_param("format").value_or("csv");
    if (format != "csv" && format != "xlsx")
        errors.push_back({"format", "must be csv or xlsx"});
    if (!errors.empty())
        co_return validation_error(std::move(errors));
    co_return co_await http::sheet_download(ctx, template_sheet(*content, type), format,
                                            ascii_lower(type) + "_template");
}

}  // namespace

void add_routes(http::Router& router) {
    using http::Verb;
    http::Route upload{Verb::post,
                       "/api/v1/imports",
                       create,
                       http::Access::Authenticated,
                       http::kUploadBodyLimit,
                       "Import a file (CSV or XLSX) of metrics, users, coaching history or "
                       "profiles"};
    upload.admit = admit_upload;
    router.add(std::move(upload));
    router.add({Verb::get, "/api/v1/imports", list, http::Access::Authenticated,
                http::kJsonBodyLimit, "List imports"});
    router.add({Verb::get, "/api/v1/imports/{id}", get, http::Access::Authenticated,
                http::kJsonBodyLimit, "Get an import's report and progress"});
    router.add({Verb::post, "/api/v1/imports/{id}/rollback", rollback, http::Access::Authenticated,
                http::kJsonBodyLimit, "Roll an import back"});
    router.add({Verb::get, "/api/v1/imports/templates/{import_type}", template_file,
                http::Access::Authenticated, http::kJsonBodyLimit, "Download an import template"});
}

}  // namespace coach::imports
