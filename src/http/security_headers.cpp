#include "http/security_headers.hpp"

namespace coach::http {

void add_security_headers(Response& res) {
    res.set("Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
            "form-action 'self'; frame-ancestors 'none'");
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "same-origin");
    res.set("X-Frame-Options", "DENY");
    res.set("Cross-Origin-Opener-Policy", "same-origin");
    if (res.find(beast_http::field::cache_control) == res.end())
        res.set(beast_http::field::cache_control, "no-store");
}

}  // namespace coach::http
