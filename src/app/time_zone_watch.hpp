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

// $1: the fallback (COACH_TIMEZONE). One row: the zone name, its offset to UTC now (seconds).
inline constexpr std::string_view kResolveTimeZoneSql = R"sql(
SELECT tz, extract(epoch FROM (now() AT TIME ZONE tz) - (now() AT TIME ZONE 'UTC'))::int
  FROM job_timezone($1) AS tz)sql";

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
