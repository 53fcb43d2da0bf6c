// CsvReader (src/imports/csv_reader.hpp) on arbitrary bytes: every record must point into the
// reader's own memory (ASan checks). Built twice: fuzz_csv reads the input as it is;
// fuzz_csv_chunks (FUZZ_CSV_CHUNKS) reads it past the 64 KiB the reader looks ahead, where the
// records must not depend on how the stream is chunked.
#include "check.hpp"
#include "imports/csv_reader.hpp"

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace {

using coach::imports::CsvReader;
using coach::imports::Record;

struct Copy {
    std::vector<std::string> cells;
    long row;
    std::string problem;
    bool operator==(const Copy&) const = default;
};

// Everything the reader returns, copied (the views die at the next call), at most `max` records.
std::vector<Copy> read_all(const std::string& text, std::size_t chunk, std::size_t max_record,
                           std::string& error, char& delimiter) {
    std::istringstream in(text);
    CsvReader reader(in, chunk, max_record);
    std::vector<Copy> out;
    Record r;
    long last_row = 0;
    while (reader.next(r)) {
        FUZZ_CHECK(r.row > last_row);  // rows only go forward
        last_row = r.row;
        Copy c{{}, r.row, std::string(r.problem)};
        for (auto cell : r.cells)
            c.cells.emplace_back(cell);
        out.push_back(std::move(c));
    }
    FUZZ_CHECK(reader.bytes_read() <= text.size());
    error = reader.error();
    delimiter = reader.delimiter();
    (void)reader.notice();
    (void)reader.decimal_comma();
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
#ifndef FUZZ_CSV_CHUNKS
    // fuzz_csv: the reader reads its first 64 KiB before parsing (encoding and separator
    // detection), so a fuzz-sized input is parsed from one buffer whatever the chunk size.
    std::string error;
    char delimiter = 0;
    read_all(text, 4096, CsvReader::kMaxRecordBytes, error, delimiter);
#else
    // fuzz_csv_chunks (the same seeds, ~50 times slower a run): the input read past those
    // 64 KiB. The input, a 64 KiB quoted cell of filler (one record, where repeating a small
    // input would make thousands; quoted, as the reader skips to its closing quote at once),
    // then the input again and again for 4 KiB. There the reader refills, moves a partial
    // record, converts Windows-1252 chunk by chunk. Two chunk sizes must read the same records;
    // a small record limit must fail cleanly.
    std::string big = text + "\n\"" + std::string(std::size_t{64} << 10, 'x') + "\"\n";
    const std::size_t end = big.size() + (std::size_t{4} << 10);
    while (size > 0 && big.size() < end)
        big += text;
    std::string error_a, error_b;
    char delimiter_a = 0, delimiter_b = 0;
    auto a = read_all(big, std::size_t{64} << 10, CsvReader::kMaxRecordBytes, error_a, delimiter_a);
    // Prime sizes, so records and CRLFs straddle the chunk ends; not much smaller, as an
    // unclosed quote is parsed again after each refill.
    auto b = read_all(big, 4093, CsvReader::kMaxRecordBytes, error_b, delimiter_b);
    // The separator is counted on the first line as far as it has been read: a first line
    // longer than the 64 KiB read ahead may be counted differently (harmless, and out of scope).
    if (delimiter_a == delimiter_b) {
        FUZZ_CHECK(a == b);
        FUZZ_CHECK(error_a == error_b);
    }
    std::string error_c;
    char delimiter_c = 0;
    read_all(big, 2039, 4096, error_c, delimiter_c);
#endif
    return 0;
}
