#pragma once
// One day of one agent's metrics as received (API body or import row), before it reaches
// performance_metrics. Values are kept as text in PostgreSQL's input format (numbers with a
// '.' decimal point, dates YYYY-MM-DD) so they can be sent as parameters or COPY fields
// without conversion; nullopt = NULL / not given. Shared by the metrics API and imports.
#include "core/error.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coach::metrics {

// The nine daily figures the views chart (the overview's series) and correlate: the five
// composite components, the composite itself, csat, fcr and aht.
inline constexpr std::array<std::string_view, 9> kChartedMetrics = {"service_score",
                                                                    "productivity_score",
                                                                    "quality_score",
                                                                    "attendance_rate",
                                                                    "adherence_score",
                                                                    "composite_score",
                                                                    "csat",
                                                                    "fcr",
                                                                    "aht"};

// The writable columns of performance_metrics, in table order (composite_score is generated).
inline constexpr std::array<std::string_view, 20> kMetricColumns = {"service_score",
                                                                    "productivity_score",
                                                                    "quality_score",
                                                                    "attendance_rate",
                                                                    "adherence_score",
                                                                    "csat",
                                                                    "fcr",
                                                                    "aht",
                                                                    "calls_handled",
                                                                    "calls_transferred",
                                                                    "calls_escalated",
                                                                    "scheduled_hours",
                                                                    "actual_hours",
                                                                    "break_time_minutes",
                                                                    "lunch_time_minutes",
                                                                    "aux_time_minutes",
                                                                    "script_adherence",
                                                                    "compliance_score",
                                                                    "qa_score",
                                                                    "imported_from"};

struct MetricRow {
    std::string agent_id;     // UUID text (resolved from employee_id/email by imports)
    std::string metric_date;  // YYYY-MM-DD
    std::array<std::optional<std::string>, kMetricColumns.size()> values;

    std::optional<std::string>& value(std::string_view column);
    const std::optional<std::string>& value(std::string_view column) const;
};

// Field-level problems of a row (docs/domain.md, "Daily metrics": scores 0-100, csat 1-5, fcr
// 0-100, counts and minutes >= 0 integers, hours 0-24, actual_hours <= 24, no future dates
// relative to `today`). Field names are the column names. Pure: no I/O.
std::vector<FieldError> validate(const MetricRow& row, std::string_view today);

}  // namespace coach::metrics
