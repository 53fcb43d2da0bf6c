#pragma once
// coach import FILE --type METRICS [--mode strict|partial] [--dry-run] [--force] [--as EMAIL]
//                   [--sheet NAME]
// The same import as POST /api/v1/imports, on a blocking connection; the importer is the first
// ADMIN (or the ADMIN/MANAGER given by --as). Progress on stderr when it is a terminal.
// Exit codes: 0 SUCCESS, 1 FAILED or no database, 2 bad arguments, 3 PARTIAL_SUCCESS,
// 4 refused (the same file was imported already: --force imports it again).
#include <CLI/App.hpp>

namespace coach::cli {

void add_import_command(CLI::App& app);

}  // namespace coach::cli
