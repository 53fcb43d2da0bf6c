#include "jobs/schedule.hpp"

#include "db/columns.hpp"
#include "jobs/sql.hpp"

#include <fmt/chrono.h>
#include <boost/json.hpp>

namespace coach::jobs {
namespace json = boost::json;

std::string schedule_json(const std::vector<ScheduledJob>& schedule) {
    json::array a;
    for (const auto& s : schedule)
        a.push_back(json::object{{"name", s.job->name},
                                 {"description", s.job->description},
                                 {"time", s.time},
                                 {"takes_date", s.job->takes_date},
                                 {"takes_full", s.job->takes_full}});
    return json::serialize(a);
}

Result<std::vector<PlanItem>> plan_jobs(db::SyncConnection& conn,
                                        const std::vector<ScheduledJob>& schedule,
                                        const std::string& fallback_timezone,
                                        const std::optional<std::string>& now) {
    auto r = conn.exec(sql::plan, db::params(schedule_json(schedule), fallback_timezone, now));
    if (!r)
        return r.error();
    const int name = db::column(*r, "name"), time = db::column(*r, "time"),
              timezone = db::column(*r, "timezone"), prev_run = db::column(*r, "prev_run"),
              prev_day = db::column(*r, "prev_day"), next_run = db::column(*r, "next_run"),
              due_at = db::column(*r, "due_at"), due = db::column(*r, "due"),
              ms_until_due = db::column(*r, "ms_until_due");
    std::vector<PlanItem> out;
    for (int i = 0; i < r->rows(); ++i) {
        PlanItem p;
        p.job = find_job(r->get(i, name));
        p.time = std::string(r->get(i, time));
        p.timezone = std::string(r->get(i, timezone));
        p.prev_run = std::string(r->get(i, prev_run));
        p.prev_day = std::string(r->get(i, prev_day));
        p.next_run = std::string(r->get(i, next_run));
        p.due_at = std::string(r->get(i, due_at));
        p.due = r->get_bool(i, due);
        p.ms_until_due = r->get_int(i, ms_until_due);
        if (p.job)
            out.push_back(std::move(p));
    }
    return out;
}

std::string timestamp_text(std::chrono::system_clock::time_point t) {
    const auto us = std::chrono::floor<std::chrono::microseconds>(t);
    const auto s = std::chrono::floor<std::chrono::seconds>(us);
    return fmt::format("{:%Y-%m-%d %H:%M:%S}.{:06d}+00", s, (us - s).count());
}

}  // namespace coach::jobs
