#pragma once
#include "http/types.hpp"

namespace coach::http {

// CSP, nosniff, referrer policy and framing on every response.
void add_security_headers(Response& res);

}  // namespace coach::http
