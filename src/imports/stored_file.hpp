#pragma once
// An import's file on disk: <data dir>/imports/<import id>/<file name>, written and hashed
// (SHA-256: the same file imported twice is refused) in one pass. The folder is removed when
// the import stores nothing (refused before its log exists, or a dry run).
#include "core/error.hpp"
#include "imports/importer.hpp"

#include <filesystem>
#include <string>
#include <string_view>

namespace coach::imports {

struct StoredFile {
    std::string path;    // absolute
    std::string sha256;  // lower-case hex
    long long size = 0;
};

// Writes the upload (its bytes, or a copy of its path) to `path`, creating the folder.
// Internal error when it cannot be written, 422 when the upload's path cannot be read.
Result<StoredFile> store_file(const Upload& upload, const std::filesystem::path& path);

// Removes the folder of a stored file, whatever is in it (errors ignored).
void remove_stored_folder(const std::filesystem::path& file);

// "report.csv" from "C:\\Users\\me\\report.csv"; printable UTF-8, at most 200 bytes.
std::string sanitize_file_name(std::string_view name, std::string_view fallback);

}  // namespace coach::imports
