#pragma once
#include "http/router.hpp"

namespace coach::auth {

// /api/v1/auth/login, logout, me, password-reset, password-reset/confirm, password
void add_routes(http::Router& router);

}  // namespace coach::auth
