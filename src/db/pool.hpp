#pragma once
// A few connections owned by one io_context (one thread: no locks). Connections are opened
// lazily, leased to one coroutine at a time, dropped when broken and reopened on demand, so
// the server recovers by itself after a PostgreSQL restart.
#include "db/connection.hpp"

#include <boost/asio/steady_timer.hpp>

#include <atomic>
#include <deque>

namespace coach::db {

class Pool;

class Lease {
  public:
    Lease() = default;
    Lease(Pool* pool, std::unique_ptr<Connection> c) : pool_(pool), conn_(std::move(c)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&& o) noexcept;
    ~Lease();
    Connection* operator->() const { return conn_.get(); }
    Connection& operator*() const { return *conn_; }

  private:
    void release();
    Pool* pool_ = nullptr;
    std::unique_ptr<Connection> conn_;
};

struct PoolStats {
    std::size_t size = 0;     // open or opening
    std::size_t in_use = 0;   // leased
    std::size_t waiting = 0;  // coroutines waiting for a lease
};

class Pool {
  public:
    Pool(boost::asio::any_io_executor ex, ConnectOptions options, std::size_t max_size);
    ~Pool();

    boost::asio::awaitable<Result<Lease>> acquire();
    // One statement / several statements pipelined with one sync, on a leased connection.
    boost::asio::awaitable<Result<PgResult>> query(std::string_view sql, Params params = {});
    boost::asio::awaitable<Result<std::vector<PgResult>>> pipeline(std::vector<Query> queries);

    std::chrono::milliseconds query_timeout() const { return query_timeout_; }
    PoolStats stats() const;

  private:
    friend class Lease;
    struct Waiter;
    void give_back(std::unique_ptr<Connection> c);

    boost::asio::any_io_executor ex_;
    ConnectOptions options_;
    std::size_t max_size_;
    std::chrono::milliseconds query_timeout_;
    std::chrono::milliseconds acquire_timeout_{5000};
    std::vector<std::unique_ptr<Connection>> idle_;
    std::deque<Waiter*> waiters_;
    // Atomics only so /metrics, served on another thread, can read them.
    std::atomic<std::size_t> open_{0};
    std::atomic<std::size_t> leased_{0};
    std::atomic<std::size_t> waiting_{0};
};

}  // namespace coach::db
