#pragma once
// Process-wide services shared by every I/O thread (each thread adds its own db::Pool).
// What the layers above implement reaches http through here (authenticate), so http includes
// none of them.
#include "core/config.hpp"
#include "core/error.hpp"
#include "core/org_time_zone.hpp"

#include "db/pool.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>

#include <functional>

namespace coach::auth {
class LoginThrottle;
}

namespace coach::http {

class Router;
class Metrics;
class StaticFiles;
class UploadSlots;
struct RequestContext;

// Resolves the caller of an authenticated route before its handler runs: sets ctx.principal
// and ctx.session, or fails (401, 403). The second argument is the route's Prefetch statement,
// to send in the same round trip (its result goes to ctx.prefetched). app sets it to auth's
// session lookup (auth::authenticate).
using Authenticate =
    std::function<boost::asio::awaitable<Result<void>>(RequestContext&, std::optional<db::Query>)>;

// Threads of Services::long_work: imports and jobs run on request at once; more wait.
inline constexpr std::size_t kLongWorkThreads = 2;

struct Services {
    const Config& config;
    const Router& router;
    boost::asio::thread_pool& workers;  // short blocking work: bcrypt, parsing
    // Long blocking work (imports, jobs run on request): kept apart so that a rebuild of the
    // history never delays a sign-in waiting for bcrypt.
    boost::asio::thread_pool& long_work;
    Metrics& metrics;
    const StaticFiles& static_files;
    auth::LoginThrottle& login_throttle;  // only the account area's sign-in routes use it
    UploadSlots& uploads;                 // dispatch takes one before an upload's body is read
    Authenticate authenticate;
    std::function<std::vector<db::PoolStats>()> pool_stats;  // per I/O thread, for /metrics
    std::string database_url;      // for blocking work on the worker pool (imports)
    const OrgTimeZone& time_zone;  // the organisation's: today(), and name() for SyncConnection
    // Reads the organisation's time zone into `time_zone` now, on `pool` (the caller's thread),
    // as the minute's watch does (app: check_time_zone): after the setting changed, so that
    // this server's next requests run in the new zone. Never fails: during an outage the zone
    // stays as it was until the watch's next check.
    std::function<boost::asio::awaitable<void>(db::Pool&)> refresh_time_zone;
};

}  // namespace coach::http
