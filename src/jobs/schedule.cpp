#include "jobs/schedule.hpp"

#include <boost/json.hpp>

namespace coach::jobs {
namespace json = boost::json;

// Runs that count for a run time: not for another date, not an import's partial recompute.
const std::string& plan_cte() {
    static const std::string cte = R"sql(
WITH z AS (
    SELECT job_timezone($2) AS tz, coalesce($3::timestamptz, now()) AS now
), j AS (
    SELECT j.name, j.description, j.at::time AS at, j.takes_date, j.takes_full, j.ord
      FROM ROWS FROM (jsonb_to_recordset($1::jsonb)
                      AS (name text, description text, "time" text, takes_date boolean,
                          takes_full boolean))
           WITH ORDINALITY AS j(name, description, at, takes_date, takes_full, ord)
), s AS (
    SELECT j.*, z.tz, z.now,
           job_prev_run(j.at, z.tz, z.now) AS prev,
           job_next_run(j.at, z.tz, z.now) AS next
      FROM j CROSS JOIN z
), c AS (
    SELECT s.*,
           CASE WHEN NOT k.done AND k.failures < 3
                THEN greatest(s.prev, coalesce(k.retry_at, s.prev))
                ELSE s.next
           END AS due_at
      FROM s
     CROSS JOIN LATERAL (
         SELECT coalesce(bool_or(r.status IN ('SUCCESS', 'RUNNING')), false) AS done,
                count(*) FILTER (WHERE r.status = 'FAILED') AS failures,
                max(coalesce(r.finished_at, r.started_at)
                    + CASE WHEN r.status = 'FAILED' THEN interval '10 minutes'
                           ELSE interval '1 minute' END)
                    FILTER (WHERE r.status IN ('FAILED', 'SKIPPED')) AS retry_at
           FROM job_runs r
          WHERE r.job_name = s.name
            AND r.started_at >= s.prev AND r.started_at <= s.now
            AND r.params->>'date' IS NULL
            AND r.params->>'trigger' IS DISTINCT FROM 'import'
     ) k
))sql";
    return cte;
}

namespace {

const std::string kPlan = plan_cte() + R"sql(
SELECT name, to_char(at, 'HH24:MI'), tz,
       to_json(prev) #>> '{}', to_json(next) #>> '{}', to_json(due_at) #>> '{}',
       due_at <= now,
       ceil(extract(epoch FROM due_at - now) * 1000)::bigint
  FROM c
 ORDER BY ord)sql";

}  // namespace

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
    auto r = conn.exec(kPlan, db::params(schedule_json(schedule), fallback_timezone, now));
    if (!r)
        return r.error();
    std::vector<PlanItem> out;
    for (int i = 0; i < r->rows(); ++i) {
        PlanItem p;
        p.job = find_job(r->get(i, 0));
        p.time = std::string(r->get(i, 1));
        p.timezone = std::string(r->get(i, 2));
        p.prev_run = std::string(r->get(i, 3));
        p.next_run = std::string(r->get(i, 4));
        p.due_at = std::string(r->get(i, 5));
        p.due = r->get_bool(i, 6);
        p.ms_until_due = r->get_int(i, 7);
        if (p.job)
            out.push_back(std::move(p));
    }
    return out;
}

}  // namespace coach::jobs
