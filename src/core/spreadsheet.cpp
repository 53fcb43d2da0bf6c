#include "core/spreadsheet.hpp"

#include "core/files.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace coach {
namespace fs = std::filesystem;

std::string neutralised(std::string_view text) {
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        return "'" + std::string(text);
    return std::string(text);
}

namespace {

std::string cell_text(const SheetCell& cell) {
    if (const auto* n = std::get_if<double>(&cell))
        return fmt::format("{}", *n);
    if (const auto* s = std::get_if<std::string>(&cell))
        return neutralised(*s);
    return {};
}

void csv_line(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i)
            out.push_back(',');
        const std::string& c = cells[i];
        if (c.find_first_of(",\"\r\n") == std::string::npos) {
            out += c;
            continue;
        }
        out.push_back('"');
        for (char ch : c) {
            if (ch == '"')
                out.push_back('"');
            out.push_back(ch);
        }
        out.push_back('"');
    }
    out += "\r\n";
}

}  // namespace

std::string sheet_csv(const Sheet& sheet) {
    std::string out;
    std::vector<std::string> headers;
    for (const auto& h : sheet.headers)
        headers.push_back(neutralised(h));
    csv_line(out, headers);
    std::vector<std::string> cells;
    for (const auto& row : sheet.rows) {
        cells.clear();
        for (const auto& cell : row)
            cells.push_back(cell_text(cell));
        csv_line(out, cells);
    }
    return out;
}

Result<std::string> sheet_xlsx(const Sheet& sheet, const std::string& tmp_dir) {
    static std::atomic<unsigned> counter{0};
    std::error_code ec;
    fs::path dir = tmp_dir.empty() ? fs::temp_directory_path(ec) : fs::path(tmp_dir);
    fs::create_directories(dir, ec);
    fs::path path = dir / fmt::format("coach-sheet-{}-{}.xlsx", getpid(), ++counter);
    std::string tmp = dir.string();
    lxw_workbook_options options{};
    options.constant_memory = LXW_FALSE;
    options.tmpdir = tmp.data();
    errno = 0;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &options);
    if (!book)
        return write_error(errno, path.string());
    std::string title = sheet.name.substr(0, 31);
    lxw_worksheet* ws = workbook_add_worksheet(book, title.c_str());
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    for (std::size_t c = 0; c < sheet.headers.size(); ++c) {
        auto col = static_cast<lxw_col_t>(c);
        worksheet_write_string(ws, 0, col, neutralised(sheet.headers[c]).c_str(), bold);
        worksheet_set_column(ws, col, col, std::max<double>(10, sheet.headers[c].size() + 2),
                             nullptr);
    }
    for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
        auto row = static_cast<lxw_row_t>(r + 1);
        for (std::size_t c = 0; c < sheet.rows[r].size(); ++c) {
            auto col = static_cast<lxw_col_t>(c);
            const SheetCell& cell = sheet.rows[r][c];
            if (const auto* n = std::get_if<double>(&cell))
                worksheet_write_number(ws, row, col, *n, nullptr);
            else if (const auto* s = std::get_if<std::string>(&cell); s && !s->empty())
                worksheet_write_string(ws, row, col, neutralised(*s).c_str(), nullptr);
        }
    }
    worksheet_freeze_panes(ws, 1, 0);
    errno = 0;
    lxw_error err = workbook_close(book);
    if (err != LXW_NO_ERROR) {
        int errnum = errno;  // libxlsxwriter's own code does not tell a full disk
        fs::remove(path, ec);
        if (disk_full(errnum))
            return write_error(errnum, path.string());
        return make_error(ErrorCode::Internal,
                          std::string("cannot write the workbook: ") + lxw_strerror(err));
    }
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    in.close();
    fs::remove(path, ec);
    std::string bytes = s.str();
    if (bytes.empty())
        return make_error(ErrorCode::Internal, "cannot read the workbook back");
    return bytes;
}

}  // namespace coach
