#include "http/etag.hpp"

#include <boost/json.hpp>

#include <charconv>

namespace coach::http {
namespace json = boost::json;
namespace {

// The version an ETag names ("7" or W/"7"); nullopt when it is not one of ours.
std::optional<int> version_of(std::string_view tag) {
    if (tag.starts_with("W/"))
        tag.remove_prefix(2);
    if (tag.size() < 3 || tag.front() != '"' || tag.back() != '"')
        return std::nullopt;
    tag = tag.substr(1, tag.size() - 2);
    int v = 0;
    auto [end, ec] = std::from_chars(tag.data(), tag.data() + tag.size(), v);
    if (ec != std::errc{} || end != tag.data() + tag.size() || v < 0)
        return std::nullopt;
    return v;
}

// The error model with one detail on If-Match and, for a stale write, the row as it is now.
Response if_match_error(ErrorCode code, std::string message, std::string detail,
                        json::value current) {
    Error e = make_error(code, std::move(message));
    e.details.push_back({"If-Match", std::move(detail)});
    json::object more;
    if (!current.is_null())
        more["current"] = std::move(current);
    return error_response(e, std::move(more));
}

}  // namespace

std::string etag(int version) {
    return "\"" + std::to_string(version) + "\"";
}

Response with_etag(Response res, int version) {
    res.set(beast_http::field::etag, etag(version));
    return res;
}

std::optional<Response> if_match_refusal(const RequestContext& ctx, int version,
                                         std::string_view current_json, bool required) {
    std::string_view header = ctx.header(beast_http::field::if_match);
    if (header.empty()) {
        if (!required)
            return std::nullopt;
        return with_etag(error_response(make_error(ErrorCode::PreconditionRequired,
                                                   "Send the ETag you last read in If-Match, so "
                                                   "that a change made meanwhile is not "
                                                   "overwritten.")),
                         version);
    }
    if (header == "*")
        return std::nullopt;
    auto sent = version_of(header);
    if (!sent) {
        return if_match_error(ErrorCode::BadRequest, "If-Match must be an ETag this server sent.",
                              "must be an ETag such as \"7\"", nullptr);
    }
    if (*sent == version)
        return std::nullopt;
    json::value current = json::parse(current_json);
    return with_etag(
        if_match_error(ErrorCode::Conflict,
                       "This was changed since you read it (your version " + std::to_string(*sent) +
                           ", now " + std::to_string(version) +
                           "); nothing was saved. Reload it and apply your change again.",
                       "names an older version", std::move(current)),
        version);
}

}  // namespace coach::http
