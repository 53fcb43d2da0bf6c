#pragma once
// Checks every data row of a METRICS file and turns the valid ones into COPY text for the
// staging table. Rows are buffered in batches; each batch resolves the agents it has not seen
// yet with one lookup (AgentResolver), so there is never one query per row. Every problem of
// every row is reported (up to max_errors entries; the counts are always exact).
//
// Duplicates: when two rows have the same agent and date, every one of them is refused (which
// one is right cannot be known). A first occurrence already sent to COPY is "retracted": the
// caller deletes those row numbers from the staging table before loading.
#include "core/error.hpp"
#include "imports/first_rows.hpp"
#include "imports/metrics_columns.hpp"
#include "imports/record_source.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace coach::imports {

// Finds agents by employee ID or email (one call per batch, only for keys not seen before).
class AgentResolver {
  public:
    virtual ~AgentResolver() = default;
    // Fills `*_ids` (same size and order as the keys) with the agent's id, or nullopt when no
    // agent the importer may import for has that key.
    virtual Result<void> resolve(const std::vector<std::string>& employee_ids,
                                 const std::vector<std::string>& emails,
                                 std::vector<std::optional<std::string>>& employee_id_agents,
                                 std::vector<std::optional<std::string>>& email_agents) = 0;
};

class MetricsRowChecker {
  public:
    struct Options {
        std::string today;           // YYYY-MM-DD: later dates are refused
        bool decimal_comma = false;  // RecordSource::decimal_comma()
        std::size_t max_errors = 10000;
        std::size_t batch_rows = 8192;
    };
    // `header_cells`: the number of cells of the header (cells beyond it must be empty).
    MetricsRowChecker(MetricsColumns columns, std::size_t header_cells, Options options,
                      AgentResolver& resolver);

    // Buffers one data record; true when the batch is full (call flush()).
    bool add(const Record& record);
    // Checks the buffered rows and appends each valid one to `copy` as a COPY text line:
    // row number, agent_id, metric_date, then the metric columns of columns().metrics.
    Result<void> flush(std::string& copy);

    const MetricsColumns& columns() const { return columns_; }
    long total_rows() const { return total_; }
    long valid_rows() const { return valid_; }
    long failed_rows() const { return failed_; }
    long error_count() const { return error_count_; }
    // Row numbers sent to COPY and refused afterwards (duplicates found later).
    const std::vector<long>& retracted() const { return retracted_; }
    // The errors kept (at most max_errors), in row order.
    std::vector<ImportError> errors() const;

  private:
    struct Pending {
        long row;
        std::string_view problem;
        std::uint32_t first_span;
        bool has_extra;  // a non-empty cell beyond the header (its span follows the wanted ones)
    };
    struct Span {
        std::uint32_t begin, size;
    };
    std::string_view cell(const Pending& p, std::size_t i) const;
    void error(long row, std::string_view column, std::string_view value, std::string message);
    void check(const Pending& p, std::string& copy);
    int agent_of(const std::string& key, bool email) const;

    MetricsColumns columns_;
    Options options_;
    AgentResolver& resolver_;
    // Cells kept per row: employee_id, email, metric_date, then each metric column.
    std::vector<std::size_t> wanted_;
    std::size_t header_cells_ = 0;
    std::string arena_;
    std::vector<Span> spans_;
    std::vector<Pending> pending_;

    std::unordered_map<std::string, int> employee_agents_, email_agents_;  // -1: no agent
    std::vector<std::string> agent_ids_;

    FirstRows first_rows_;  // (agent ordinal, day) -> its first row | kSent | kReported

    metrics::MetricRow row_;
    std::string scratch_;
    long total_ = 0, valid_ = 0, failed_ = 0, error_count_ = 0;
    bool row_failed_ = false;
    std::vector<ImportError> errors_;
    std::vector<long> retracted_;
};

}  // namespace coach::imports
