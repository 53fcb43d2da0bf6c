#include "demo/derived.hpp"

#include "jobs/registry.hpp"
#include "jobs/runner.hpp"

namespace coach::demo {

Result<void> derive(db::SyncConnection& conn, const std::string& fallback_timezone) {
    // History first: nothing else reads it, but it is the longest; then what the dashboards
    // show.
    for (const char* name : {"history", "dashboard_snapshots", "team_summary", "percentiles"}) {
        jobs::RunOptions o;
        o.trigger = jobs::Trigger::Cli;
        o.fallback_timezone = fallback_timezone;
        auto run = jobs::run_job(conn, *jobs::find_job(name), o);
        if (!run)
            return run.error();
        if (run->status != jobs::RunStatus::Success)
            return make_error(ErrorCode::Internal, std::string("the demo's ") + name +
                                                       " job did not succeed: " + run->run_json);
    }
    return {};
}

}  // namespace coach::demo
