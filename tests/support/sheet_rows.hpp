#pragma once
// CSV text and XLSX bytes read back as rows of cells with the importer's own readers (trailing
// empty cells dropped): what a spreadsheet user would see in a download.
#include <string>
#include <vector>

namespace coach::test {

using Rows = std::vector<std::vector<std::string>>;

Rows csv_rows(const std::string& text);
Rows xlsx_rows(const std::string& bytes);

}  // namespace coach::test
