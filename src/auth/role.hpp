#pragma once
// auth's names for the user roles. The enum and its one table of names are core's
// (core/user_enums.hpp): the http layer carries the caller's role below auth.
#include "core/user_enums.hpp"

namespace coach::auth {

using coach::kAllRoles;
using coach::parse_role;
using coach::Role;
using coach::to_string;

}  // namespace coach::auth
