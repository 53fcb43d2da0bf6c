#pragma once
#include "http/router.hpp"

namespace coach::notes {

// /api/v1/quick-notes: list, create (Idempotency-Key), get, change, and /address.
void add_routes(http::Router& router);

}  // namespace coach::notes
