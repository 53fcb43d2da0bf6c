#pragma once
// Reads one sheet of an XLSX workbook (the first, or the one named) as records, streaming the
// sheet's XML out of the ZIP (libzip + expat): memory is the shared strings plus one row.
// Cells: shared strings, inline strings, numbers, booleans, errors (#N/A...). Numbers in a date
// format become YYYY-MM-DD (1900 date system, or 1904 when the workbook says so); in a time or
// duration format, whole seconds ("[m]:ss" AHT); in a percent format, the percentage (0.855 ->
// 85.5). Row numbers are the sheet's own.
#include "imports/record_source.hpp"

#include <memory>
#include <optional>
#include <string>

namespace coach::imports {

class XlsxReader final : public RecordSource {
  public:
    XlsxReader(const std::string& path, const std::optional<std::string>& sheet);
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
