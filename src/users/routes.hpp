#pragma once
#include "http/router.hpp"

namespace coach::users {

// GET/POST /api/v1/users, GET/PATCH/DELETE /api/v1/users/{id}
void add_routes(http::Router& router);

}  // namespace coach::users
