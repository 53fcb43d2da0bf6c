#pragma once
// Import templates: the headers a type expects and one example row, as CSV or as an XLSX
// workbook (libxlsxwriter). Both carry the same cells.
#include "core/error.hpp"
#include "imports/table_import.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace coach::imports {

// nullopt for an unknown type.
std::optional<TemplateContent> template_content(std::string_view import_type);

// RFC 4180, CRLF line ends; cells with a comma, quote or line break are quoted.
std::string template_csv(const TemplateContent& t);

// One sheet named after the type: a bold header row and the example row; cells that are plain
// decimal numbers are written as numbers (read back as the same text), the others as text.
// Blocking (writes a temporary file under `tmp_dir`, reads it back, removes it): call it on a
// worker thread, never on an I/O thread.
Result<std::string> template_xlsx(const TemplateContent& t, std::string_view sheet_name,
                                  const std::string& tmp_dir);

}  // namespace coach::imports
