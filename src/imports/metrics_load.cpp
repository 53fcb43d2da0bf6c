// The METRICS side of the load (loader.hpp): rows checked by MetricsRowChecker a batch at a
// time, into a staging table of the file's metric columns, then one set-based upsert into
// performance_metrics that records each change (import_changes, import_inserted_days).
#include "core/error.hpp"
#include "db/arrays.hpp"
#include "imports/loader.hpp"
#include "imports/metrics_rows.hpp"
#include "imports/sql.hpp"
#include "imports/table_import.hpp"

#include <fmt/format.h>

#include <unordered_map>

namespace coach::imports {

namespace {

class SqlAgentResolver final : public AgentResolver {
  public:
    SqlAgentResolver(db::SyncConnection& conn, const Actor& actor) : conn_(conn), actor_(actor) {}
    Result<void> resolve(const std::vector<std::string>& ids,
                         const std::vector<std::string>& emails,
                         std::vector<std::optional<std::string>>& id_agents,
                         std::vector<std::optional<std::string>>& email_agents) override {
        auto found = lookup_agents(conn_, actor_, ids, emails);
        if (!found)
            return found.error();
        // Keys are few per batch, but thousands in the first batch of a large file.
        std::unordered_map<std::string_view, std::size_t> id_at, email_at;
        for (std::size_t i = 0; i < ids.size(); ++i)
            id_at.emplace(ids[i], i);
        for (std::size_t i = 0; i < emails.size(); ++i)
            email_at.emplace(emails[i], i);
        for (auto& m : *found) {
            auto& at = m.by_email ? email_at : id_at;
            auto it = at.find(m.key);
            if (it != at.end())
                (m.by_email ? email_agents : id_agents)[it->second] = std::move(m.agent.id);
        }
        return {};
    }

  private:
    db::SyncConnection& conn_;
    const Actor& actor_;
};

class MetricsLoader final : public Loader {
  public:
    MetricsLoader(db::SyncConnection& lookups, const ImportOptions& o, std::string today,
                  bool decimal_comma)
        : resolver_(lookups, o.actor),
          strict_(o.mode == Mode::Strict),
          today_(std::move(today)),
          decimal_comma_(decimal_comma) {}

    void match_header(const Record& header, Report& report) override {
        auto columns = match_metrics_header(header.cells, header.row, report.errors);
        report.ignore_columns(columns.ignored);
        if (!report.errors.empty())
            return;
        for (const auto& c : columns.metrics)
            metric_names_.push_back(metrics::kMetricColumns[c.metric]);
        checker_.emplace(std::move(columns), header.cells.size(),
                         MetricsRowChecker::Options{today_, decimal_comma_, 10000, 8192},
                         resolver_);
    }

    std::string staging_sql() const override {
        return fmt::format(fmt::runtime(sql::metrics_staging), fmt::arg("columns", columns("{}")));
    }
    std::string copy_sql() const override {
        return fmt::format(fmt::runtime(sql::metrics_copy), fmt::arg("columns", columns("{}")));
    }

    Result<bool> next_chunk(RecordSource& reader, std::string& chunk,
                            const Progress& progress) override {
        // About one batch of rows; rows are no longer sent once a strict import failed.
        while (more_) {
            bool full = false;
            while (!full && (more_ = reader.next(record_)))
                full = checker_->add(record_);
            std::string& out = strict_ && checker_->failed_rows() > 0 ? discard_ : chunk;
            if (auto r = checker_->flush(out); !r)
                return r.error();
            discard_.clear();
            if (auto r = progress(checker_->total_rows()); !r)
                return r.error();
            if (!chunk.empty())
                return more_;
        }
        return false;
    }

    RowsRead rows_read() const override {
        return {checker_->total_rows(),  checker_->valid_rows(), checker_->failed_rows(),
                checker_->error_count(), checker_->errors(),     {}};
    }

    Result<Statement> upsert(db::SyncConnection& tx, const std::string& import_id,
                             const std::string& file_name) override {
        // First occurrences of duplicates found after they were sent.
        if (!checker_->retracted().empty())
            if (auto r =
                    tx.exec(sql::retract_staged, db::params(db::int_array(checker_->retracted())));
                !r)
                return r.error();
        return Statement{
            fmt::format(fmt::runtime(sql::metrics_upsert), fmt::arg("columns", columns("{}")),
                        fmt::arg("set", columns("{0} = EXCLUDED.{0}")),
                        fmt::arg("stored", columns("pm.{}")),
                        fmt::arg("excluded", columns("EXCLUDED.{}"))),
            db::params(import_id, file_name)};
    }

  private:
    // The file's metric columns, each written as `pattern` ({} the name), comma-separated.
    std::string columns(std::string_view pattern) const {
        std::string out;
        for (auto c : metric_names_) {
            if (!out.empty())
                out += ", ";
            out += fmt::format(fmt::runtime(pattern), c);
        }
        return out;
    }

    SqlAgentResolver resolver_;
    bool strict_;
    std::string today_;
    bool decimal_comma_;
    std::vector<std::string_view> metric_names_;  // the file's metric columns, in COPY order
    std::optional<MetricsRowChecker> checker_;
    Record record_;
    bool more_ = true;
    std::string discard_;
};

}  // namespace

std::unique_ptr<Loader> make_metrics_loader(db::SyncConnection& lookups,
                                            const ImportOptions& options, const std::string& today,
                                            bool decimal_comma) {
    return std::make_unique<MetricsLoader>(lookups, options, today, decimal_comma);
}

}  // namespace coach::imports
