#include "http/security_headers.hpp"

#include <string>

namespace coach::http {

namespace {

std::string block(bool api, bool no_store) {
    std::string out = "Content-Security-Policy: ";
    out += api ? kApiCsp : kDocumentCsp;
    out += "\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: same-origin\r\n";
    if (!api)
        out += "X-Frame-Options: DENY\r\nCross-Origin-Opener-Policy: same-origin\r\n";
    if (no_store)
        out += "Cache-Control: no-store\r\n";
    out += "Server: coach\r\n";
    return out;
}

bool is_api_response(const Response& res) {
    auto it = res.find(beast_http::field::content_type);
    // No body: a 204 (an API answer), or a 304 revalidating a cached document or asset, whose
    // stored headers the browser updates from the 304's: it must carry the document CSP, or a
    // reload of the page runs under "default-src 'none'" and loads nothing.
    if (it == res.end())
        return res.result() != beast_http::status::not_modified;
    std::string_view type(it->value().data(), it->value().size());
    return type.starts_with("application/json");
}

}  // namespace

std::string_view fixed_header_lines(const Response& res) {
    // Built once (thread-safe static initialisation), then shared read-only by every thread.
    static const std::string blocks[2][2] = {{block(false, false), block(false, true)},
                                             {block(true, false), block(true, true)}};
    const bool no_store = res.find(beast_http::field::cache_control) == res.end();
    return blocks[is_api_response(res)][no_store];
}

}  // namespace coach::http
