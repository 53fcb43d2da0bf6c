// XLSX sheets as records: shared and inline strings, numbers, date/time/percent formats, the
// 1900 and 1904 date systems, sheet selection, row numbers, damaged files.
#include "imports/xlsx_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace coach::imports {
namespace {
namespace fs = std::filesystem;

// Writes a ZIP with the given entries (name -> content).
std::string make_zip(const std::string& name, const std::map<std::string, std::string>& entries) {
    auto path =
        (fs::temp_directory_path() / (name + "-" + std::to_string(getpid()) + ".xlsx")).string();
    fs::remove(path);
    int error = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    EXPECT_NE(z, nullptr);
    for (const auto& [entry, content] : entries) {
        zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
        EXPECT_GE(zip_file_add(z, entry.c_str(), src, ZIP_FL_OVERWRITE), 0);
    }
    EXPECT_EQ(zip_close(z), 0);  // reads the buffers now, while `entries` lives
    return path;
}

const std::string kWorkbook = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr/><sheets><sheet name="Data" sheetId="1" r:id="rId1"/><sheet name="March" sheetId="2" r:id="rId2"/></sheets></workbook>)";
const std::string kRels = R"(<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>
</Relationships>)";
const std::string kShared =
    R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="4" uniqueCount="4">
<si><t>Employee ID</t></si><si><t>Date</t></si><si><r><t>Serv</t></r><r><rPr><b/></rPr><t>ice</t></r><rPh><t>x</t></rPh></si><si><t xml:space="preserve"> E1 </t></si></sst>)";
// xf 0 plain, 1 builtin date (14), 2 builtin percent (10), 3 custom [m]:ss, 4 custom yyyy-mm-dd
const std::string kStyles =
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="2"><numFmt numFmtId="164" formatCode="[m]:ss"/><numFmt numFmtId="165" formatCode="yyyy\-mm\-dd;@"/></numFmts>
<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="10"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>)";
const std::string kSheet1 =
    R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="inlineStr"><is><t>AHT</t></is></c><c r="E1" t="str"><v>Quality</v></c></row>
<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" s="1"><v>45352</v></c><c r="C2" s="2"><v>0.855</v></c><c r="D2" s="3"><v>3.6111111111111101E-3</v></c><c r="E2"><v>90.249999999999986</v></c></row>
<row r="3"/>
<row r="5"><c r="A5" t="inlineStr"><is><t>E2</t></is></c><c r="B5" s="4"><v>45353.75</v></c><c r="E5" t="e"><v>#N/A</v></c><c r="F5" t="b"><v>1</v></c></row>
</sheetData></worksheet>)";
const std::string kSheet2 =
    R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>only B</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>)";

std::map<std::string, std::string> workbook() {
    return {{"[Content_Types].xml", "<Types/>"},
            {"xl/workbook.xml", kWorkbook},
            {"xl/_rels/workbook.xml.rels", kRels},
            {"xl/sharedStrings.xml", kShared},
            {"xl/styles.xml", kStyles},
            {"xl/worksheets/sheet1.xml", kSheet1},
            {"xl/worksheets/sheet2.xml", kSheet2}};
}

using Rows = std::vector<std::pair<long, std::vector<std::string>>>;

Rows read_all(XlsxReader& r) {
    Rows out;
    Record rec;
    while (r.next(rec))
        out.emplace_back(rec.row, std::vector<std::string>(rec.cells.begin(), rec.cells.end()));
    return out;
}

TEST(ImportsXlsxReader, FirstSheetCellsAndFormats) {
    auto path = make_zip("first", workbook());
    XlsxReader r(path, std::nullopt);
    ASSERT_EQ(r.error(), "");
    EXPECT_EQ(read_all(r),
              (Rows{{1, {"Employee ID", "Date", "Service", "AHT", "Quality"}},
                    // 45352 = 2024-03-01; 0.855 as a percent = 85.5; 0.00361111 day = 312 s
                    {2, {" E1 ", "2024-03-01", "85.5", "312", "90.25"}},
                    // row 3 is blank (skipped), row 4 absent; 45353.75 = 2024-03-02 18:00
                    {5, {"E2", "2024-03-02", "", "", "#N/A", "TRUE"}}}));
    EXPECT_EQ(r.error(), "");
    EXPECT_FALSE(r.decimal_comma());
    fs::remove(path);
}

TEST(ImportsXlsxReader, SheetByNameAndPrefixedElements) {
    auto path = make_zip("named", workbook());
    XlsxReader r(path, std::string("March"));
    ASSERT_EQ(r.error(), "");
    EXPECT_EQ(read_all(r), (Rows{{2, {"", "only B"}}}));
    XlsxReader missing(path, std::string("April"));
    EXPECT_EQ(missing.error(), "the workbook has no sheet named \"April\"");
    Record rec;
    EXPECT_FALSE(missing.next(rec));
    fs::remove(path);
}

TEST(ImportsXlsxReader, DamagedFiles) {
    auto notzip = (fs::temp_directory_path() / "coach-not-a-zip.xlsx").string();
    std::ofstream(notzip) << "PK\x03\x04 but not really";
    EXPECT_EQ(XlsxReader(notzip, std::nullopt).error(),
              "the file is not an XLSX workbook (it cannot be read as a ZIP archive)");
    fs::remove(notzip);
    auto entries = workbook();
    entries.erase("xl/workbook.xml");
    auto path = make_zip("noworkbook", entries);
    EXPECT_EQ(XlsxReader(path, std::nullopt).error(),
              "the file is not an XLSX workbook (no xl/workbook.xml)");
    entries = workbook();
    entries["xl/worksheets/sheet1.xml"] =
        "<worksheet><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>x</t></is></c></row><row>";
    path = make_zip("badxml", entries);
    XlsxReader bad(path, std::nullopt);
    EXPECT_EQ(bad.error(), "");
    auto rows = read_all(bad);
    EXPECT_EQ(rows, (Rows{{1, {"x"}}}));
    EXPECT_EQ(bad.error(), "the sheet is not valid XML (no element found, line 1)");
    fs::remove(path);
}

TEST(ImportsXlsxReader, SerialDates) {
    EXPECT_EQ(XlsxReader::serial_to_date(45352, false), "2024-03-01");
    EXPECT_EQ(XlsxReader::serial_to_date(45352.99, false), "2024-03-01");
    EXPECT_EQ(XlsxReader::serial_to_date(1, false), "1900-01-01");
    EXPECT_EQ(XlsxReader::serial_to_date(59, false), "1900-02-28");
    EXPECT_EQ(XlsxReader::serial_to_date(60, false), "1900-02-29");  // Lotus bug: refused later
    EXPECT_EQ(XlsxReader::serial_to_date(61, false), "1900-03-01");
    EXPECT_EQ(XlsxReader::serial_to_date(1, true), "1904-01-02");
    EXPECT_EQ(XlsxReader::serial_to_date(43890, true), "2024-03-01");  // 45352 - 1462
    EXPECT_EQ(XlsxReader::serial_to_date(0, false), "");
    // Date-time cells: 0.395833... of a day = 09:30; 0.5000115741 = 12:00:01.
    EXPECT_EQ(XlsxReader::serial_to_datetime(45352.3958333333, false), "2024-03-01 09:30");
    EXPECT_EQ(XlsxReader::serial_to_datetime(45352.5000115741, false), "2024-03-01 12:00:01");
    EXPECT_EQ(XlsxReader::serial_to_datetime(45352, false), "2024-03-01");  // midnight
    EXPECT_EQ(XlsxReader::serial_to_datetime(45352.999999999, false), "2024-03-02");
    EXPECT_EQ(XlsxReader::serial_to_datetime(0, false), "");
    EXPECT_EQ(XlsxReader::serial_to_date(3e6, false), "");
}

}  // namespace
}  // namespace coach::imports
