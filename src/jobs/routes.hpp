#pragma once
#include "http/router.hpp"

namespace coach::jobs {

// GET /api/v1/jobs (ADMIN; MANAGER read), POST /api/v1/jobs/{name}/run (ADMIN)
void add_routes(http::Router& router);

}  // namespace coach::jobs
