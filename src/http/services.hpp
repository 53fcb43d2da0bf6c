#pragma once
// Process-wide services shared by every I/O thread (each thread adds its own db::Pool).
#include "core/config.hpp"
#include "core/org_time_zone.hpp"

#include "db/pool.hpp"

#include <boost/asio/thread_pool.hpp>

#include <functional>

namespace coach::auth {
class LoginThrottle;
}

namespace coach::http {

class Router;
class Metrics;
class StaticFiles;

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
    auth::LoginThrottle& login_throttle;
    std::function<std::vector<db::PoolStats>()> pool_stats;  // per I/O thread, for /metrics
    std::string database_url;      // for blocking work on the worker pool (imports)
    const OrgTimeZone& time_zone;  // the organisation's: today(), and name() for SyncConnection
};

}  // namespace coach::http
