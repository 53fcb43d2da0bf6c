#pragma once
// One table written as CSV or as an XLSX workbook (libxlsxwriter): import templates and the
// exports people open in Excel (http/export). Text that a spreadsheet would read as a formula
// is neutralised in both (docs/domain.md, "Exports").
#include "core/error.hpp"

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace coach {

// Empty, a number (written as a number), or text.
using SheetCell = std::variant<std::monostate, double, std::string>;

struct Sheet {
    std::string name;  // the XLSX sheet's name (at most 31 characters are kept)
    std::vector<std::string> headers;
    std::vector<std::vector<SheetCell>> rows;
};

// Text starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, so no
// spreadsheet runs it as a formula (CSV injection); other text is returned as it is.
std::string neutralised(std::string_view text);

// RFC 4180, CRLF line ends; cells with a comma, quote or line break are quoted.
std::string sheet_csv(const Sheet& sheet);

// One sheet: a bold, frozen header row, then the rows. Blocking (writes a temporary file under
// `tmp_dir`, reads it back, removes it): call it on a worker thread, never on an I/O thread.
Result<std::string> sheet_xlsx(const Sheet& sheet, const std::string& tmp_dir);

inline constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace coach
