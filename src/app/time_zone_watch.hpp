#pragma once
// Keeps OrgTimeZone in step with the database: resolve_time_zone() once at start (before the
// first pooled connection opens), then TimeZoneWatch every minute, so a changed 'timezone'
// setting reaches the API within a minute, as it reaches the job scheduler.
#include "core/org_time_zone.hpp"
#include "db/pool.hpp"
#include "db/sync_connection.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

namespace coach {

// Reads the zone into `zone`; logs when it changed.
Result<void> resolve_time_zone(db::SyncConnection& conn, const std::string& fallback,
                               OrgTimeZone& zone);

class TimeZoneWatch {
  public:
    TimeZoneWatch(boost::asio::io_context& io, db::Pool& pool, OrgTimeZone& zone,
                  std::string fallback, std::chrono::milliseconds every);
    void start();
    void stop();  // safe from any thread

  private:
    boost::asio::awaitable<void> run();

    boost::asio::io_context& io_;
    db::Pool& pool_;
    OrgTimeZone& zone_;
    std::string fallback_;
    std::chrono::milliseconds every_;
    boost::asio::steady_timer timer_;
    bool stopping_ = false;
};

}  // namespace coach
