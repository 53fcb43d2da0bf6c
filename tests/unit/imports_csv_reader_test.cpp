// The streaming CSV reader: RFC 4180 quoting, separators, BOM, line endings, blank rows, row
// numbers, and records split across chunk boundaries (tiny chunks).
#include "imports/csv_reader.hpp"

#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

namespace coach::imports {
namespace {

struct Row {
    long row;
    std::vector<std::string> cells;
    std::string problem;
    bool operator==(const Row&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Row& r) {
    os << "{" << r.row << ":";
    for (const auto& c : r.cells)
        os << " [" << c << "]";
    if (!r.problem.empty())
        os << " !" << r.problem;
    return os << "}";
}

struct Parsed {
    std::vector<Row> rows;
    char delimiter = 0;
    std::string error;
    std::string notice;
};

Parsed read_all(const std::string& text, std::size_t chunk = CsvReader::kDefaultChunk,
                std::size_t max_record = CsvReader::kMaxRecordBytes) {
    std::istringstream in(text);
    CsvReader reader(in, chunk, max_record);
    Parsed p;
    Record r;
    while (reader.next(r)) {
        Row row{r.row, {}, std::string(r.problem)};
        for (auto c : r.cells)
            row.cells.emplace_back(c);
        p.rows.push_back(std::move(row));
    }
    p.delimiter = reader.delimiter();
    p.error = reader.error();
    p.notice = reader.notice();
    return p;
}

using Rows = std::vector<Row>;

TEST(ImportsCsvReader, PlainCommaFile) {
    auto p = read_all("a,b,c\n1,2,3\n4,5,6\n");
    EXPECT_EQ(p.delimiter, ',');
    EXPECT_EQ(p.rows,
              (Rows{{1, {"a", "b", "c"}, ""}, {2, {"1", "2", "3"}, ""}, {3, {"4", "5", "6"}, ""}}));
    EXPECT_EQ(p.error, "");
}

TEST(ImportsCsvReader, QuotedCellsWithSeparatorsNewlinesAndEscapedQuotes) {
    auto p = read_all("id,note\n1,\"a, b\"\n2,\"line1\nline2\"\n3,\"say \"\"hi\"\"\"\n4,\"\"\n");
    EXPECT_EQ(p.rows, (Rows{{1, {"id", "note"}, ""},
                            {2, {"1", "a, b"}, ""},
                            // a newline inside quotes does not start a new spreadsheet row
                            {3, {"2", "line1\nline2"}, ""},
                            {4, {"3", "say \"hi\""}, ""},
                            {5, {"4", ""}, ""}}));
}

TEST(ImportsCsvReader, CrLfLoneCrAndNoFinalNewline) {
    auto p = read_all("a,b\r\n1,2\r3,4\r\n5,6");
    EXPECT_EQ(
        p.rows,
        (Rows{{1, {"a", "b"}, ""}, {2, {"1", "2"}, ""}, {3, {"3", "4"}, ""}, {4, {"5", "6"}, ""}}));
}

TEST(ImportsCsvReader, BlankRowsAreSkippedButCounted) {
    // Row 2 empty, row 4 only separators, row 5 only spaces: a spreadsheet shows them as rows.
    auto p = read_all("a,b\n\n1,2\n,\n  \n3,4\n\n");
    EXPECT_EQ(p.rows, (Rows{{1, {"a", "b"}, ""}, {3, {"1", "2"}, ""}, {6, {"3", "4"}, ""}}));
}

TEST(ImportsCsvReader, LeadingBlankLinesBeforeTheHeader) {
    auto p = read_all("\n\r\nx;y\n1;2\n");
    EXPECT_EQ(p.delimiter, ';');
    EXPECT_EQ(p.rows, (Rows{{3, {"x", "y"}, ""}, {4, {"1", "2"}, ""}}));
}

TEST(ImportsCsvReader, ByteOrderMarkIsDropped) {
    auto p = read_all(
        "\xEF\xBB\xBF"
        "Employee ID,Date\nE1,2024-01-02\n");
    EXPECT_EQ(p.rows, (Rows{{1, {"Employee ID", "Date"}, ""}, {2, {"E1", "2024-01-02"}, ""}}));
}

TEST(ImportsCsvReader, Utf16IsRefused) {
    auto p =
        read_all(std::string("\xFF\xFE"
                             "a\0,\0",
                             6));
    EXPECT_EQ(p.rows, Rows{});
    EXPECT_EQ(p.error, "the file is UTF-16 text; save it as \"CSV UTF-8\"");
}

// Excel's "CSV" on Western Windows: read as Windows-1252, whatever the chunk size, and said so.
TEST(ImportsCsvReader, Windows1252IsReadAsSuch) {
    const std::string text = "name;note\nJos\xE9;\x80 5 \x96 caf\xE9\n\x9D;x\n";
    const Rows want{{1, {"name", "note"}, ""},
                    {2, {"Jos\u00E9", "\u20AC 5 \u2013 caf\u00E9"}, ""},
                    {3, {"\uFFFD", "x"}, ""}};
    for (std::size_t chunk : {std::size_t{1}, std::size_t{3}, CsvReader::kDefaultChunk}) {
        auto p = read_all(text, chunk);
        EXPECT_EQ(p.rows, want) << chunk;
        EXPECT_EQ(p.error, "");
        EXPECT_EQ(p.notice,
                  "the file is not UTF-8: it was read as Windows-1252 (Excel's \"CSV\"; "
                  "\"CSV UTF-8\" avoids this)");
    }
    // Past the first 64 KiB (read as chunks after the detection) too.
    std::string long_text = "name\nJos\xE9\n";
    for (int i = 0; i < 20000; ++i)
        long_text += "abcd\n";
    long_text += "caf\xE9\n";
    for (std::size_t chunk : {std::size_t{7}, std::size_t{4096}}) {
        auto p = read_all(long_text, chunk);
        ASSERT_EQ(p.rows.size(), 20003u) << chunk;
        EXPECT_EQ(p.rows.back(), (Row{20003, {"caf\u00E9"}, ""})) << chunk;
    }
    auto utf8 = read_all("name\nJos\u00E9\n");
    EXPECT_EQ(utf8.rows, (Rows{{1, {"name"}, ""}, {2, {"Jos\u00E9"}, ""}}));
    EXPECT_EQ(utf8.notice, "");
}

TEST(ImportsCsvReader, BinaryFilesAreRefused) {
    auto nul = read_all(std::string("a,b\n1,\0\n", 8));
    EXPECT_EQ(nul.rows, Rows{});
    EXPECT_EQ(nul.error,
              "the file is not text (it holds NUL bytes): upload the CSV or XLSX file itself");
    auto gzip = read_all(std::string("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03", 10));
    EXPECT_EQ(gzip.rows, Rows{});
    EXPECT_EQ(gzip.error,
              "the file is compressed (gzip): unpack it and upload the CSV file inside");
}

TEST(ImportsCsvReader, SeparatorDetection) {
    EXPECT_EQ(read_all("a;b;c\n1,5;2;3\n").delimiter, ';');
    EXPECT_EQ(read_all("a\tb\tc\n1\t2\t3\n").delimiter, '\t');
    EXPECT_EQ(read_all("a,b\n").delimiter, ',');
    EXPECT_EQ(read_all("single\n1\n").delimiter, ',');
    // Separators inside quotes do not count: two commas outside, three semicolons inside.
    EXPECT_EQ(read_all("\"a;b;c;d\",x,y\n").delimiter, ',');
    auto tabs = read_all("a\tb\n1\t\"x\ty\"\n");
    EXPECT_EQ(tabs.rows, (Rows{{1, {"a", "b"}, ""}, {2, {"1", "x\ty"}, ""}}));
}

TEST(ImportsCsvReader, SemicolonFileKeepsDecimalCommas) {
    auto p = read_all("Date;CSAT\n2024-01-02;4,5\n");
    EXPECT_EQ(p.rows, (Rows{{1, {"Date", "CSAT"}, ""}, {2, {"2024-01-02", "4,5"}, ""}}));
}

TEST(ImportsCsvReader, LenientQuotesAndReportedProblems) {
    auto p = read_all("a,b\n5\"7,x\n \"q\" ,y\n\"ab\"cd,z\n");
    EXPECT_EQ(p.rows,
              (Rows{{1, {"a", "b"}, ""},
                    {2, {"5\"7", "x"}, ""},  // quote inside an unquoted cell: kept
                    {3, {"q", "y"}, ""},     // spaces around a quoted cell: ignored
                    {4, {"ab", "z"}, "unexpected text after the closing quote of a cell"}}));
}

TEST(ImportsCsvReader, UnterminatedQuoteTakesTheRestOfTheFile) {
    auto p = read_all("a,b\n1,\"open\n2,3\n");
    EXPECT_EQ(p.rows,
              (Rows{{1, {"a", "b"}, ""},
                    {2, {"1", "open\n2,3\n"}, "a quoted cell is never closed (a \" is missing)"}}));
}

TEST(ImportsCsvReader, TrailingSeparatorGivesAnEmptyLastCell) {
    auto p = read_all("a,b,\n1,2,");
    EXPECT_EQ(p.rows, (Rows{{1, {"a", "b", ""}, ""}, {2, {"1", "2", ""}, ""}}));
}

TEST(ImportsCsvReader, EveryChunkSizeGivesTheSameRecords) {
    const std::string text =
        "\xEF\xBB\xBF"
        "Employee ID;Date;Note\r\n\r\nE1;2024-01-02;\"x;y\r\nz "
        "\"\"q\"\"\"\r\nE2;2024-01-03;\"\"\r\n"
        "E3;2024-01-04;plain\r";
    auto expected = read_all(text);
    ASSERT_EQ(expected.rows.size(), 4u);
    EXPECT_EQ(expected.rows[2], (Row{4, {"E2", "2024-01-03", ""}, ""}));
    EXPECT_EQ(expected.rows[1], (Row{3, {"E1", "2024-01-02", "x;y\r\nz \"q\""}, ""}));
    for (std::size_t chunk = 1; chunk <= text.size() + 1; ++chunk) {
        auto p = read_all(text, chunk);
        EXPECT_EQ(p.rows, expected.rows) << "chunk " << chunk;
        EXPECT_EQ(p.delimiter, ';') << "chunk " << chunk;
    }
}

TEST(ImportsCsvReader, ARecordLongerThanTheLimitStopsWithAnError) {
    std::string text = "a,b\n1,\"" + std::string(200000, 'x') + "\"\n";
    auto p = read_all(text, 4096, 100000);
    EXPECT_EQ(p.rows, (Rows{{1, {"a", "b"}, ""}}));
    EXPECT_EQ(p.error, "row 2 is longer than 100000 bytes (is a quote never closed?)");
}

TEST(ImportsCsvReader, EmptyInput) {
    EXPECT_EQ(read_all("").rows, Rows{});
    EXPECT_EQ(read_all("\n\n  \n").rows, Rows{});
    EXPECT_EQ(read_all("\xEF\xBB\xBF").rows, Rows{});
}

}  // namespace
}  // namespace coach::imports
