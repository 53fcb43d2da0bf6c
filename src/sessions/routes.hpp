#pragma once
#include "http/router.hpp"

namespace coach::sessions {

// /api/v1/coaching-sessions: list, schedule, get, change (If-Match), and the lifecycle
// (/start, /complete, /cancel, /no-show) and the agent's /acknowledge.
void add_routes(http::Router& router);

}  // namespace coach::sessions
