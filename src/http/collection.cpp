#include "http/collection.hpp"

#include "core/base64url.hpp"
#include "core/utf8.hpp"
#include "http/json_input.hpp"
#include "http/response.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <charconv>

namespace coach::http {
namespace json = boost::json;

std::string encode_cursor(const std::vector<std::string>& parts) {
    json::array a;
    for (const auto& p : parts)
        a.emplace_back(p);
    return base64url_encode(json::serialize(a));
}

std::optional<std::vector<std::string>> decode_cursor(std::string_view cursor) {
    auto raw = base64url_decode(cursor);
    if (!raw)
        return std::nullopt;
    boost::system::error_code ec;
    json::value v = json::parse(*raw, ec);
    if (ec || !v.is_array())
        return std::nullopt;
    std::vector<std::string> out;
    for (const auto& e : v.as_array()) {
        if (!e.is_string())
            return std::nullopt;
        out.emplace_back(e.as_string());
    }
    return out;
}

namespace {

// "YYYY-MM-DD hh:mm:ss[.f...]+00": a timestamptz as a keyset writes it (at UTC).
bool is_timestamp_text(std::string_view s) {
    if (s.size() < 22 || s.size() > 29 || !is_date(s.substr(0, 10)) || s[10] != ' ' ||
        !s.ends_with("+00"))
        return false;
    std::string_view t = s.substr(11, s.size() - 14);
    static constexpr std::string_view kPattern = "00:00:00";
    if (t.size() < 8)
        return false;
    for (std::size_t i = 0; i < 8; ++i)
        if (kPattern[i] == ':' ? t[i] != ':' : (t[i] < '0' || t[i] > '9'))
            return false;
    if ((t[0] - '0') * 10 + (t[1] - '0') > 23 || t[3] > '5' || t[6] > '5')
        return false;
    if (t.size() == 8)
        return true;
    if (t[8] != '.' || t.size() < 10)
        return false;
    for (char c : t.substr(9))
        if (c < '0' || c > '9')
            return false;
    return true;
}

bool is_a(KeyPart part, const std::string& value) {
    switch (part) {
        case KeyPart::Text:
            return valid_utf8(value);
        case KeyPart::Uuid:
            return is_uuid(value);
        case KeyPart::Date:
            return is_date(value);
        case KeyPart::Timestamp:
            return is_timestamp_text(value);
    }
    return false;
}

}  // namespace

Page read_page(const RequestContext& ctx, std::initializer_list<KeyPart> key,
               std::vector<FieldError>& errors) {
    Page p;
    if (auto l = ctx.query_param("limit")) {
        int v = 0;
        auto [ptr, ec] = std::from_chars(l->data(), l->data() + l->size(), v);
        if (ec != std::errc() || ptr != l->data() + l->size() || v < 1 || v > 500)
            errors.push_back({"limit", "must be an integer between 1 and 500"});
        else
            p.limit = v;
    }
    if (auto c = ctx.query_param("cursor"); c && !c->empty()) {
        p.after = decode_cursor(*c);
        if (!p.after || p.after->size() != key.size() ||
            !std::equal(key.begin(), key.end(), p.after->begin(), is_a)) {
            errors.push_back({"cursor", "is not a cursor returned by this collection"});
            p.after.reset();
        }
    }
    return p;
}

std::string collection_json(const std::vector<std::string_view>& items,
                            const std::optional<std::string>& next) {
    std::string out = "{\"items\":[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i)
            out += ',';
        out += items[i];
    }
    out += "],\"next_cursor\":";
    out += next ? json::serialize(json::value(*next)) : "null";
    out += '}';
    return out;
}

}  // namespace coach::http

namespace coach::http {

Response collection_response(const std::vector<std::string>& items,
                             const std::optional<std::vector<std::string>>& last_key) {
    std::vector<std::string_view> views(items.begin(), items.end());
    std::optional<std::string> next;
    if (last_key)
        next = encode_cursor(*last_key);
    return json_text(Status::ok, collection_json(views, next));
}

Result<Response> collection_response(const Result<db::KeysetPage>& page) {
    if (!page)
        return page.error();
    return collection_response(page->items, page->last_key);
}

}  // namespace coach::http
