// core/spreadsheet: formula neutralisation and the CSV writer (the XLSX writer is read back in
// tests/integration/exports_api_test.cpp and imports_templates_test.cpp).
#include "core/spreadsheet.hpp"

#include <gtest/gtest.h>

namespace coach {
namespace {

TEST(Spreadsheet, TextASpreadsheetWouldRunGetsAnApostrophe) {
    for (const char* formula : {"=1+1", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"})
        EXPECT_EQ(neutralised(formula), std::string("'") + formula) << formula;
    for (const char* text : {"Ann", "", "1=1", "a-b", "'quoted", " =spaced"})
        EXPECT_EQ(neutralised(text), text) << text;
}

TEST(Spreadsheet, CsvWritesNumbersAsNumbersAndQuotesWhatNeedsIt) {
    Sheet sheet{"s", {"name", "score", "note"}, {}};
    sheet.rows.push_back({std::string("=cmd|' /C calc'!A0"), -2.5, std::string("a, \"b\"")});
    sheet.rows.push_back({std::string("Ann"), 85.0, {}});
    EXPECT_EQ(sheet_csv(sheet),
              "name,score,note\r\n"
              "'=cmd|' /C calc'!A0,-2.5,\"a, \"\"b\"\"\"\r\n"
              "Ann,85,\r\n");
}

}  // namespace
}  // namespace coach
