#pragma once
// Exports: a GET route that answers what a JSON route answers, as a CSV or XLSX download
// (?format=csv|xlsx, csv by default). It runs that route's handler, so the checks, the scope
// and the query parameters are the same by construction; for a collection it follows
// next_cursor to the end. Text cells are neutralised against formula injection
// (core/spreadsheet; docs/domain.md, "Exports").
#include "core/spreadsheet.hpp"
#include "http/handler.hpp"
#include "http/router.hpp"

#include <string>
#include <vector>

namespace coach::http {

struct ExportColumn {
    std::string header;
    std::string pointer;  // JSON pointer into one item, e.g. "/latest/csat"
    // When the value is an array: its elements' `join` member (or the elements themselves when
    // empty), joined with "; ".
    std::string join = {};
};

struct ExportSpec {
    std::string file_stem;      // the download's name before ".csv"/".xlsx"; the sheet's name
    std::string items_pointer;  // where the rows are in the JSON, e.g. "/items", "/agents"
    std::vector<ExportColumn> columns;
    bool paged = false;  // a keyset collection: follow next_cursor (500 items a page)
};

// At most this many rows (beyond: 422, narrow the filters).
inline constexpr std::size_t kExportRowLimit = 100'000;

Handler exported(Handler json_handler, ExportSpec spec);

// `sheet` as the download `stem`.csv or `stem`.xlsx (`format`: "csv" or "xlsx"; the XLSX is
// written on the worker pool).
awaitable<Result<Response>> sheet_download(RequestContext& ctx, Sheet sheet,
                                           const std::string& format, const std::string& stem);

}  // namespace coach::http
