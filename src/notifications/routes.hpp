#pragma once
#include "http/router.hpp"

namespace coach::notifications {

// GET /api/v1/notifications, GET /api/v1/notifications/unread-count,
// POST /api/v1/notifications/{id}/read, POST /api/v1/notifications/read-all: the caller's own.
void add_routes(http::Router& router);

}  // namespace coach::notifications
