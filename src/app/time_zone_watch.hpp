#pragma once
// Keeps OrgTimeZone in step with the database: resolve_time_zone() once at start (before the
// first pooled connection opens), then check_time_zone() every minute, so a changed 'timezone'
// setting reaches the API within a minute, as it reaches the job scheduler; and at once on the
// server that changed it (PATCH /api/v1/settings, through Services::refresh_time_zone).
#include "core/org_time_zone.hpp"
#include "db/pool.hpp"
#include "db/sync_connection.hpp"

#include <boost/asio/awaitable.hpp>

namespace coach {

// Reads the zone into `zone`; logs when it changed.
Result<void> resolve_time_zone(db::SyncConnection& conn, const std::string& fallback,
                               OrgTimeZone& zone);

// One check of the zone (run every minute by a Periodic, app.cpp): during an outage the zone
// stays as it was.
boost::asio::awaitable<void> check_time_zone(db::Pool& pool, OrgTimeZone& zone,
                                             const std::string& fallback);

}  // namespace coach
