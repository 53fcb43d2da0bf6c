#pragma once
// One non-blocking libpq connection in pipeline mode, awaited on its io_context.
// A connection is used by one coroutine at a time (the pool leases it out); a call sends all
// its statements, one PQpipelineSync, and reads the results back in order.
//
// Prepared statements: each connection keeps a map SQL text -> statement name. The first time
// a text is run on a connection, its Parse (PQsendPrepare) goes into the same pipeline just
// before the execution (no extra round trip); later runs only Bind/Execute the named
// statement, so PostgreSQL neither parses nor (after its plan cache settles) plans it again.
// The key is the text itself, not its address: a few statements are built at run time
// (an import's statements name the uploaded file's columns: docs/architecture.md,
// "Templates"; so the set of texts is bounded but not constant), and a std::string temporary may
// reuse the address of another text. A name is cached only once PostgreSQL answered the Parse with
// success; names are never reused on a connection. Bounded: at kMaxPrepared texts the connection
// sends DEALLOCATE ALL (first in the next pipeline) and starts over. A new connection (e.g. after a
// PostgreSQL restart) starts with an empty map. Texts with optional filters ("$3 IS NULL OR ...")
// stay unnamed, planned for their actual parameters each time (see should_prepare()).
#include "core/error.hpp"
#include "core/org_time_zone.hpp"
#include "db/params.hpp"
#include "db/pg_result.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace coach::db {

struct Query {
    std::string_view sql;  // must outlive the call (usually a named constant)
    Params params;
};

// Whether a statement text is run as a named prepared statement (else unnamed, as before).
// No for texts with an optional filter, "($n IS NULL OR col = $n)" (any case): once PostgreSQL
// switches a prepared statement to its generic plan (plan_cache_mode=auto, after 5 runs, when
// the generic plan's estimated cost is not above the average custom one), that plan must serve
// both the NULL and the non-NULL case, and every role of the scope, so it can use no index for
// the optional condition; a custom plan folds "NULL IS NULL" away and uses the index. Those list
// queries are planned each time instead (measured: bench/RESULTS.md, "Prepared lists with
// optional filters: measured, not adopted"). Also no for a text containing the comment
// "/*unprepared*/" (an explicit opt-out).
bool should_prepare(std::string_view sql);

inline constexpr std::size_t kMaxPrepared = 256;

struct ConnectOptions {
    std::string url;  // libpq URL or keyword string
    std::string application_name = "coach";
    int statement_timeout_ms = 15000;
    std::chrono::milliseconds connect_timeout{5000};
    // The session TimeZone (nullptr: UTC). Read at each connect; the pool closes a connection
    // opened under an older generation instead of reusing it.
    const OrgTimeZone* time_zone = nullptr;
};

// libpq's "options" for a session in `time_zone` with ISO dates.
std::string session_options(const std::string& time_zone);

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
    // OrgTimeZone::generation() when the connection was opened (0 without a zone).
    std::uint64_t zone_generation() const { return zone_generation_; }

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
    std::uint64_t zone_generation_ = 0;

    struct TextHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept {
            return std::hash<std::string_view>{}(s);
        }
    };
    // SQL text -> name of the statement prepared for it on this connection.
    std::unordered_map<std::string, std::string, TextHash, std::equal_to<>> prepared_;
    std::uint64_t statements_made_ = 0;  // names are "s1", "s2", ...: never reused

  public:
    std::size_t prepared_count() const { return prepared_.size(); }  // for tests
};

// Converts an error result (or a connection failure message) into an Error.
Error error_from_result(const PGresult* r);

}  // namespace coach::db
