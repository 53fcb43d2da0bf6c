#include "support/sheet_rows.hpp"

#include "imports/csv_reader.hpp"
#include "imports/xlsx_reader.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace coach::test {
namespace fs = std::filesystem;

namespace {

Rows records(imports::RecordSource& reader) {
    Rows out;
    imports::Record rec;
    while (reader.next(rec)) {
        std::vector<std::string> cells(rec.cells.begin(), rec.cells.end());
        while (!cells.empty() && cells.back().empty())
            cells.pop_back();
        out.push_back(std::move(cells));
    }
    EXPECT_EQ(reader.error(), "");
    return out;
}

}  // namespace

Rows csv_rows(const std::string& text) {
    std::istringstream in(text);
    imports::CsvReader reader(in);
    return records(reader);
}

Rows xlsx_rows(const std::string& bytes) {
    static std::atomic<int> counter{0};
    auto path = fs::temp_directory_path() / ("coach-sheet-test-" + std::to_string(getpid()) + "-" +
                                             std::to_string(++counter) + ".xlsx");
    {
        std::ofstream out(path, std::ios::binary);
        out << bytes;
    }
    imports::XlsxReader reader(path.string(), std::nullopt);
    Rows out = records(reader);
    fs::remove(path);
    return out;
}

}  // namespace coach::test
