#pragma once
// The organisation's time zone: the setting 'timezone', else COACH_TIMEZONE, else UTC, as the
// SQL function job_timezone() resolves it (app/time_zone_watch keeps this up to date). Every
// database session coach opens runs with TimeZone set to it, so CURRENT_DATE and
// timestamptz::date are the organisation's dates (a coaching session at 23:30 local time counts
// for that day, not for the UTC one); today() gives C++ code the same date before any query.
// Thread-safe: read by every I/O thread, updated by one watcher.
#include "core/clock.hpp"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>

namespace coach {

class OrgTimeZone {
  public:
    std::string name() const;
    // Changes whenever the name or the clock's offset (core/clock.hpp) does: a pooled connection
    // opened under an older generation is closed instead of reused (db::Pool), so new sessions
    // run in the new zone and at the new clock.
    std::uint64_t generation() const {
        return generation_.load(std::memory_order_acquire) + clock::generation();
    }
    // The date (YYYY-MM-DD) in the zone at `now`, from the zone's offset to UTC as last
    // measured (update() every minute: a daylight-saving change, at night, shows within it).
    std::string today(std::chrono::system_clock::time_point now = clock::now()) const;
    // Records the zone and its current offset to UTC (seconds east of Greenwich). Returns true
    // when the name changed.
    bool update(const std::string& name, std::chrono::seconds utc_offset);

  private:
    mutable std::mutex mutex_;
    std::string name_ = "UTC";
    std::chrono::seconds utc_offset_{0};
    std::atomic<std::uint64_t> generation_{0};
};

}  // namespace coach
