#pragma once
// Transitional: random tokens, SHA-256 and constant-time comparison are core's
// (core/crypto.hpp). imports/users_rows.cpp still names auth::random_token; it switches to
// core/crypto.hpp once the importer's concurrent rewrite lands, and this header goes.
#include "core/crypto.hpp"

namespace coach::auth {

using coach::random_token;

}  // namespace coach::auth
