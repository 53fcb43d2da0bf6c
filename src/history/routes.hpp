#pragma once
#include "http/router.hpp"

namespace coach::history {

// GET /api/v1/performance-history, GET /api/v1/performance-history/{id}
void add_routes(http::Router& router);

}  // namespace coach::history
