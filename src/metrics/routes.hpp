#pragma once
#include "http/router.hpp"

namespace coach::metrics {

// GET/PUT /api/v1/performance-metrics, GET/DELETE /api/v1/performance-metrics/{id}
void add_routes(http::Router& router);

}  // namespace coach::metrics
