#pragma once
// Reads one sheet of an XLSX workbook (the first, or the one named) as records, streaming the
// sheet's XML out of the ZIP (libzip + expat): memory is the shared strings plus one row, both
// bounded (the k* limits below).
// Cells: shared strings, inline strings, numbers, booleans, errors (#N/A...). Numbers in a date
// format become YYYY-MM-DD (1900 date system, or 1904 when the workbook says so); in a time or
// duration format, whole seconds ("[m]:ss" AHT); in a percent format, the percentage (0.855 ->
// 85.5). Row numbers are the sheet's own.
#include "imports/record_source.hpp"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>

namespace coach::imports {

// What a workbook may make the reader hold or do, checked while inflating; past one, the
// import fails with a message naming it (docs/domain.md, "Imports": the memory bound).
struct XlsxLimits {
    std::size_t part_bytes = std::size_t{16} << 20;  // workbook, relationships, styles
    std::size_t shared_strings_bytes = std::size_t{64} << 20;
    std::size_t shared_strings = 2'000'000;
    std::size_t cell_formats = 65'536;
    std::size_t sheet_bytes = std::size_t{1} << 30;  // the sheet's XML
    std::size_t cell_chars = 32'767;                 // Excel's own
    std::size_t row_bytes = std::size_t{4} << 20;
    long rows = 1'048'576;         // Excel's own
    std::size_t columns = 16'384;  // Excel's own (XFD)
};

class XlsxReader final : public RecordSource {
  public:
    using Limits = XlsxLimits;

    XlsxReader(const std::string& path, const std::optional<std::string>& sheet,
               Limits limits = {});
    ~XlsxReader() override;

    bool next(Record& out) override;
    const std::string& error() const override;
    bool decimal_comma() const override { return false; }
    // Unknown: the sheet is read from a compressed stream.
    std::size_t bytes_read() const override { return 0; }

    // Spreadsheet serial day number -> YYYY-MM-DD ("" when out of range). Pure, for tests.
    static std::string serial_to_date(double serial, bool date1904);
    // A date-time cell: "YYYY-MM-DD HH:MM" (":SS" when the seconds are not 0), to the nearest
    // second; only the date when the time is midnight.
    static std::string serial_to_datetime(double serial, bool date1904);

  private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace coach::imports
