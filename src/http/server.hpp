#pragma once
// The HTTP server: one io_context and one thread per core, each with its own SO_REUSEPORT
// acceptor and database pool. Sessions are Beast coroutines with a fresh parser per request,
// a body limit per route and an expiry on every read and write; at most COACH_MAX_CONNECTIONS
// open at once (more are closed as they come). stop() closes the acceptors,
// lets in-flight requests finish and closes idle keep-alive connections.
#include "db/pool.hpp"
#include "http/router.hpp"
#include "http/services.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <functional>
#include <list>
#include <thread>

namespace coach::http {

class Server {
  public:
    Server(Services& services, db::ConnectOptions db);
    ~Server();

    // Binds (port 0 picks a free port) and starts the threads; returns at once.
    Result<void> start();
    // Asks every thread to finish; safe from any thread. join() waits for them.
    void stop();
    void join();
    // Forces every io_context to return (second signal, or the drain deadline passed).
    void force_stop();
    unsigned short port() const { return port_; }
    std::vector<db::PoolStats> pool_stats() const;
    // The context and pool of I/O thread `i` (background tasks run there); after start().
    boost::asio::io_context& context(std::size_t i);
    db::Pool& pool(std::size_t i);

    struct Thread;

  private:
    boost::asio::awaitable<void> accept_loop(Thread& t);
    boost::asio::awaitable<void> session(boost::asio::ip::tcp::socket socket, Thread& t);

    Services& services_;
    db::ConnectOptions db_;
    std::vector<std::unique_ptr<Thread>> threads_;
    std::vector<std::thread> workers_;
    unsigned short port_ = 0;
    std::atomic<unsigned> open_connections_{0};  // all threads; at most config.max_connections
};

}  // namespace coach::http
