#include "http/export.hpp"

#include "core/offload.hpp"
#include "core/spreadsheet.hpp"
#include "http/handler.hpp"
#include "http/services.hpp"

#include <boost/json.hpp>
#include <boost/url/params_view.hpp>
#include <boost/url/url.hpp>

#include <filesystem>
#include <memory>

namespace coach::http {
namespace json = boost::json;

namespace {

SheetCell cell_of(const json::value* v, const ExportColumn& column) {
    if (!v || v->is_null())
        return {};
    if (v->is_number())
        return v->to_number<double>();
    if (v->is_bool())
        return std::string(v->as_bool() ? "yes" : "no");
    if (v->is_string())
        return std::string(v->as_string());
    if (v->is_array()) {
        std::string joined;
        for (const auto& element : v->as_array()) {
            const json::value* part = &element;
            if (!column.join.empty() && element.is_object())
                part = element.as_object().if_contains(column.join);
            if (!part || !part->is_string())
                continue;
            if (!joined.empty())
                joined += "; ";
            joined += part->as_string();
        }
        return joined;
    }
    return json::serialize(*v);
}

// The request's query with `limit` and `cursor` replaced (the pages of a collection).
std::string page_query(const boost::urls::params_view& query, const std::string& cursor) {
    boost::urls::url u;
    auto params = u.params();
    for (const auto& p : query)
        if (p.key != "limit" && p.key != "cursor" && p.key != "format")
            params.append(p);
    params.append({"limit", "500"});
    if (!cursor.empty())
        params.append({"cursor", cursor});
    return std::string(u.encoded_query());
}

}  // namespace

awaitable<Result<Response>> sheet_download(RequestContext& ctx, Sheet sheet,
                                           const std::string& format, const std::string& stem) {
    Response res{Status::ok, 11};
    if (format == "csv") {
        res.set(beast_http::field::content_type, "text/csv; charset=utf-8");
        res.body() = sheet_csv(sheet);
    } else {
        // libxlsxwriter writes a file: on a worker thread.
        auto work = [sheet = std::move(sheet), dir = ctx.services.config.data_dir] {
            return sheet_xlsx(sheet, (std::filesystem::path(dir) / "tmp").string());
        };
        auto book = co_await offload(ctx.services.workers, std::move(work));
        if (!book)
            co_return book.error();
        res.set(beast_http::field::content_type, kXlsxType);
        res.body() = std::move(*book);
    }
    res.set(beast_http::field::content_disposition,
            "attachment; filename=\"" + stem + "." + format + "\"");
    res.prepare_payload();
    co_return res;
}

Handler exported(Handler json_handler, ExportSpec given) {
    auto spec = std::make_shared<const ExportSpec>(std::move(given));
    return [json_handler = std::move(json_handler),
            spec](RequestContext& ctx) -> awaitable<Result<Response>> {
        const std::string format = ctx.query_param("format").value_or("csv");
        if (format != "csv" && format != "xlsx")
            co_return validation_error({{"format", "must be csv or xlsx"}});
        Sheet sheet{spec->file_stem, {}, {}};
        for (const auto& c : spec->columns)
            sheet.headers.push_back(c.header);
        std::string cursor, query;  // `query` backs ctx.query while a page is asked for
        // ctx.query is the request's own again whenever this returns.
        struct Restore {
            RequestContext& ctx;
            boost::urls::params_view saved;
            ~Restore() { ctx.query = saved; }
        } restore{ctx, ctx.query};
        const boost::urls::params_view original = ctx.query;
        for (;;) {
            if (spec->paged) {
                query = page_query(original, cursor);
                ctx.query = boost::urls::params_view(query);
            }
            auto answer = co_await json_handler(ctx);
            ctx.prefetched.reset();  // the route's prefetch (if any) served the first page
            if (!answer)
                co_return answer.error();
            if (answer->result() != Status::ok)
                co_return std::move(*answer);
            boost::system::error_code ec;
            json::value body = json::parse(answer->body(), ec);
            const json::value* items = ec ? nullptr : body.find_pointer(spec->items_pointer, ec);
            if (!items || !items->is_array())
                co_return make_error(ErrorCode::Internal,
                                     "export: no array at " + spec->items_pointer);
            for (const auto& item : items->as_array()) {
                std::vector<SheetCell> row;
                for (const auto& column : spec->columns) {
                    boost::system::error_code missing;
                    row.push_back(cell_of(item.find_pointer(column.pointer, missing), column));
                }
                sheet.rows.push_back(std::move(row));
            }
            if (sheet.rows.size() > kExportRowLimit)
                co_return validation_error(
                    {{"", "more than " + std::to_string(kExportRowLimit) +
                              " rows: narrow the filters (a date range, one agent)"}});
            const json::value* next = spec->paged ? body.find_pointer("/next_cursor", ec) : nullptr;
            if (!next || !next->is_string())
                break;
            cursor = std::string(next->as_string());
        }
        co_return co_await sheet_download(ctx, std::move(sheet), format, spec->file_stem);
    };
}

}  // namespace coach::http
