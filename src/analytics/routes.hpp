#pragma once
#include "http/router.hpp"

namespace coach::analytics {

// GET /api/v1/analytics/correlations
void add_routes(http::Router& router);

}  // namespace coach::analytics
