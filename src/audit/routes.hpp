#pragma once
#include "http/router.hpp"

namespace coach::audit {

// GET /api/v1/audit-log (ADMIN)
void add_routes(http::Router& router);

}  // namespace coach::audit
