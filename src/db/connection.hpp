#pragma once
// One non-blocking libpq connection in pipeline mode, awaited on its io_context.
// A connection is used by one coroutine at a time (the pool leases it out); a call sends all
// its statements, one PQpipelineSync, and reads the results back in order.
#include "core/error.hpp"
#include "db/params.hpp"
#include "db/pg_result.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace coach::db {

struct Query {
    std::string_view sql;  // a named constant: must outlive the call
    Params params;
};

struct ConnectOptions {
    std::string url;  // libpq URL or keyword string
    std::string application_name = "coach";
    int statement_timeout_ms = 15000;
    std::chrono::milliseconds connect_timeout{5000};
};

class Connection {
  public:
    static boost::asio::awaitable<Result<std::unique_ptr<Connection>>> connect(
        const ConnectOptions& options);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs the statements as one pipeline. On the first SQL error the rest are aborted by the
    // server and the error is returned; a broken connection returns ErrorCode::Unavailable.
    boost::asio::awaitable<Result<std::vector<PgResult>>> execute(
        std::span<const Query> queries, std::chrono::milliseconds timeout);
    boost::asio::awaitable<Result<PgResult>> query(std::string_view sql, Params params,
                                                   std::chrono::milliseconds timeout);

    bool broken() const { return broken_; }
    // An idle connection with something to read has been closed or told to close by the
    // server (e.g. a restart): not worth a query. One poll(), no blocking.
    bool stale() const;
    // True when a transaction was left open (the pool rolls it back before reuse).
    bool in_transaction() const;

  private:
    Connection(PGconn* conn, boost::asio::any_io_executor ex);
    enum class Wait { Read, Write };
    boost::asio::awaitable<bool> wait(Wait what);
    Error fail(std::string what);
    void arm_deadline(std::chrono::milliseconds timeout);

    PGconn* conn_;
    boost::asio::posix::stream_descriptor socket_;
    boost::asio::steady_timer deadline_;
    bool broken_ = false;
    bool timed_out_ = false;
};

// Converts an error result (or a connection failure message) into an Error.
Error error_from_result(const PGresult* r);

}  // namespace coach::db
