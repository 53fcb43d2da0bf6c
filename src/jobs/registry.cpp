#include "jobs/registry.hpp"

#include "core/text.hpp"
#include "http/json_input.hpp"

#include <algorithm>
#include <array>

namespace coach::jobs {
namespace {

// Night order: open items and the dashboards' snapshots first, then history (which the dashboards
// read), the team summary, the rankings, and retention last.
constexpr std::array<Job, 8> kJobs = {{
    {"overdue_sweep", "Marks open action items past their due date OVERDUE.", "00:15", true, false,
     &overdue_sweep},
    {"dashboard_snapshots",
     "Recomputes every agent's dashboard snapshot (30-day figures and trends) for the new day.",
     "00:30", true, false, &dashboard_snapshots},
    {"history",
     "Performance history (WEEK, MONTH, QUARTER) for the periods whose metrics changed since the "
     "last run; full=true rebuilds every period.",
     "01:00", true, true, &history},
    {"team_summary",
     "Refreshes the materialized view team_performance_summary, kept for compatibility (the "
     "API computes the summary when asked).",
     "01:30", false, false, &team_summary},
    {"percentiles",
     "Percentile rankings of the last 30 days' averages among active agents, for agents who "
     "opted in.",
     "02:00", true, false, &percentiles},
    {"retention",
     "Moves daily metrics older than 13 months to the archive; deletes history older than 3 "
     "years.",
     "03:00", true, false, &retention},
    {"note_escalations",
     "Tells each manager about the quick notes of their teams past their deadline (once per "
     "note).",
     "08:00", false, false, &note_escalations},
    {"acknowledgement_reminders",
     "Reminds agents of completed coaching sessions they have not acknowledged after 3 working "
     "days (once per session).",
     "09:00", true, false, &acknowledgement_reminders},
}};

bool all_digits(std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::span<const Job> all_jobs() {
    return kJobs;
}

const Job* find_job(std::string_view name) {
    for (const auto& j : kJobs)
        if (j.name == name)
            return &j;
    return nullptr;
}

std::optional<std::string> parse_time_of_day(std::string_view text) {
    auto colon = text.find(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    auto h = text.substr(0, colon), m = text.substr(colon + 1);
    if (!all_digits(h) || !all_digits(m) || h.size() > 2 || m.size() != 2)
        return std::nullopt;
    int hours = std::stoi(std::string(h)), minutes = std::stoi(std::string(m));
    if (hours > 23 || minutes > 59)
        return std::nullopt;
    std::string out = (hours < 10 ? "0" : "") + std::to_string(hours) + ":" + std::string(m);
    return out;
}

Result<std::vector<ScheduledJob>> schedule_from(std::string_view overrides) {
    std::vector<ScheduledJob> out;
    for (const auto& j : kJobs)
        out.push_back({&j, std::string(j.default_time)});
    std::vector<std::string> problems, seen;
    while (!trim(overrides).empty()) {
        auto comma = overrides.find(',');
        auto item = trim(overrides.substr(0, comma));
        overrides =
            comma == std::string_view::npos ? std::string_view{} : overrides.substr(comma + 1);
        auto eq = item.find('=');
        if (eq == std::string_view::npos) {
            problems.push_back("'" + std::string(item) + "' is not name=HH:MM");
            continue;
        }
        std::string name(trim(item.substr(0, eq)));
        auto time = parse_time_of_day(trim(item.substr(eq + 1)));
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const ScheduledJob& s) { return s.job->name == name; });
        if (it == out.end())
            problems.push_back("no job is named '" + name + "'");
        else if (std::find(seen.begin(), seen.end(), name) != seen.end())
            problems.push_back("'" + name + "' is given twice");
        else if (!time)
            problems.push_back("'" + std::string(trim(item.substr(eq + 1))) + "' for " + name +
                               " is not a time HH:MM");
        else
            it->time = *time;
        seen.push_back(name);
    }
    if (!problems.empty()) {
        std::string message = "COACH_JOB_TIMES: ";
        for (std::size_t i = 0; i < problems.size(); ++i)
            message += (i ? "; " : "") + problems[i];
        return make_error(ErrorCode::ValidationFailed, message);
    }
    return out;
}

std::vector<FieldError> request_errors(const Job& job, const RunRequest& request) {
    std::vector<FieldError> errors;
    if (request.date) {
        if (!job.takes_date)
            errors.push_back({"date", "the " + std::string(job.name) + " job takes no date"});
        else if (!http::is_date(*request.date))
            errors.push_back({"date", "must be a date (YYYY-MM-DD)"});
    }
    if (request.full && !job.takes_full)
        errors.push_back({"full", "only the history job has a full rebuild"});
    return errors;
}

}  // namespace coach::jobs
