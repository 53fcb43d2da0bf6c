#pragma once
#include "http/router.hpp"

namespace coach::dashboards {

// GET /api/v1/dashboard, /api/v1/teams/{team_leader_id}/dashboard,
// /api/v1/team-performance-summary, /api/v1/agents/{id}/overview
void add_routes(http::Router& router);

}  // namespace coach::dashboards
