#pragma once
// After the demo organisation is loaded: the figures the nightly jobs derive from it (history,
// dashboard snapshots, team summary, percentiles), computed at once so that the dashboards
// are alive on first start instead of after the first night; and the prep of each session of
// the coming week, as its team leader would have built it.
#include "core/error.hpp"
#include "db/sync_connection.hpp"

#include <string>

namespace coach::demo {

// Runs those jobs now (recorded in job_runs like a `coach jobs run`), in the organisation's
// time zone (the setting, else `fallback_timezone`). Blocking. Returns the first failure.
Result<void> derive(db::SyncConnection& conn, const std::string& fallback_timezone);

}  // namespace coach::demo
