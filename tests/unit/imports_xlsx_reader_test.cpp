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

// The bombs of issue 11: each limit stops the reader while it inflates, with a message that
// names the limit. The limits are lowered here so that the files stay small; the defaults are
// XlsxLimits'.
std::string sheet_of(const std::string& rows) {
    return "<worksheet><sheetData>" + rows + "</sheetData></worksheet>";
}

std::string error_with(std::map<std::string, std::string> changed, const XlsxLimits& limits) {
    auto entries = workbook();
    for (auto& [name, content] : changed)
        entries[name] = std::move(content);
    auto path = make_zip("bomb", entries);
    XlsxReader r(path, std::nullopt, limits);
    read_all(r);
    fs::remove(path);
    return r.error();
}

TEST(ImportsXlsxReader, ACellLongerThanExcelAllowsIsRefused) {
    std::string fits(32'767, 'x'), longer(32'768, 'x');
    std::string accents;  // 20,000 characters of two bytes each: under the limit
    for (int i = 0; i < 20'000; ++i)
        accents += "\xC3\xA9";
    const std::string inline_cell = R"(<row r="1"><c r="A1" t="inlineStr"><is><t>)";
    const std::string close = "</t></is></c></row>";
    EXPECT_EQ(error_with({{"xl/worksheets/sheet1.xml", sheet_of(inline_cell + fits + close)}}, {}),
              "");
    EXPECT_EQ(
        error_with({{"xl/worksheets/sheet1.xml", sheet_of(inline_cell + accents + close)}}, {}),
        "");
    EXPECT_EQ(
        error_with({{"xl/worksheets/sheet1.xml", sheet_of(inline_cell + longer + close)}}, {}),
        "the cell in row 1, column 1 holds more than 32767 characters, the limit");
    EXPECT_EQ(
        error_with({{"xl/sharedStrings.xml", "<sst><si><t>" + longer + "</t></si></sst>"}}, {}),
        "a shared string of the workbook is longer than 32767 characters, the limit");
}

TEST(ImportsXlsxReader, PartsLargerThanTheirLimitStopWhileInflating) {
    XlsxLimits small;
    small.part_bytes = 4096;
    small.shared_strings_bytes = 4096;
    small.sheet_bytes = 4096;
    std::string blanks(5000, ' ');  // compresses to almost nothing: the size is the inflated one
    EXPECT_EQ(error_with({{"xl/styles.xml", "<styleSheet>" + blanks + "</styleSheet>"}}, small),
              "the workbook's styles is larger than 4096 bytes uncompressed, the limit");
    EXPECT_EQ(error_with({{"xl/sharedStrings.xml", "<sst>" + blanks + "</sst>"}}, small),
              "the workbook's shared strings is larger than 4096 bytes uncompressed, the limit");
    EXPECT_EQ(error_with({{"xl/workbook.xml", kWorkbook + "<!--" + blanks + "-->"}}, small),
              "the workbook's workbook is larger than 4096 bytes uncompressed, the limit");
    EXPECT_EQ(error_with({{"xl/worksheets/sheet1.xml", sheet_of(blanks)}}, small),
              "the sheet is larger than 4096 bytes uncompressed, the limit");
    // The defaults: 16 MB for styles, checked on the inflated bytes of a file of a few KB.
    std::string huge(17 << 20, ' ');
    EXPECT_EQ(error_with({{"xl/styles.xml", "<styleSheet>" + huge + "</styleSheet>"}}, {}),
              "the workbook's styles is larger than 16 MB uncompressed, the limit");
}

TEST(ImportsXlsxReader, CountsPastTheirLimitAreRefused) {
    XlsxLimits small;
    small.shared_strings = 4;  // the workbook's own sst has 4
    small.cell_formats = 5;    // and its styles 5
    small.rows = 100;
    small.row_bytes = 1000;
    EXPECT_EQ(error_with({{"xl/sharedStrings.xml",
                           "<sst><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si><si><t>d</t>"
                           "</si><si><t>e</t></si></sst>"}},
                         small),
              "the workbook has more than 4 shared strings, the limit");
    EXPECT_EQ(
        error_with({{"xl/styles.xml",
                     "<styleSheet><cellXfs><xf/><xf/><xf/><xf/><xf/><xf/></cellXfs></styleSheet>"}},
                   small),
        "the workbook has more than 5 cell formats, the limit");
    // Declared blank rows: counted, however little XML they take.
    std::string blank_rows;
    for (int i = 1; i <= 101; ++i)
        blank_rows += "<row/>";
    EXPECT_EQ(error_with({{"xl/worksheets/sheet1.xml", sheet_of(blank_rows)}}, small),
              "the sheet has more than 100 rows, the limit");
    EXPECT_EQ(error_with({{"xl/worksheets/sheet1.xml", sheet_of(R"(<row r="101"/>)")}}, small),
              "the sheet has more than 100 rows, the limit");
    std::string wide = R"(<row r="1">)";
    for (int i = 0; i < 3; ++i)
        wide += R"(<c t="inlineStr"><is><t>)" + std::string(400, 'x') + "</t></is></c>";
    EXPECT_EQ(error_with({{"xl/worksheets/sheet1.xml", sheet_of(wide + "</row>")}}, small),
              "row 1 holds more than 1000 bytes of text, the limit");
    // Columns: Excel's last is XFD; a cell past it is refused, not silently dropped.
    EXPECT_EQ(error_with({{"xl/worksheets/sheet1.xml",
                           sheet_of(R"(<row r="1"><c r="XFE1"><v>1</v></c></row>)")}},
                         {}),
              "row 1 has a cell past column 16384, the limit");
}

TEST(ImportsXlsxReader, ManyRowsInOneBufferAreReadOneAtATime) {
    std::string rows;
    for (int i = 1; i <= 3000; ++i)
        rows +=
            "<row r=\"" + std::to_string(i) + "\"><c><v>" + std::to_string(i) + "</v></c></row>";
    auto entries = workbook();
    entries["xl/worksheets/sheet1.xml"] = sheet_of(rows);
    auto path = make_zip("many", entries);
    XlsxReader r(path, std::nullopt);
    auto all = read_all(r);
    EXPECT_EQ(r.error(), "");
    ASSERT_EQ(all.size(), 3000u);
    EXPECT_EQ(all.back(), (std::pair<long, std::vector<std::string>>{3000, {"3000"}}));
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
