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
    if (it == res.end())
        return true;  // no body (204, 304, HEAD of one)
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
