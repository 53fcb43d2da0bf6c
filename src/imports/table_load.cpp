// The side of the load (loader.hpp) of USERS, PROFILES and COACHING_HISTORY files: every row
// read first (a row may name a user of a later one), then the type's checks over all of them
// (TableImport::check), one COPY chunk of the valid rows, and the type's one upsert.
#include "imports/loader.hpp"
#include "imports/table_import.hpp"

#include <fmt/format.h>

namespace coach::imports {
namespace {

class TableLoader final : public Loader {
  public:
    TableLoader(std::unique_ptr<TableImport> type, db::SyncConnection& lookups,
                const ImportOptions& o)
        : type_(std::move(type)),
          lookups_(lookups),
          import_type_(o.import_type),
          strict_(o.mode == Mode::Strict) {}

    void match_header(const Record& header, Report& report) override {
        header_ = match_table_header(type_->columns(), header.cells, header.row, report.errors);
        report.ignore_columns(header_.ignored);
        type_->check_header(header_, header.row, report.errors);
    }

    std::string staging_sql() const override { return std::string(type_->staging_sql()); }
    std::string copy_sql() const override { return std::string(type_->copy_sql()); }

    Result<bool> next_chunk(RecordSource& reader, std::string& chunk,
                            const Progress& progress) override {
        std::vector<TableRow> rows;
        Record record;
        while (reader.next(record)) {
            if (static_cast<long>(rows.size()) >= kMaxTableRows) {
                refusal_ = fmt::format("{} files are limited to {} rows; split the file.",
                                       import_type_, kMaxTableRows);
                return false;
            }
            rows.push_back(table_row(header_, record));
            if (auto r = progress(static_cast<long>(rows.size())); !r)
                return r.error();
        }
        total_ = static_cast<long>(rows.size());
        if (!reader.error().empty() || rows.empty())
            return false;  // the file is refused (importer.cpp)
        if (auto r = type_->check(lookups_, header_, rows, checked_); !r)
            return r.error();
        if (!strict_ || checked_.failed == 0)
            chunk.swap(checked_.copy);  // one chunk: the file is small (kMaxTableRows)
        return false;
    }

    RowsRead rows_read() const override {
        return {total_,          checked_.valid, checked_.failed, checked_.error_count,
                checked_.errors, refusal_};
    }

    Result<Statement> upsert(db::SyncConnection&, const std::string& import_id,
                             const std::string&) override {
        return Statement{std::string(type_->upsert_sql()), type_->upsert_params(import_id)};
    }

  private:
    std::unique_ptr<TableImport> type_;
    db::SyncConnection& lookups_;
    std::string import_type_;
    bool strict_;
    HeaderMap header_;
    long total_ = 0;
    CheckedRows checked_;
    std::string refusal_;
};

}  // namespace

std::unique_ptr<Loader> make_table_loader(db::SyncConnection& lookups, const ImportOptions& options,
                                          const std::string& today) {
    auto type = make_table_import(options.import_type, options.actor, today);
    if (!type)
        return nullptr;
    return std::make_unique<TableLoader>(std::move(type), lookups, options);
}

}  // namespace coach::imports
