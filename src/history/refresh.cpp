#include "history/refresh.hpp"

#include "db/advisory_locks.hpp"
#include "db/arrays.hpp"
#include "db/columns.hpp"
#include "history/sql.hpp"
#include "http/json_input.hpp"

#include <libpq-fe.h>
#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <array>
#include <thread>

namespace coach::history {
namespace {

// The rows a refresh statement inserted, updated or deleted.
long long changed(const db::PgResult& r) {
    return r.get_int(0, db::column(r, "changed"));
}

// The parameters ($1 from, $2 to, $3 agents), nullopt when there is nothing to refresh (an
// empty agent list, from after to), or the validation error.
Result<std::optional<db::Params>> refresh_params(
    const std::optional<std::vector<std::string>>& agent_ids, const std::string& from,
    const std::string& to) {
    std::vector<FieldError> errors;
    if (!http::is_date(from))
        errors.push_back({"from", "must be a date (YYYY-MM-DD)"});
    if (!http::is_date(to))
        errors.push_back({"to", "must be a date (YYYY-MM-DD)"});
    if (agent_ids && !std::all_of(agent_ids->begin(), agent_ids->end(),
                                  [](const std::string& id) { return http::is_uuid(id); }))
        errors.push_back({"agent_ids", "must be UUIDs"});
    if (!errors.empty())
        return validation_error(std::move(errors));
    if ((agent_ids && agent_ids->empty()) || from > to)
        return std::optional<db::Params>{};
    std::optional<std::string> array;
    if (agent_ids)
        array = db::text_array(*agent_ids);
    return std::optional<db::Params>{db::params(from, to, array)};
}

// refresh_history.sql's parameters: the days' ($1 from, $2 to, $3 agents), then $4 the name of
// the history job's lock.
db::Params with_history_lock(db::Params days) {
    days.values.emplace_back(db::locks::job("history"));
    return days;
}

// The rows written, nullopt when the lock stayed busy.
boost::asio::awaitable<Result<std::optional<long long>>> try_refresh(db::Pool& pool,
                                                                     db::Params params) {
    // In a transaction whose lock waits end after kRefreshLockWait (SQLSTATE 55P03).
    std::vector<db::Query> q;
    q.push_back({"BEGIN", {}});
    q.push_back({sql::lock_wait, db::params(std::to_string(kRefreshLockWait.count()) + "s")});
    q.push_back({sql::refresh_history, with_history_lock(std::move(params))});
    q.push_back({"COMMIT", {}});
    auto r = co_await pool.pipeline(std::move(q));
    if (!r) {
        if (r.error().sqlstate == "55P03")
            co_return std::optional<long long>{};
        co_return r.error();
    }
    co_return std::optional<long long>{changed(r->at(2))};
}

boost::asio::awaitable<void> retry_refresh(db::Pool& pool, db::Params params, std::string days) {
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
    std::chrono::milliseconds pause{250};
    for (int attempt = 1; attempt <= 80; ++attempt) {
        timer.expires_after(pause);
        boost::system::error_code ec;
        co_await timer.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
        if (ec)
            co_return;
        auto r = co_await try_refresh(pool, params);
        if (r && *r) {
            spdlog::info("history of {} refreshed (retry {})", days, attempt);
            co_return;
        }
        if (!r) {
            spdlog::warn(
                "history refresh of {} failed: {}; the history job's next run "
                "recomputes it",
                days, r.error().message);
            co_return;
        }
        pause = std::min(pause * 2, std::chrono::milliseconds(8000));
    }
    spdlog::warn(
        "history of {} not refreshed: the history lock stayed busy; the history job's "
        "next run recomputes it",
        days);
}

struct Part {
    std::string_view type;
    int part;
    int parts;
};

// WEEK writes three rows for every MONTH and QUARTER row: two parts of it, so that the four
// statements share two cores about evenly.
constexpr std::array<Part, 4> kParts = {
    {{"WEEK", 0, 2}, {"WEEK", 1, 2}, {"MONTH", 0, 1}, {"QUARTER", 0, 1}}};

Result<long long> refresh_part(db::SyncConnection& conn, const Part& part, const db::Params& days) {
    db::Params p = days;
    p.values.insert(p.values.begin(), std::string(part.type));
    p.values.push_back(std::to_string(part.part));
    p.values.push_back(std::to_string(part.parts));
    auto r = conn.exec(sql::refresh_history_part, p);
    if (!r)
        return r.error();
    return changed(*r);
}

// The first part here, the others at the same time on sibling connections, under this
// connection's lock.
Result<long long> refresh_parts_in_parallel(db::SyncConnection& conn, const db::Params& days) {
    std::vector<db::SyncConnection> siblings;
    for (std::size_t i = 1; i < kParts.size(); ++i) {
        auto s = conn.sibling();
        if (!s)
            return s.error();
        siblings.push_back(std::move(*s));
    }
    std::array<Result<long long>, kParts.size()> rows{0LL, 0LL, 0LL, 0LL};
    {
        std::vector<std::jthread> others;
        for (std::size_t i = 1; i < kParts.size(); ++i)
            others.emplace_back(
                [&, i] { rows[i] = refresh_part(siblings[i - 1], kParts[i], days); });
        rows[0] = refresh_part(conn, kParts[0], days);
    }
    long long total = 0;
    for (auto& r : rows) {
        if (!r)
            return r.error();
        total += *r;
    }
    return total;
}

}  // namespace

boost::asio::awaitable<Result<std::optional<long long>>> refresh_history(
    db::Pool& pool, std::optional<std::vector<std::string>> agent_ids, std::string from,
    std::string to) {
    auto p = refresh_params(agent_ids, from, to);
    if (!p)
        co_return p.error();
    if (!*p)
        co_return std::optional<long long>{0LL};
    auto r = co_await try_refresh(pool, **p);
    if (r && !*r) {
        std::string days = from + " .. " + to;
        spdlog::info(
            "history of {} waits for the history lock (a job holds it): retrying in "
            "the background",
            days);
        boost::asio::co_spawn(co_await boost::asio::this_coro::executor,
                              retry_refresh(pool, std::move(**p), std::move(days)),
                              boost::asio::detached);
    }
    co_return r;
}

Result<long long> refresh_history_sync(db::SyncConnection& conn,
                                       std::optional<std::vector<std::string>> agent_ids,
                                       const std::string& from, const std::string& to,
                                       Spread spread) {
    auto p = refresh_params(agent_ids, from, to);
    if (!p)
        return p.error();
    if (!*p)
        return 0LL;
    if (spread == Spread::OneConnection) {
        auto r = conn.exec(sql::refresh_history, with_history_lock(**p));
        if (!r)
            return r.error();
        return changed(*r);
    }
    const bool own_transaction = PQtransactionStatus(conn.raw()) == PQTRANS_IDLE;
    if (own_transaction)
        if (auto b = conn.exec("BEGIN"); !b)
            return b.error();
    Result<long long> rows = 0LL;
    if (auto lock = conn.exec(sql::lock_history, db::params(db::locks::job("history"))); !lock)
        rows = lock.error();
    else
        rows = refresh_parts_in_parallel(conn, **p);
    if (own_transaction)
        if (auto end = conn.exec(rows ? "COMMIT" : "ROLLBACK"); !end && rows)
            rows = end.error();
    return rows;
}

}  // namespace coach::history
