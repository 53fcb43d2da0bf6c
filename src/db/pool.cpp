#include "db/pool.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace coach::db {
namespace asio = boost::asio;
using asio::awaitable;

struct Pool::Waiter {
    asio::steady_timer timer;
    std::unique_ptr<Connection> conn;
};

Lease& Lease::operator=(Lease&& o) noexcept {
    if (this != &o) {
        release();
        pool_ = o.pool_;
        conn_ = std::move(o.conn_);
        o.pool_ = nullptr;
    }
    return *this;
}

Lease::~Lease() {
    release();
}

void Lease::release() {
    if (pool_ && conn_)
        pool_->give_back(std::move(conn_));
    pool_ = nullptr;
}

Pool::Pool(asio::any_io_executor ex, ConnectOptions options, std::size_t max_size)
    : ex_(std::move(ex)),
      options_(std::move(options)),
      max_size_(max_size),
      // The server-side statement_timeout fires first; this covers a silent network.
      query_timeout_(options_.statement_timeout_ms + 5000) {}

Pool::~Pool() = default;

PoolStats Pool::stats() const {
    return {open_.load(), leased_.load(), waiting_.load()};
}

void Pool::give_back(std::unique_ptr<Connection> c) {
    if (!c->broken() && c->in_transaction()) {
        // Abandoned transaction (an error path): roll back before anyone else may use it.
        asio::co_spawn(
            ex_,
            [](Pool* self, std::unique_ptr<Connection> conn) -> awaitable<void> {
                (void)co_await conn->query("ROLLBACK", {}, self->query_timeout_);
                self->give_back(std::move(conn));
            }(this, std::move(c)),
            asio::detached);
        return;
    }
    --leased_;
    if (c->broken()) {
        --open_;
        c.reset();
        // A waiter may now open a fresh connection: wake the first one to retry.
        if (!waiters_.empty())
            waiters_.front()->timer.cancel();
        return;
    }
    if (!waiters_.empty()) {
        Waiter* w = waiters_.front();
        waiters_.pop_front();
        ++leased_;
        w->conn = std::move(c);
        w->timer.cancel();
        return;
    }
    idle_.push_back(std::move(c));
}

awaitable<Result<Lease>> Pool::acquire() {
    auto deadline = std::chrono::steady_clock::now() + acquire_timeout_;
    for (;;) {
        std::unique_ptr<Connection> c;
        if (!idle_.empty()) {
            c = std::move(idle_.back());
            idle_.pop_back();
            if (c->stale() ||
                (options_.time_zone && c->zone_generation() != options_.time_zone->generation())) {
                --open_;
                continue;
            }
            ++leased_;
        } else if (open_ < max_size_) {
            ++open_;
            auto r = co_await Connection::connect(options_);
            if (!r) {
                --open_;
                co_return r.error();
            }
            c = std::move(*r);
            ++leased_;
        } else {
            Waiter w{asio::steady_timer(ex_, deadline), nullptr};
            waiters_.push_back(&w);
            ++waiting_;
            boost::system::error_code ec;
            co_await w.timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            std::erase(waiters_, &w);
            --waiting_;
            if (w.conn) {
                c = std::move(w.conn);
            } else if (std::chrono::steady_clock::now() >= deadline) {
                Error e = make_error(ErrorCode::Unavailable, "The database is busy.");
                e.retry_after_seconds = 1;
                co_return e;
            } else {
                continue;  // a connection was dropped: try to open one
            }
        }
        co_return Lease(this, std::move(c));
    }
}

awaitable<Result<PgResult>> Pool::query(std::string_view sql, Params params) {
    auto lease = co_await acquire();
    if (!lease)
        co_return lease.error();
    co_return co_await (*lease)->query(sql, std::move(params), query_timeout_);
}

awaitable<Result<std::vector<PgResult>>> Pool::pipeline(std::vector<Query> queries) {
    auto lease = co_await acquire();
    if (!lease)
        co_return lease.error();
    co_return co_await (*lease)->execute(queries, query_timeout_);
}

}  // namespace coach::db
