#pragma once
// The account area: signing in and out, the signed-in user, passwords and their resets. An
// area (above auth, audit and users), while auth/ holds what every area relies on: the session
// lookup, password hashing, the sign-in throttle and the session SQL.
#include "http/router.hpp"

namespace coach::account {

// /api/v1/auth/login, logout, me, password-reset, password-reset/confirm, password
void add_routes(http::Router& router);

}  // namespace coach::account
