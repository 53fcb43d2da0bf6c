#include "demo/derived.hpp"

#include "db/columns.hpp"
#include "demo/sql.hpp"
#include "jobs/registry.hpp"
#include "jobs/runner.hpp"
#include "sessions/store.hpp"

namespace coach::demo {
namespace {

// The coming week's sessions prepared as their team leaders would have (docs/domain.md, "Session
// prep"), in the organisation's time zone (set_config is local to the caller's transaction).
// build_prep decides in C++, so one session at a time: a demo has a few dozen.
Result<void> prepare_coming_week(db::SyncConnection& conn, const std::string& fallback_timezone) {
    if (auto zone = conn.exec(sql::set_time_zone, db::params(fallback_timezone)); !zone)
        return zone.error();
    auto upcoming = conn.exec(sql::upcoming_sessions);
    if (!upcoming)
        return upcoming.error();
    const int id_column = db::column(*upcoming, "id");
    for (int row = 0; row < upcoming->rows(); ++row) {
        const std::string id(upcoming->get(row, id_column));
        auto facts_query = sessions::prep_facts_query(id);
        auto facts_rows = conn.exec(facts_query.sql, facts_query.params);
        if (!facts_rows)
            return facts_rows.error();
        auto facts = sessions::prep_facts_of(*facts_rows);
        if (!facts)
            return facts.error();
        auto store = sessions::set_prep_query(id, sessions::prep_document(*facts));
        if (auto stored = conn.exec(store.sql, store.params); !stored)
            return stored.error();
    }
    return {};
}

}  // namespace

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
    // The preps last: they compare the agent with the team's dashboard snapshots.
    return conn.in_transaction([&] { return prepare_coming_week(conn, fallback_timezone); });
}

}  // namespace coach::demo
