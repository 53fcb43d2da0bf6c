#include "jobs/work.hpp"

#include "db/columns.hpp"
#include "jobs/sql.hpp"

#include <fmt/format.h>

namespace coach::jobs {

Result<JobOutput> dashboard_snapshots(JobContext& c) {
    auto r = c.conn.exec(sql::refresh_snapshots, db::params(c.today));
    if (!r)
        return r.error();
    return JobOutput{r->get_int(0, db::column(*r, "snapshots")), "{}"};
}

Result<JobOutput> overdue_sweep(JobContext& c) {
    auto r = c.conn.exec(sql::overdue_sweep, db::params(c.today));
    if (!r)
        return r.error();
    return JobOutput{r->get_int(0, db::column(*r, "swept")), "{}"};
}

Result<JobOutput> team_summary(JobContext& c) {
    if (auto r = c.conn.exec(sql::refresh_team_summary); !r)
        return r.error();
    auto n = c.conn.exec(sql::count_teams);
    if (!n)
        return n.error();
    return JobOutput{n->get_int(0, db::column(*n, "teams")), "{}"};
}

Result<JobOutput> percentiles(JobContext& c) {
    auto r = c.conn.exec(sql::percentiles, db::params(c.today));
    if (!r)
        return r.error();
    // The day the stored ranking is for (the API's percentile_as_of); a run for another day
    // than today is then redone for today by the drainer (jobs/derived.hpp).
    if (auto as_of = c.conn.exec(sql::set_derived_as_of, db::params("percentiles", c.today));
        !as_of)
        return as_of.error();
    return JobOutput{r->affected(), "{}"};
}

// Daily metrics older than 13 months move to the archive; history older than 3 years goes.
Result<JobOutput> retention(JobContext& c) {
    auto archived = c.conn.exec(sql::archive_metrics, db::params(c.today));
    if (!archived)
        return archived.error();
    auto deleted = c.conn.exec(sql::delete_old_history, db::params(c.today));
    if (!deleted)
        return deleted.error();
    long long moved = archived->get_int(0, db::column(*archived, "archived")),
              gone = deleted->affected();
    return JobOutput{
        moved + gone,
        fmt::format(R"({{"metrics_archived": {}, "history_deleted": {}}})", moved, gone)};
}

Result<JobOutput> note_escalations(JobContext& c) {
    auto r = c.conn.exec(sql::note_escalations, db::params(c.public_url));
    if (!r)
        return r.error();
    return JobOutput{
        r->get_int(0, db::column(*r, "escalated")),
        fmt::format(R"({{"managers": {}}})", r->get_int(0, db::column(*r, "managers")))};
}

Result<JobOutput> acknowledgement_reminders(JobContext& c) {
    auto r = c.conn.exec(sql::acknowledgement_reminders, db::params(c.today, c.public_url));
    if (!r)
        return r.error();
    return JobOutput{r->get_int(0, db::column(*r, "reminded")), "{}"};
}

}  // namespace coach::jobs
