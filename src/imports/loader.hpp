#pragma once
// What differs between loading a METRICS file and a file of another type (USERS, PROFILES,
// COACHING_HISTORY). The load itself is one path for every type (importer.cpp): open the
// file, match its header, stream the checked rows into a staging table, accept or refuse the
// file, upsert from the staging table, record the outcome.
//   METRICS (metrics_load.cpp): checked a batch at a time while the previous batch is sent,
//   for files of millions of rows.
//   The others (table_load.cpp, over the type's TableImport): read whole, then checked
//   together (a row may name a user of a later row); at most kMaxTableRows rows.
#include "core/error.hpp"
#include "db/params.hpp"
#include "db/sync_connection.hpp"
#include "imports/import_log.hpp"
#include "imports/importer.hpp"
#include "imports/record_source.hpp"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace coach::imports {

// What reading the rows found.
struct RowsRead {
    long total = 0, valid = 0, failed = 0, error_count = 0;
    std::vector<ImportError> errors;  // those kept, in row order
    std::string refusal;              // why the whole file is refused ("" when it is not)
};

struct Statement {
    std::string sql;
    db::Params params;
};

class Loader {
  public:
    // Called with the rows read so far; an error stops the load.
    using Progress = std::function<Result<void>(long rows)>;

    virtual ~Loader() = default;
    // Matches the header record: the errors that make it unusable and the unknown columns
    // (warnings) go to `report`.
    virtual void match_header(const Record& header, Report& report) = 0;
    // CREATE TEMP TABLE import_staging (row_no, ...) ON COMMIT DROP, and the COPY into it.
    virtual std::string staging_sql() const = 0;
    virtual std::string copy_sql() const = 0;
    // Reads and checks rows, appending the COPY text of the valid ones to `chunk`; false when
    // no chunk follows. Runs on the thread that reads the file (importer.cpp).
    virtual Result<bool> next_chunk(RecordSource& reader, std::string& chunk,
                                    const Progress& progress) = 0;
    // Once the last chunk is made.
    virtual RowsRead rows_read() const = 0;
    // The upsert from the staging table, after any clean-up of it on `tx` (the import's
    // transaction): one row (inserted, updated), recording what it changed for `import_id`.
    virtual Result<Statement> upsert(db::SyncConnection& tx, const std::string& import_id,
                                     const std::string& file_name) = 0;
};

// `lookups`: the autocommit connection the checks read users on. `today`: the latest date a
// row may have. `decimal_comma`: RecordSource::decimal_comma().
std::unique_ptr<Loader> make_metrics_loader(db::SyncConnection& lookups,
                                            const ImportOptions& options, const std::string& today,
                                            bool decimal_comma);
// USERS, PROFILES or COACHING_HISTORY; nullptr for another type.
std::unique_ptr<Loader> make_table_loader(db::SyncConnection& lookups, const ImportOptions& options,
                                          const std::string& today);

}  // namespace coach::imports
