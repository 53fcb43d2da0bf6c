#pragma once
// The in-process scheduler: a coroutine on one I/O thread that wakes when the next job is due
// (jobs/schedule.hpp) and runs the due jobs one after the other through run_job(), on a
// blocking connection on its own thread (jobs are long set-based statements; they never
// occupy an I/O thread or the shared worker pool). Every instance may run a scheduler: the
// advisory lock in run_job() makes sure a job runs once. stop() cancels the running
// statement (the run is recorded FAILED) and ends the loop.
#include "core/config.hpp"
#include "jobs/registry.hpp"

#include <libpq-fe.h>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>

namespace coach::jobs {

// The longest sleep: an instance that did not take the change of the 'timezone' setting (no
// wake()) follows it within this, as its zone watch does.
inline constexpr std::chrono::minutes kMaxSleep{1};
// The pause after the database could not be reached.
inline constexpr std::chrono::seconds kRetryAfterOutage{60};

class Scheduler {
  public:
    Scheduler(boost::asio::io_context& io, std::string database_url,
              std::vector<ScheduledJob> schedule, std::string fallback_timezone,
              std::string public_url);
    ~Scheduler();

    // The schedule from the configuration (COACH_JOB_TIMES, COACH_TIMEZONE); nullptr when
    // COACH_JOBS=0. A bad COACH_JOB_TIMES is an error either way (every instance refuses it).
    static Result<std::unique_ptr<Scheduler>> create(boost::asio::io_context& io,
                                                     std::string database_url,
                                                     const Config& config);

    void start();
    void stop();  // safe from any thread
    // Plans again at once (the organisation's zone or the clock changed: a run time may have
    // passed). During a tick, the next one follows it without a sleep. Safe from any thread.
    void wake();

    // One pass, blocking: runs every due job, returns how long to sleep. Public for tests.
    std::chrono::milliseconds tick();

  private:
    boost::asio::awaitable<void> run();

    boost::asio::io_context& io_;
    std::string url_;
    std::vector<ScheduledJob> schedule_;
    std::string fallback_timezone_;
    std::string public_url_;
    std::string instance_;
    boost::asio::thread_pool runner_{1};
    boost::asio::steady_timer timer_;
    bool stopping_ = false;            // I/O thread
    bool woken_ = false;               // I/O thread: wake() since the last tick started
    std::atomic<bool> halted_{false};  // any thread
    std::mutex cancel_mutex_;
    PGcancel* cancel_ = nullptr;      // of the connection tick() is using
    std::string announced_timezone_;  // runner thread: the zone last logged
};

}  // namespace coach::jobs
