#pragma once
// The drainer of derived_refresh_queue (db/migrations/0031): the percentile ranking and the
// history annotations, current within seconds of the writes that change them
// (docs/architecture.md, "Derived data"). Writers only queue, through statement triggers; each
// server drains every Config::derived_refresh_poll (app.cpp), the CLI import after its import.
#include "core/error.hpp"
#include "db/pool.hpp"
#include "db/sync_connection.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>

#include <string>

namespace coach::jobs {

struct DrainOutcome {
    // The job's advisory lock was held elsewhere (a run of the job, another server's drain):
    // that kind's rows stay queued for the next drain.
    bool percentiles_busy = false, history_busy = false;
    bool percentiles_ran = false;       // the ranking was computed (for coach_today())
    long long percentiles_changed = 0;  // profiles whose ranking changed
    long long history_taken = 0;        // queue rows taken
    long long history_changed = 0;      // history rows written or deleted
};

// Blocking. Each kind in one transaction of its own, under its job's advisory lock
// (db::locks::job("percentiles"), job("history"), taken without waiting): the queue rows are
// deleted and refreshed together, so a crash or an error leaves them queued, and several
// servers never refresh the same rows. Percentiles: computed for coach_today() (the 30 days up
// to it) when rows were taken or derived_as_of holds another day, which is then set. History:
// the queued agents over the queued days (history::refresh_history_sync).
Result<DrainOutcome> drain_derived(db::SyncConnection& conn);

// One tick of the server's drainer, on the event loop: a cheap check on `pool`, then, when
// due, drain_derived on `long_work` on a connection of its own (in the organisation's zone).
// The Periodic that runs it awaits it, so one drain at most is in flight per server.
boost::asio::awaitable<void> drain_derived_when_due(db::Pool& pool,
                                                    boost::asio::thread_pool& long_work,
                                                    std::string database_url,
                                                    std::string time_zone);

}  // namespace coach::jobs
