#pragma once
// Import templates: the headers a type expects and one example row, written as CSV or XLSX
// (core/spreadsheet).
#include "core/error.hpp"
#include "core/spreadsheet.hpp"
#include "imports/table_import.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace coach::imports {

// nullopt for an unknown type.
std::optional<TemplateContent> template_content(std::string_view import_type);

// The headers and the example row as a sheet named `name`: cells that are plain decimal
// numbers are numbers (read back as the same text), the others text.
Sheet template_sheet(const TemplateContent& t, std::string_view name);

}  // namespace coach::imports
