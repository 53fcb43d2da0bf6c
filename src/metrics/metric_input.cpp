#include "metrics/metric_input.hpp"

#include "http/json_input.hpp"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <unordered_map>

namespace coach::metrics {
namespace json = boost::json;

namespace {

// Columns the server sets: accepted nowhere in a request, named as such.
constexpr std::string_view kReadOnly[] = {"id", "composite_score", "created_at", "updated_at"};

// Position of a field in the error order: agent_id, metric_date, the columns, the rest.
std::size_t field_rank(std::string_view field) {
    if (field == "agent_id")
        return 0;
    if (field == "metric_date")
        return 1;
    for (std::size_t i = 0; i < kMetricColumns.size(); ++i)
        if (kMetricColumns[i] == field)
            return 2 + i;
    return 2 + kMetricColumns.size();
}

ParsedRow parse_row(const json::value& v, std::string_view today) {
    ParsedRow out;
    if (!v.is_object()) {
        out.errors.push_back({"row", "must be an object"});
        return out;
    }
    const json::object& o = v.as_object();
    std::vector<FieldError> shape;  // JSON-level problems; they hide validate()'s for that field
    auto text = [&](std::string_view name, std::string& dst) {
        auto it = o.find(name);
        if (it == o.end() || it->value().is_null())
            shape.push_back({std::string(name), "is required"});
        else if (!it->value().is_string())
            shape.push_back({std::string(name), "must be a string"});
        else
            dst = std::string(it->value().as_string());
    };
    text("agent_id", out.row.agent_id);
    text("metric_date", out.row.metric_date);
    for (std::size_t i = 0; i < kMetricColumns.size(); ++i) {
        auto it = o.find(kMetricColumns[i]);
        if (it == o.end() || it->value().is_null())
            continue;
        const json::value& value = it->value();
        if (kMetricColumns[i] == "imported_from") {
            if (value.is_string())
                out.row.values[i] = std::string(value.as_string());
            else
                shape.push_back({std::string(kMetricColumns[i]), "must be a string"});
        } else if (auto n = number_text(value)) {
            out.row.values[i] = std::move(*n);
        } else {
            shape.push_back({std::string(kMetricColumns[i]), "must be a number"});
        }
    }
    for (const auto& kv : o) {
        std::string_view key = kv.key();
        if (key == "agent_id" || key == "metric_date" ||
            std::find(kMetricColumns.begin(), kMetricColumns.end(), key) != kMetricColumns.end())
            continue;
        bool read_only =
            std::find(std::begin(kReadOnly), std::end(kReadOnly), key) != std::end(kReadOnly);
        shape.push_back({std::string(key), read_only ? "is set by the server; leave it out"
                                                     : "is not a known field"});
    }
    out.errors = shape;
    for (auto& e : validate(out.row, today)) {
        bool hidden = std::any_of(shape.begin(), shape.end(),
                                  [&](const FieldError& s) { return s.field == e.field; });
        if (!hidden)
            out.errors.push_back(std::move(e));
    }
    std::stable_sort(out.errors.begin(), out.errors.end(),
                     [](const FieldError& a, const FieldError& b) {
                         return field_rank(a.field) < field_rank(b.field);
                     });
    return out;
}

}  // namespace

std::optional<std::string> number_text(const json::value& v) {
    if (v.is_int64())
        return std::to_string(v.as_int64());
    if (v.is_uint64())
        return std::to_string(v.as_uint64());
    if (!v.is_double())
        return std::nullopt;
    // Shortest fixed notation that reads back as the same double: 85.5 -> "85.5", 1e2 -> "100".
    char buf[400];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v.as_double(), std::chars_format::fixed);
    if (ec != std::errc())
        return std::string("1e999");  // cannot happen for a finite double; out of every range
    return std::string(buf, end);
}

Result<std::vector<ParsedRow>> parse_metric_rows(const json::value& body, std::string_view today) {
    std::vector<ParsedRow> rows;
    if (body.is_object()) {
        rows.push_back(parse_row(body, today));
    } else if (body.is_array()) {
        const json::array& a = body.as_array();
        if (a.empty())
            return validation_error({{"body", "must hold at least one row"}});
        if (a.size() > kMaxRowsPerRequest)
            return make_error(ErrorCode::PayloadTooLarge,
                              "At most " + std::to_string(kMaxRowsPerRequest) +
                                  " rows per request; import a file for more.");
        rows.reserve(a.size());
        for (const auto& v : a)
            rows.push_back(parse_row(v, today));
    } else {
        return make_error(ErrorCode::BadRequest,
                          "The request body must be a JSON object or an array of objects.");
    }
    // The same day of the same agent twice: the first occurrence is written, later ones fail
    // (one statement cannot write a row twice, and the order would be arbitrary anyway).
    std::unordered_map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (!rows[i].errors.empty())
            continue;
        std::string key = rows[i].row.agent_id + "/" + rows[i].row.metric_date;
        std::transform(key.begin(), key.end(), key.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        auto [it, inserted] = first.emplace(std::move(key), i);
        if (!inserted)
            rows[i].errors.push_back(
                {"metric_date", "repeats the agent_id and metric_date of item " +
                                    std::to_string(it->second) + " of this request"});
    }
    return rows;
}

Result<std::vector<ParsedRow>> parse_metric_request(const http::Request& req,
                                                    std::string_view today) {
    auto v = http::parse_json_value(req);
    if (!v)
        return v.error();
    return parse_metric_rows(*v, today);
}

std::string today_anywhere(std::chrono::system_clock::time_point now) {
    using namespace std::chrono;
    auto day = floor<days>(now + hours(14));
    year_month_day ymd{day};
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    return buf;
}

}  // namespace coach::metrics
