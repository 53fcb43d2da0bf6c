#include "imports/sources.hpp"

#include "imports/csv_reader.hpp"
#include "imports/xlsx_reader.hpp"

#include <fstream>

namespace coach::imports {

OpenedSource open_source(const std::string& path, const std::optional<std::string>& sheet) {
    OpenedSource s;
    auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
    if (!*file) {
        s.error = "the stored file cannot be read";
        return s;
    }
    char magic[4] = {};
    file->read(magic, 4);
    bool zip =
        file->gcount() == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
    file->clear();
    file->seekg(0);
    if (zip) {
        file.reset();
        auto xlsx = std::make_unique<XlsxReader>(path, sheet);
        if (!xlsx->error().empty()) {
            s.error = xlsx->error();
            return s;
        }
        s.reader = std::move(xlsx);
        return s;
    }
    if (sheet) {
        s.error = "sheet= applies to XLSX files only";
        return s;
    }
    s.stream = std::move(file);
    s.reader = std::make_unique<CsvReader>(*s.stream);
    return s;
}

}  // namespace coach::imports
