#pragma once
// A table file read record by record (CSV or the first/named sheet of an XLSX workbook),
// whatever its format: the import logic sees only cells and spreadsheet row numbers.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace coach::imports {

struct Record {
    // The cells, valid until the next call to next(). Not trimmed.
    std::vector<std::string_view> cells;
    // The row number a spreadsheet shows for this record: the first record of the file is
    // row 1 (normally the header), blank rows count, a newline inside a quoted cell does not.
    long row = 0;
    // Non-empty when the record is malformed (e.g. an unterminated quote): a sentence for the
    // import report; the cells are what could be read.
    std::string_view problem;
};

class RecordSource {
  public:
    virtual ~RecordSource() = default;
    // The next record that has at least one non-blank cell (blank rows are skipped); false at
    // the end of the file or after a fatal error (then error() is not empty).
    virtual bool next(Record& out) = 0;
    // A fatal problem that stops reading ("" when none): not UTF-8, a row too long...
    virtual const std::string& error() const = 0;
    // Whether numbers may use a decimal comma ("85,5"): true only for ';' and tab separated
    // files, where a comma cannot be a field separator.
    virtual bool decimal_comma() const = 0;
    // How much of the file has been read so far, in bytes (for progress); 0 when unknown.
    virtual std::size_t bytes_read() const = 0;
    // Something the importer should be told about the whole file ("" when nothing), e.g. that
    // it was read as Windows-1252; known once the first record has been read.
    virtual std::string notice() const { return {}; }
};

}  // namespace coach::imports
