#pragma once
#include "http/router.hpp"

namespace coach::settings {

// GET /api/v1/settings (every role), PATCH /api/v1/settings (ADMIN)
void add_routes(http::Router& router);

}  // namespace coach::settings
