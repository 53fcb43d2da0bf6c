#include "jobs/derived.hpp"

#include "core/offload.hpp"
#include "db/advisory_locks.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "history/refresh.hpp"
#include "jobs/sql.hpp"

#include <spdlog/spdlog.h>

#include <optional>

namespace coach::jobs {
namespace {

// BEGIN; the job's lock, without waiting; body(); COMMIT. false (rolled back) when the lock
// was busy; an error rolls back too.
template <class Body>
Result<bool> locked_transaction(db::SyncConnection& conn, std::string_view job, Body body) {
    if (auto b = conn.exec("BEGIN"); !b)
        return b.error();
    auto run = [&]() -> Result<bool> {
        auto lock = conn.exec(sql::try_lock, db::params(db::locks::job(job)));
        if (!lock)
            return lock.error();
        if (!lock->get_bool(0, db::column(*lock, "locked")))
            return false;
        if (auto done = body(); !done)
            return done.error();
        if (auto c = conn.exec("COMMIT"); !c)
            return c.error();
        return true;
    };
    auto r = run();
    if (!r || !*r)
        (void)conn.exec("ROLLBACK");
    return r;
}

Result<void> drain_percentiles(db::SyncConnection& conn, DrainOutcome& out) {
    auto taken = conn.exec(sql::take_percentiles);
    if (!taken)
        return taken.error();
    if (!taken->get_bool(0, db::column(*taken, "due")))
        return {};
    std::string today(taken->get(0, db::column(*taken, "today")));
    auto ranked = conn.exec(sql::percentiles, db::params(today));
    if (!ranked)
        return ranked.error();
    if (auto r = conn.exec(sql::set_derived_as_of, db::params("percentiles", today)); !r)
        return r.error();
    out.percentiles_ran = true;
    out.percentiles_changed = ranked->affected();
    return {};
}

Result<void> drain_history(db::SyncConnection& conn, DrainOutcome& out) {
    auto taken = conn.exec(sql::take_history);
    if (!taken)
        return taken.error();
    out.history_taken = taken->get_int(0, db::column(*taken, "taken"));
    if (out.history_taken == 0)
        return {};
    auto agents = db::plain_array_items(taken->get(0, db::column(*taken, "agents")));
    // One range for all of them: the queue holds a few agents at a time, whose refresh is
    // cheap whatever the span.
    auto rows = history::refresh_history_sync(
        conn, std::move(agents), std::string(taken->get(0, db::column(*taken, "first_day"))),
        std::string(taken->get(0, db::column(*taken, "last_day"))));
    if (!rows)
        return rows.error();
    out.history_changed = *rows;
    return {};
}

}  // namespace

Result<DrainOutcome> drain_derived(db::SyncConnection& conn) {
    DrainOutcome out;
    auto p = locked_transaction(conn, "percentiles", [&] { return drain_percentiles(conn, out); });
    if (!p)
        return p.error();
    out.percentiles_busy = !*p;
    auto h = locked_transaction(conn, "history", [&] { return drain_history(conn, out); });
    if (!h)
        return h.error();
    out.history_busy = !*h;
    return out;
}

boost::asio::awaitable<void> drain_derived_when_due(db::Pool& pool,
                                                    boost::asio::thread_pool& long_work,
                                                    std::string database_url,
                                                    std::string time_zone) {
    auto due = co_await pool.query(sql::derived_due);
    if (!due) {
        if (due.error().code == ErrorCode::Unavailable)
            spdlog::debug("derived figures: the database is not reachable; next time");
        else
            spdlog::warn("could not check for derived figures to refresh: {}", due.error().message);
        co_return;
    }
    if (!due->get_bool(0, db::column(*due, "due")))
        co_return;
    auto work = [url = std::move(database_url),
                 zone = std::move(time_zone)]() -> Result<DrainOutcome> {
        auto conn = db::SyncConnection::open(url, zone);
        if (!conn)
            return conn.error();
        return drain_derived(*conn);
    };
    Result<DrainOutcome> r = co_await offload(long_work, std::move(work));
    if (!r) {
        if (r.error().code == ErrorCode::Unavailable)
            spdlog::debug("derived figures not refreshed: {}", r.error().message);
        else
            spdlog::warn("derived figures not refreshed (they stay queued): {}", r.error().message);
        co_return;
    }
    if (r->percentiles_ran || r->history_taken > 0)
        spdlog::debug(
            "derived figures refreshed: percentiles {} ({} changed), history {} "
            "queued ({} rows)",
            r->percentiles_ran ? "ranked" : "current", r->percentiles_changed, r->history_taken,
            r->history_changed);
}

}  // namespace coach::jobs
