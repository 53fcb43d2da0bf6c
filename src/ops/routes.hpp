#pragma once
#include "http/router.hpp"

namespace coach::ops {

// /healthz, /readyz, /metrics, /api/v1/openapi.json
void add_routes(http::Router& router);

}  // namespace coach::ops
