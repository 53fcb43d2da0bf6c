#pragma once
// Reading a JSON request body field by field, collecting every problem (each bad field is
// reported: docs/architecture.md, "Errors"). Absent fields stay std::nullopt; for PATCH, `null` is
// a value (clear).
#include "core/error.hpp"
#include "http/request_context.hpp"

#include <boost/json/object.hpp>

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <span>
#include <string>

namespace coach::http {

// The body as JSON: 415 unless Content-Type is JSON, 400 when it does not parse ...
Result<boost::json::value> parse_json_value(const Request& req);
// ... or is not an object.
Result<boost::json::object> parse_json_object(const Request& req);

// A field that may be absent, null or set (PATCH semantics).
template <class T>
struct Patch {
    bool present = false;
    std::optional<T> value;  // nullopt with present == true means null
};

class Fields {
  public:
    explicit Fields(const boost::json::object& o) : o_(o) {}

    std::optional<std::string> string(std::string_view name, bool required, std::size_t max_length,
                                      std::size_t min_length = 0);
    std::optional<std::string> email(std::string_view name, bool required);
    std::optional<std::string> uuid(std::string_view name, bool required);
    std::optional<std::string> date(std::string_view name, bool required);  // YYYY-MM-DD
    // RFC 3339 with its offset: 2026-12-07T09:30:00Z, 2026-12-07T10:30:00+01:00.
    std::optional<std::string> timestamp(std::string_view name, bool required);
    // An array of at most max_items strings, each 1 to max_length characters.
    std::optional<std::vector<std::string>> string_array(std::string_view name, bool required,
                                                         std::size_t max_items,
                                                         std::size_t max_length);
    std::optional<std::string> one_of(std::string_view name, bool required,
                                      std::span<const std::string_view> allowed);
    std::optional<bool> boolean(std::string_view name, bool required);
    std::optional<std::int64_t> integer(std::string_view name, bool required, std::int64_t min,
                                        std::int64_t max);

    // PATCH variants: present/null/value. `nullable` false turns null into an error.
    Patch<std::string> patch_string(std::string_view name, std::size_t max_length,
                                    bool nullable = true, std::size_t min_length = 0);
    Patch<std::string> patch_uuid(std::string_view name, bool nullable = true);
    Patch<std::string> patch_date(std::string_view name, bool nullable = true);
    Patch<std::string> patch_email(std::string_view name);
    Patch<std::string> patch_one_of(std::string_view name,
                                    std::span<const std::string_view> allowed,
                                    bool nullable = true);

    // Fields not in `known` are errors ("unknown field").
    void reject_unknown(std::initializer_list<std::string_view> known);
    void add(std::string field, std::string message) {
        errors_.push_back({std::move(field), std::move(message)});
    }
    bool ok() const { return errors_.empty(); }
    Error error() const { return validation_error(errors_); }
    bool has(std::string_view name) const { return o_.contains(name); }

  private:
    const boost::json::value* get(std::string_view name, bool required);
    const boost::json::object& o_;
    std::vector<FieldError> errors_;
};

// A column a body may set (a whitelist entry: the name is never taken from input), for bodies
// that write a row's columns through jsonb_populate_record (sessions, notes).
struct Column {
    std::string_view name;
    enum Kind { Text, Texts, Integer, Flag, Date, Timestamp, Uuid, OneOf } kind;
    bool nullable = true;
    std::size_t max_length = 0;                     // Text; Texts: each item
    std::int64_t min = 0, max = 0;                  // Integer
    std::span<const std::string_view> labels = {};  // OneOf
};

// The columns of `columns` that `body` names, checked, into `set` (a JSON null where a nullable
// column is cleared); every problem goes to `f`. Texts: at most 20 strings.
void read_columns(const boost::json::object& body, Fields& f, std::span<const Column> columns,
                  boost::json::object& set);
// Every key of `body` that none of `columns` nor `extra` names: "is not a known field".
void reject_unknown(const boost::json::object& body, Fields& f,
                    std::initializer_list<std::span<const Column>> columns,
                    std::initializer_list<std::string_view> extra = {});

bool is_uuid(std::string_view s);
// A path parameter that must be a UUID ("The id must be a UUID." as 400 otherwise).
Result<std::string> uuid_path_param(const RequestContext& ctx, std::string_view name);
bool is_date(std::string_view s);       // a real calendar date in YYYY-MM-DD
bool is_timestamp(std::string_view s);  // RFC 3339 date-time with an offset (Z or +hh:mm)
bool is_email(std::string_view s);
// An absolute http:// or https:// URL with a host (Boost.URL's RFC 3986 parser): what a link a
// browser will follow may be (never javascript:, data: or a relative path).
bool is_web_url(std::string_view s);

}  // namespace coach::http
