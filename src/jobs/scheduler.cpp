#include "jobs/scheduler.hpp"

#include "core/clock.hpp"
#include "core/offload.hpp"
#include "db/sync_connection.hpp"
#include "jobs/runner.hpp"
#include "jobs/schedule.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>

namespace coach::jobs {
namespace asio = boost::asio;
using asio::awaitable;
using std::chrono::milliseconds;

Scheduler::Scheduler(asio::io_context& io, std::string database_url,
                     std::vector<ScheduledJob> schedule, std::string fallback_timezone,
                     std::string public_url)
    : io_(io),
      url_(std::move(database_url)),
      schedule_(std::move(schedule)),
      fallback_timezone_(std::move(fallback_timezone)),
      public_url_(std::move(public_url)),
      instance_(instance_name("scheduler")),
      timer_(io) {}

Scheduler::~Scheduler() {
    halted_ = true;
    {
        std::lock_guard lock(cancel_mutex_);
        if (cancel_) {
            char buf[256];
            PQcancel(cancel_, buf, sizeof buf);
        }
    }
    runner_.join();
}

Result<std::unique_ptr<Scheduler>> Scheduler::create(asio::io_context& io, std::string database_url,
                                                     const Config& config) {
    auto schedule = schedule_from(config.job_times);
    if (!schedule)
        return schedule.error();
    if (!config.jobs_enabled)
        return std::unique_ptr<Scheduler>();
    return std::make_unique<Scheduler>(io, std::move(database_url), std::move(*schedule),
                                       config.timezone, config.public_url);
}

void Scheduler::start() {
    asio::co_spawn(io_, run(), asio::detached);
}

void Scheduler::stop() {
    halted_ = true;
    {
        std::lock_guard lock(cancel_mutex_);
        if (cancel_) {
            char buf[256];
            PQcancel(cancel_, buf, sizeof buf);
        }
    }
    asio::post(io_, [this] {
        stopping_ = true;
        timer_.cancel();
    });
}

void Scheduler::wake() {
    asio::post(io_, [this] {
        woken_ = true;
        timer_.cancel();
    });
}

awaitable<void> Scheduler::run() {
    while (!stopping_) {
        woken_ = false;
        auto work = [this] { return tick(); };
        milliseconds wait = co_await offload(runner_, std::move(work));
        if (stopping_)
            break;
        if (woken_)  // during the tick, which may have planned in the old zone
            continue;
        timer_.expires_after(wait);
        boost::system::error_code ec;
        co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
}

milliseconds Scheduler::tick() {
    if (halted_)
        return kMaxSleep;
    auto conn = db::SyncConnection::open(url_);
    if (!conn) {
        spdlog::warn("jobs: {}", conn.error().message);
        return kRetryAfterOutage;
    }
    struct CancelHandle {
        Scheduler& s;
        CancelHandle(Scheduler& sched, PGconn* c) : s(sched) {
            std::lock_guard lock(s.cancel_mutex_);
            s.cancel_ = PQgetCancel(c);
        }
        ~CancelHandle() {
            std::lock_guard lock(s.cancel_mutex_);
            PQfreeCancel(s.cancel_);
            s.cancel_ = nullptr;
        }
    } cancel_handle(*this, conn->raw());
    if (halted_)
        return kMaxSleep;

    if (auto r = reap_abandoned_runs(*conn); !r) {
        if (!halted_)
            spdlog::warn("jobs: {}", r.error().message);
    } else if (*r > 0) {
        spdlog::warn("jobs: {} run(s) left RUNNING by a stopped instance marked FAILED", *r);
    }

    // A few rounds: a job that failed is not due again at once, so this ends.
    for (int round = 0; round < 3 && !halted_; ++round) {
        auto plan = plan_jobs(*conn, schedule_, fallback_timezone_, timestamp_text(clock::now()));
        if (!plan) {
            if (!halted_)  // else: the statement was cancelled by stop()
                spdlog::warn("jobs: {}", plan.error().message);
            return kRetryAfterOutage;
        }
        if (!plan->empty() && plan->front().timezone != announced_timezone_) {
            announced_timezone_ = plan->front().timezone;
            spdlog::info("jobs: scheduler {}: job times are in {}", instance_, announced_timezone_);
        }
        bool ran = false;
        milliseconds sleep = kMaxSleep;
        for (const auto& p : *plan) {
            if (halted_)
                return kMaxSleep;
            if (!p.due) {
                sleep = std::min(sleep, milliseconds(p.ms_until_due));
                continue;
            }
            RunOptions o;
            o.trigger = Trigger::Schedule;
            o.fallback_timezone = fallback_timezone_;
            o.public_url = public_url_;
            o.scheduled_for = p.prev_run;
            o.local_day = p.prev_day;
            o.instance = instance_;
            o.stopping = &halted_;
            auto r = run_job(*conn, *p.job, o);
            ran = true;
            if (!r)
                spdlog::warn("jobs: {} could not run: {}", p.job->name, r.error().message);
            else if (r->status == RunStatus::Success)
                spdlog::info("jobs: {} done ({} rows)", p.job->name, r->rows_affected);
            else if (r->status == RunStatus::Skipped)
                spdlog::info("jobs: {} skipped: {}", p.job->name, r->error);
            else
                spdlog::error("jobs: {} FAILED: {}", p.job->name, r->error);
        }
        if (!ran)
            return std::clamp(sleep, milliseconds(1000), milliseconds(kMaxSleep));
    }
    return milliseconds(1000);
}

}  // namespace coach::jobs
