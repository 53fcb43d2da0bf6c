#pragma once
// Opens a stored import file as records: XLSX when it starts with a ZIP signature, CSV
// otherwise (whatever its name or declared type).
#include "imports/record_source.hpp"

#include <istream>
#include <memory>
#include <optional>
#include <string>

namespace coach::imports {

struct OpenedSource {
    std::unique_ptr<std::istream> stream;  // declared first: outlives the reader
    std::unique_ptr<RecordSource> reader;
    std::string error;  // cannot be opened (then reader is null)
};

OpenedSource open_source(const std::string& path, const std::optional<std::string>& sheet);

}  // namespace coach::imports
