#pragma once
// Security headers on every response (CSP, nosniff, referrer policy, framing), as one block of
// header lines built once at startup and written by the server after the response's own fields
// (see Server::session): no per-response field inserts.
//
// API responses (JSON, or no body) get the short policy OWASP recommends for APIs,
// `default-src 'none'; frame-ancestors 'none'`: they are never rendered as documents, and
// nosniff keeps a browser from treating them as anything else. Everything else (the web app's
// HTML, scripts, styles, images, /metrics text) gets the full document policy plus
// X-Frame-Options and Cross-Origin-Opener-Policy (only meaningful for documents; kept for every
// non-JSON type so a script loaded as a worker is still covered).
#include "http/types.hpp"

#include <string_view>

namespace coach::http {

inline constexpr std::string_view kDocumentCsp =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'";
inline constexpr std::string_view kApiCsp = "default-src 'none'; frame-ancestors 'none'";

// The header lines ("Name: value\r\n" each, ending with "\r\n" but without the blank line that
// ends the header) to append to res's own fields: the security headers, Server, and
// Cache-Control: no-store unless res sets its own Cache-Control.
std::string_view fixed_header_lines(const Response& res);

}  // namespace coach::http
