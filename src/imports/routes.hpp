#pragma once
#include "http/router.hpp"

namespace coach::imports {

// POST/GET /api/v1/imports, GET /api/v1/imports/{id}, POST /api/v1/imports/{id}/rollback,
// GET /api/v1/imports/templates/{import_type}
void add_routes(http::Router& router);

}  // namespace coach::imports
