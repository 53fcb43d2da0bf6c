#pragma once
// METRICS files: which header cell is which column (names and aliases, case-, space- and
// punctuation-insensitive), and how a cell's text becomes a value in PostgreSQL's input format
// (percent signs, decimal commas, AHT as seconds or m:ss or h:mm:ss, dates). Pure: no I/O.
#include "core/text.hpp"
#include "metrics/metric_row.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach::imports {

// One entry of import_logs.error_details.
struct ImportError {
    long row = 0;        // 0: about the whole file (shown as null)
    std::string column;  // the header as written in the file ("" for the whole row or file)
    std::string value;   // the cell as written (cut to 200 characters)
    std::string error;
    bool operator==(const ImportError&) const = default;
};
// An ImportError's value: the cell as written, cut to 200 bytes.
std::string cut_value(std::string_view cell);

struct MetricsColumns {
    struct Column {
        std::size_t cell = 0;    // position in the record
        std::string header;      // as written in the file
        std::size_t metric = 0;  // index in metrics::kMetricColumns (metric columns only)
    };
    std::optional<Column> employee_id, email, metric_date;
    std::vector<Column> metrics;       // in metrics::kMetricColumns order
    std::vector<std::string> ignored;  // headers that match nothing (reported as warnings)
};

// Lower-case ASCII letters and digits only: "Agent E-mail" -> "agentemail".
std::string normalize_header(std::string_view header);

// Maps the header record. Problems that make the file unusable (no agent or date column, no
// metric column, two headers for one column) are added to `errors` for row `header_row`.
MetricsColumns match_metrics_header(const std::vector<std::string_view>& cells, long header_row,
                                    std::vector<ImportError>& errors);

// The header a template uses for each column (the column names themselves).
std::vector<std::string> metrics_template_headers();

enum class ValueKind {
    Percent,  // 0-100 score: "85.5", "85.5%", "85.5 %"
    Decimal,  // csat, hours: no percent sign
    Integer,  // counts and minutes: "12", "12.0"
    Seconds,  // aht: "312", "312.4" (rounded to whole seconds), "5:12", "1:05:12"
};
ValueKind value_kind(std::size_t metric);

// Cells are trimmed with core's trim (core/text.hpp).
// Empty after trimming, or a placeholder for "no value": -, N/A, NA, #N/A, NULL (any case).
bool is_empty_value(std::string_view trimmed);

// Converts a trimmed, non-empty cell; returns nullptr and sets `out`, or returns the error
// message. Ranges and decimal places are checked later by metrics::validate.
// `decimal_comma`: "85,5" means 85.5 (semicolon- and tab-separated files only).
const char* normalize_value(ValueKind kind, std::string_view cell, bool decimal_comma,
                            std::string& out);

// Accepts YYYY-MM-DD (also with / or . and one-digit month/day), optionally followed by a time
// ("2024-03-01T08:00:00Z", "2024-03-01 00:00"), whose date part is taken as written. Day-first
// or month-first dates (3/4/2024, 04.03.2024) are refused as ambiguous. Sets `out` to
// YYYY-MM-DD and `days` to the days since 1970-01-01; returns nullptr or the error message.
const char* normalize_date(std::string_view cell, std::string& out, int& days);

}  // namespace coach::imports
