#pragma once
// Optimistic concurrency for what people edit live (coaching sessions; plans to come): GET
// answers the row's version as an ETag; a write sends it back in If-Match and is refused when
// the row has changed since (docs/architecture.md, "Writes"). The version is a column that a
// trigger bumps on every UPDATE, so a change by anyone, anywhere, makes older copies stale.
#include "http/request_context.hpp"
#include "http/response.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace coach::http {

// The ETag of version 7: "\"7\"".
std::string etag(int version);

// The response with the ETag of `version`.
Response with_etag(Response res, int version);

// Whether the write may go on against a row now at `version` (`current_json` is that row):
// nullopt when it may; else the answer: 428 when If-Match is `required` and absent, 400 when
// it is not an ETag, 409 when it names another version (with the row as it is now in
// error.current and its ETag, so the client can show or merge it). `*` matches any version.
std::optional<Response> if_match_refusal(const RequestContext& ctx, int version,
                                         std::string_view current_json, bool required);

}  // namespace coach::http
