#pragma once
// Collections (docs/architecture.md, "Keyset paging"): limit (default 50, max 500), opaque keyset
// cursors, and the
// {"items": [...], "next_cursor": ...} envelope around JSON rows built by PostgreSQL.
#include "core/error.hpp"
#include "db/keyset_page.hpp"
#include "http/request_context.hpp"

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

namespace coach::http {

struct Page {
    int limit = 50;
    std::optional<std::vector<std::string>> after;  // decoded cursor values
};

// What each part of a collection's keyset is, checked when its cursor is read: a cursor the
// server did not write (a part of another type, malformed UTF-8) is the client's 422, never a
// 500 from PostgreSQL's type input.
enum class KeyPart {
    Text,       // valid UTF-8
    Uuid,       // http::is_uuid
    Date,       // YYYY-MM-DD, a real date
    Timestamp,  // "YYYY-MM-DD hh:mm:ss[.ffffff]+00", as keysets of timestamptz are written
};

// Reads limit= and cursor= (of the keyset `key`); errors are added to `errors`.
Page read_page(const RequestContext& ctx, std::initializer_list<KeyPart> key,
               std::vector<FieldError>& errors);

std::string encode_cursor(const std::vector<std::string>& parts);
std::optional<std::vector<std::string>> decode_cursor(std::string_view cursor);

// Joins item JSON texts; `next` is the cursor of the last item when there are more.
std::string collection_json(const std::vector<std::string_view>& items,
                            const std::optional<std::string>& next);

// 200 with the envelope; `last_key` (the keyset of the last item) is set when there are more.
Response collection_response(const std::vector<std::string>& items,
                             const std::optional<std::vector<std::string>>& last_key);

// A store's page as the envelope, or the store's error: a list handler's answer.
Result<Response> collection_response(const Result<db::KeysetPage>& page);

}  // namespace coach::http
