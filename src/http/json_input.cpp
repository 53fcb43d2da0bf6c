#include "http/json_input.hpp"

#include "core/utf8.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/value_from.hpp>
#include <boost/url/parse.hpp>

#include <algorithm>
#include <chrono>

namespace coach::http {
namespace json = boost::json;

Result<json::value> parse_json_value(const Request& req) {
    auto ct = req[beast_http::field::content_type];
    std::string_view type(ct.data(), ct.size());
    type = type.substr(0, type.find(';'));
    while (!type.empty() && type.back() == ' ')
        type.remove_suffix(1);
    if (!(type.size() == 16 && strncasecmp(type.data(), "application/json", 16) == 0))
        return make_error(ErrorCode::UnsupportedMediaType,
                          "The request body must be application/json.");
    boost::system::error_code ec;
    json::value v = json::parse(req.body(), ec);
    if (ec)
        return make_error(ErrorCode::BadRequest, "The request body is not valid JSON.");
    return v;
}

Result<json::object> parse_json_object(const Request& req) {
    auto v = parse_json_value(req);
    if (!v)
        return v.error();
    if (!v->is_object())
        return make_error(ErrorCode::BadRequest, "The request body must be a JSON object.");
    return std::move(v->as_object());
}

bool is_uuid(std::string_view s) {
    if (s.size() != 36)
        return false;
    for (std::size_t i = 0; i < 36; ++i) {
        char c = s[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != '-')
                return false;
        } else if (!std::isxdigit(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return true;
}

Result<std::string> uuid_path_param(const RequestContext& ctx, std::string_view name) {
    std::string id(ctx.path_param(name));
    if (!is_uuid(id))
        return make_error(ErrorCode::BadRequest, "The " + std::string(name) + " must be a UUID.");
    return id;
}

bool is_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-')
        return false;
    for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i])))
            return false;
    int y = std::stoi(std::string(s.substr(0, 4)));
    unsigned m = std::stoi(std::string(s.substr(5, 2)));
    unsigned d = std::stoi(std::string(s.substr(8, 2)));
    return y >= 1900 && std::chrono::year_month_day{std::chrono::year{y}, std::chrono::month{m},
                                                    std::chrono::day{d}}
                            .ok();
}

namespace {
// Two digits at s[at] forming a number in [0, max].
bool two_digits(std::string_view s, std::size_t at, int max) {
    if (at + 2 > s.size() || !std::isdigit(static_cast<unsigned char>(s[at])) ||
        !std::isdigit(static_cast<unsigned char>(s[at + 1])))
        return false;
    return (s[at] - '0') * 10 + (s[at + 1] - '0') <= max;
}
}  // namespace

bool is_timestamp(std::string_view s) {
    // YYYY-MM-DDThh:mm[:ss[.f+]](Z|+hh:mm|-hh:mm)
    if (s.size() < 17 || !is_date(s.substr(0, 10)) || (s[10] != 'T' && s[10] != 't') ||
        !two_digits(s, 11, 23) || s[13] != ':' || !two_digits(s, 14, 59))
        return false;
    std::size_t i = 16;
    if (i < s.size() && s[i] == ':') {
        if (!two_digits(s, i + 1, 60))
            return false;
        i += 3;
        if (i < s.size() && s[i] == '.') {
            const std::size_t digits = ++i;
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
                ++i;
            if (i == digits || i - digits > 9)
                return false;
        }
    }
    if (i + 1 == s.size())
        return s[i] == 'Z' || s[i] == 'z';
    return i + 6 == s.size() && (s[i] == '+' || s[i] == '-') && two_digits(s, i + 1, 23) &&
           s[i + 3] == ':' && two_digits(s, i + 4, 59);
}

bool is_web_url(std::string_view s) {
    auto url = boost::urls::parse_absolute_uri(s);
    if (!url)
        return false;
    return (url->scheme_id() == boost::urls::scheme::http ||
            url->scheme_id() == boost::urls::scheme::https) &&
           url->has_authority() && !url->encoded_host().empty();
}

bool is_email(std::string_view s) {
    auto at = s.find('@');
    if (at == std::string_view::npos || at == 0 || at != s.rfind('@'))
        return false;
    auto domain = s.substr(at + 1);
    if (domain.empty() || domain.find('.') == std::string_view::npos || domain.front() == '.' ||
        domain.back() == '.')
        return false;
    for (char c : s)
        if (std::isspace(static_cast<unsigned char>(c)) ||
            std::iscntrl(static_cast<unsigned char>(c)))
            return false;
    return true;
}

const json::value* Fields::get(std::string_view name, bool required) {
    auto it = o_.find(name);
    if (it == o_.end()) {
        if (required)
            add(std::string(name), "is required");
        return nullptr;
    }
    if (it->value().is_null()) {
        if (required)
            add(std::string(name), "must not be null");
        return nullptr;
    }
    return &it->value();
}

std::optional<std::string> Fields::string(std::string_view name, bool required,
                                          std::size_t max_length, std::size_t min_length) {
    const json::value* v = get(name, required);
    if (!v)
        return std::nullopt;
    if (!v->is_string()) {
        add(std::string(name), "must be a string");
        return std::nullopt;
    }
    std::string s(v->as_string());
    // Boost.JSON has checked the UTF-8; a NUL ("\u0000") is valid JSON that PostgreSQL's text
    // refuses. Lengths count characters, as VARCHAR(n) does.
    const std::size_t length = utf8_length(s);
    if (length == std::string_view::npos) {
        add(std::string(name), "must not contain a NUL character");
        return std::nullopt;
    }
    if (length > max_length) {
        add(std::string(name), "must be at most " + std::to_string(max_length) + " characters");
        return std::nullopt;
    }
    if (length < min_length) {
        add(std::string(name),
            min_length == 1 ? "must not be empty"
                            : "must be at least " + std::to_string(min_length) + " characters");
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> Fields::email(std::string_view name, bool required) {
    auto s = string(name, required, 255);
    if (s && !is_email(*s)) {
        add(std::string(name), "must be an email address");
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> Fields::uuid(std::string_view name, bool required) {
    auto s = string(name, required, 36);
    if (s && !is_uuid(*s)) {
        add(std::string(name), "must be a UUID");
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> Fields::date(std::string_view name, bool required) {
    auto s = string(name, required, 10);
    if (s && !is_date(*s)) {
        add(std::string(name), "must be a date (YYYY-MM-DD)");
        return std::nullopt;
    }
    return s;
}

std::optional<std::string> Fields::timestamp(std::string_view name, bool required) {
    auto s = string(name, required, 40);
    if (s && !is_timestamp(*s)) {
        add(std::string(name), "must be a date and time with its offset (2026-12-07T09:30:00Z)");
        return std::nullopt;
    }
    return s;
}

std::optional<std::vector<std::string>> Fields::string_array(std::string_view name, bool required,
                                                             std::size_t max_items,
                                                             std::size_t max_length) {
    const json::value* v = get(name, required);
    if (!v)
        return std::nullopt;
    if (!v->is_array() || v->as_array().size() > max_items) {
        add(std::string(name),
            "must be an array of at most " + std::to_string(max_items) + " strings");
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const json::value& item : v->as_array()) {
        const std::size_t length =
            item.is_string() ? utf8_length(item.as_string()) : std::string_view::npos;
        if (length == std::string_view::npos || length == 0 || length > max_length) {
            add(std::string(name),
                "must hold strings of 1 to " + std::to_string(max_length) + " characters");
            return std::nullopt;
        }
        out.emplace_back(item.as_string());
    }
    return out;
}

std::optional<std::string> Fields::one_of(std::string_view name, bool required,
                                          std::span<const std::string_view> allowed) {
    auto s = string(name, required, 64);
    if (!s)
        return s;
    for (auto a : allowed)
        if (*s == a)
            return s;
    std::string list;
    for (auto a : allowed)
        list += (list.empty() ? "" : ", ") + std::string(a);
    add(std::string(name), "must be one of " + list);
    return std::nullopt;
}

std::optional<bool> Fields::boolean(std::string_view name, bool required) {
    const json::value* v = get(name, required);
    if (!v)
        return std::nullopt;
    if (!v->is_bool()) {
        add(std::string(name), "must be true or false");
        return std::nullopt;
    }
    return v->as_bool();
}

std::optional<std::int64_t> Fields::integer(std::string_view name, bool required, std::int64_t min,
                                            std::int64_t max) {
    const json::value* v = get(name, required);
    if (!v)
        return std::nullopt;
    std::optional<std::int64_t> n;
    if (v->is_int64())
        n = v->as_int64();
    if (v->is_uint64() && v->as_uint64() <= static_cast<std::uint64_t>(INT64_MAX))
        n = static_cast<std::int64_t>(v->as_uint64());
    // A double converts only inside int64's range (outside, the cast is undefined): -2^63 is
    // exact as a double, 2^63 is the first value past the top.
    if (v->is_double()) {
        double d = v->as_double();
        if (d >= -9223372036854775808.0 && d < 9223372036854775808.0 &&
            d == static_cast<double>(static_cast<std::int64_t>(d)))
            n = static_cast<std::int64_t>(d);
    }
    if (!n) {
        add(std::string(name), "must be an integer");
        return std::nullopt;
    }
    if (*n < min || *n > max) {
        add(std::string(name),
            "must be between " + std::to_string(min) + " and " + std::to_string(max));
        return std::nullopt;
    }
    return n;
}

namespace {
template <class Read>
Patch<std::string> patch_of(const json::object& o, std::string_view name, bool nullable, Fields& f,
                            Read read) {
    Patch<std::string> p;
    auto it = o.find(name);
    if (it == o.end())
        return p;
    p.present = true;
    if (it->value().is_null()) {
        if (!nullable)
            f.add(std::string(name), "must not be null");
        return p;
    }
    p.value = read();
    if (!p.value)
        p.present = false;  // invalid: error already recorded
    return p;
}
}  // namespace

Patch<std::string> Fields::patch_string(std::string_view name, std::size_t max_length,
                                        bool nullable, std::size_t min_length) {
    return patch_of(o_, name, nullable, *this,
                    [&] { return string(name, false, max_length, min_length); });
}

Patch<std::string> Fields::patch_uuid(std::string_view name, bool nullable) {
    return patch_of(o_, name, nullable, *this, [&] { return uuid(name, false); });
}

Patch<std::string> Fields::patch_date(std::string_view name, bool nullable) {
    return patch_of(o_, name, nullable, *this, [&] { return date(name, false); });
}

Patch<std::string> Fields::patch_email(std::string_view name) {
    return patch_of(o_, name, false, *this, [&] { return email(name, false); });
}

Patch<std::string> Fields::patch_one_of(std::string_view name,
                                        std::span<const std::string_view> allowed, bool nullable) {
    return patch_of(o_, name, nullable, *this, [&] { return one_of(name, false, allowed); });
}

void Fields::reject_unknown(std::initializer_list<std::string_view> known) {
    for (const auto& kv : o_) {
        bool found = false;
        for (auto k : known)
            found = found || kv.key() == k;
        if (!found)
            add(std::string(kv.key()), "is not a known field");
    }
}

void read_columns(const json::object& body, Fields& f, std::span<const Column> columns,
                  json::object& set) {
    constexpr std::size_t kMaxItems = 20;
    for (const Column& c : columns) {
        const json::value* v = body.if_contains(c.name);
        if (!v)
            continue;
        if (v->is_null()) {
            if (c.nullable)
                set[c.name] = nullptr;
            else
                f.add(std::string(c.name), "must not be null");
            continue;
        }
        auto put = [&](const auto& value) {
            if (value)
                set[c.name] = json::value_from(*value);
        };
        switch (c.kind) {
            case Column::Text:
                put(f.string(c.name, false, c.max_length));
                break;
            case Column::Texts:
                put(f.string_array(c.name, false, kMaxItems, c.max_length));
                break;
            case Column::Integer:
                put(f.integer(c.name, false, c.min, c.max));
                break;
            case Column::Flag:
                put(f.boolean(c.name, false));
                break;
            case Column::Date:
                put(f.date(c.name, false));
                break;
            case Column::Timestamp:
                put(f.timestamp(c.name, false));
                break;
            case Column::Uuid:
                put(f.uuid(c.name, false));
                break;
            case Column::OneOf:
                put(f.one_of(c.name, false, c.labels));
                break;
        }
    }
}

void reject_unknown(const json::object& body, Fields& f,
                    std::initializer_list<std::span<const Column>> columns,
                    std::initializer_list<std::string_view> extra) {
    for (const auto& kv : body) {
        const std::string_view key = kv.key();
        bool known = std::find(extra.begin(), extra.end(), key) != extra.end();
        for (const auto& list : columns)
            known = known || std::any_of(list.begin(), list.end(),
                                         [&](const Column& c) { return c.name == key; });
        if (!known)
            f.add(std::string(key), "is not a known field");
    }
}

}  // namespace coach::http
