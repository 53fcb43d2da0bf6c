// XlsxReader (src/imports/xlsx_reader.hpp) on arbitrary bytes as a workbook, with the default
// limits (the bomb bounds of issue 11): it must fail cleanly, never crash, leak or exceed
// libFuzzer's RSS limit.
#include "check.hpp"
#include "imports/xlsx_reader.hpp"

#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace {

// The reader opens a path: the input goes into an anonymous in-memory file, opened as
// /proc/self/fd/N (nothing is left on disk, and parallel fuzzers do not share it).
const std::string& input_path() {
    static const std::string path = [] {
        int fd = memfd_create("coach-fuzz-xlsx", 0);
        FUZZ_CHECK(fd >= 0);
        return "/proc/self/fd/" + std::to_string(fd);
    }();
    return path;
}

void write_input(const std::uint8_t* data, std::size_t size) {
    static const int fd = std::stoi(input_path().substr(sizeof("/proc/self/fd/") - 1));
    FUZZ_CHECK(ftruncate(fd, 0) == 0);
    std::size_t done = 0;
    while (done < size) {
        ssize_t n = pwrite(fd, data + done, size - done, static_cast<off_t>(done));
        FUZZ_CHECK(n > 0);
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    write_input(data, size);
    // The corpus names its sheets "S": an even-sized input asks for that sheet by name, an
    // odd-sized one reads the first (both paths, chosen so a reproducer replays the same way).
    std::optional<std::string> sheet;
    if (size % 2 == 0)
        sheet = "S";
    coach::imports::XlsxReader reader(input_path(), sheet);
    coach::imports::Record r;
    const coach::imports::XlsxLimits limits;
    while (reader.next(r)) {
        // Row numbers are the sheet's own (r="..."): in range, not necessarily in order.
        FUZZ_CHECK(r.row >= 1 && r.row <= limits.rows);
        FUZZ_CHECK(r.cells.size() <= limits.columns);
        for (auto cell : r.cells)
            FUZZ_CHECK(cell.size() <= limits.cell_chars * 4);  // characters of up to 4 bytes
    }
    (void)reader.error();
    return 0;
}
