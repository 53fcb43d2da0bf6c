#include "db/connection.hpp"

#include "core/clock.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <poll.h>

#include <algorithm>
#include <cctype>

namespace coach::db {
namespace asio = boost::asio;
using asio::awaitable;

namespace {

bool is_connection_state(std::string_view sqlstate) {
    // 08: connection exception; 57P01-03: admin/crash shutdown, cannot connect now.
    return sqlstate.starts_with("08") || sqlstate == "57P01" || sqlstate == "57P02" ||
           sqlstate == "57P03";
}

Error unavailable(std::string message) {
    Error e = make_error(ErrorCode::Unavailable, std::move(message));
    e.retry_after_seconds = 5;
    return e;
}

bool contains_ci(std::string_view text, std::string_view needle) {
    auto it = std::search(
        text.begin(), text.end(), needle.begin(), needle.end(),
        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    return it != text.end();
}

}  // namespace

bool should_prepare(std::string_view sql) {
    return !contains_ci(sql, "is null or") && sql.find("/*unprepared*/") == std::string_view::npos;
}

Error error_from_result(const PGresult* r) {
    auto field = [&](int code) {
        const char* v = PQresultErrorField(r, code);
        return std::string(v ? v : "");
    };
    std::string sqlstate = field(PG_DIAG_SQLSTATE);
    Error e = make_error(ErrorCode::Internal, field(PG_DIAG_MESSAGE_PRIMARY));
    if (is_connection_state(sqlstate))
        e = unavailable("The database is not available.");
    if (sqlstate == "57014")
        e = unavailable("The database did not answer in time.");
    // Two transactions each waited for the other's lock (or a serializable one lost): nothing
    // was written, and the same request again will most likely pass.
    if (sqlstate == "40P01" || sqlstate == "40001")
        e = make_error(ErrorCode::Conflict,
                       "This changed at the same time as another change; try again.");
    e.sqlstate = std::move(sqlstate);
    e.constraint = field(PG_DIAG_CONSTRAINT_NAME);
    return e;
}

Connection::Connection(PGconn* conn, asio::any_io_executor ex)
    : conn_(conn), socket_(ex), deadline_(ex) {}

Connection::~Connection() {
    // The descriptor belongs to libpq: release it before PQfinish closes it.
    if (socket_.is_open())
        socket_.release();
    PQfinish(conn_);
}

bool Connection::stale() const {
    pollfd p{PQsocket(conn_), POLLIN | POLLRDHUP, 0};
    return PQstatus(conn_) != CONNECTION_OK || poll(&p, 1, 0) != 0;
}

bool Connection::in_transaction() const {
    auto s = PQtransactionStatus(conn_);
    return s == PQTRANS_INTRANS || s == PQTRANS_INERROR || s == PQTRANS_ACTIVE;
}

Error Connection::fail(std::string what) {
    broken_ = true;
    if (timed_out_)
        return unavailable("The database did not answer in time.");
    std::string msg = PQerrorMessage(conn_);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' '))
        msg.pop_back();
    spdlog::warn("database connection lost ({}): {}", what, msg);
    return unavailable("The database is not available.");
}

void Connection::arm_deadline(std::chrono::milliseconds timeout) {
    timed_out_ = false;
    deadline_.expires_after(timeout);
    deadline_.async_wait([this](boost::system::error_code ec) {
        if (ec)
            return;
        timed_out_ = true;
        boost::system::error_code ignored;
        socket_.cancel(ignored);
    });
}

awaitable<bool> Connection::wait(Wait what) {
    if (timed_out_)
        co_return false;
    boost::system::error_code ec;
    co_await socket_.async_wait(what == Wait::Read ? asio::posix::stream_descriptor::wait_read
                                                   : asio::posix::stream_descriptor::wait_write,
                                asio::redirect_error(asio::use_awaitable, ec));
    co_return !ec && !timed_out_;
}

std::string session_options(const std::string& time_zone) {
    // Zone names hold no spaces (pg_timezone_names); escaped anyway, as libpq wants them.
    std::string zone;
    for (char ch : time_zone) {
        if (ch == ' ' || ch == '\\')
            zone += '\\';
        zone += ch;
    }
    return "-c TimeZone=" + zone +
           " -c DateStyle=ISO -c coach.clock_offset=" + std::to_string(clock::offset().count());
}

awaitable<Result<std::unique_ptr<Connection>>> Connection::connect(const ConnectOptions& o) {
    // The generation first: should the zone change meanwhile, the pool recycles this one.
    std::uint64_t generation = o.time_zone ? o.time_zone->generation() : 0;
    std::string options = "-c statement_timeout=" + std::to_string(o.statement_timeout_ms) + " " +
                          session_options(o.time_zone ? o.time_zone->name() : "UTC");
    const char* keys[] = {"dbname", "application_name", "options", nullptr};
    const char* values[] = {o.url.c_str(), o.application_name.c_str(), options.c_str(), nullptr};
    PGconn* raw = PQconnectStartParams(keys, values, 1);
    if (!raw)
        co_return unavailable("Out of memory connecting to the database.");
    std::unique_ptr<Connection> c(new Connection(raw, co_await asio::this_coro::executor));
    c->zone_generation_ = generation;
    if (PQstatus(raw) == CONNECTION_BAD)
        co_return c->fail("connect");
    if (PQsetnonblocking(raw, 1) != 0)
        co_return c->fail("nonblocking");

    c->arm_deadline(o.connect_timeout);
    PostgresPollingStatusType poll = PGRES_POLLING_WRITING;
    for (;;) {
        int fd = PQsocket(raw);
        if (fd < 0)
            co_return c->fail("socket");
        if (!c->socket_.is_open() || c->socket_.native_handle() != fd) {
            if (c->socket_.is_open())
                c->socket_.release();
            c->socket_.assign(fd);
        }
        if (poll == PGRES_POLLING_OK)
            break;
        if (poll == PGRES_POLLING_FAILED)
            co_return c->fail("connect");
        if (!co_await c->wait(poll == PGRES_POLLING_READING ? Wait::Read : Wait::Write))
            co_return c->fail("connect");
        poll = PQconnectPoll(raw);
    }
    c->deadline_.cancel();
    if (PQenterPipelineMode(raw) != 1)
        co_return c->fail("pipeline");
    co_return std::move(c);
}

awaitable<Result<std::vector<PgResult>>> Connection::execute(std::span<const Query> queries,
                                                             std::chrono::milliseconds timeout) {
    if (broken_)
        co_return unavailable("The database is not available.");

    // What each command sent answers with, in order: exactly one result per command (its
    // outcome, or PGRES_PIPELINE_ABORTED after an earlier error), then the sync.
    struct Command {
        enum Kind { Statement, Prepare, Housekeeping } kind;
        std::string_view sql;  // Statement: its text; Prepare: the text being prepared
        std::string name;      // Prepare: the new statement's name
    };
    std::vector<Command> commands;
    commands.reserve(queries.size() * 2 + 1);
    // One lookup per text (hashing a long text is not free): the names of the prepared ones.
    std::vector<const std::string*> known_names;
    known_names.reserve(queries.size());
    std::size_t unseen = 0;
    for (const Query& q : queries) {
        auto known = prepared_.find(q.sql);
        known_names.push_back(known == prepared_.end() ? nullptr : &known->second);
        unseen += known == prepared_.end();
    }
    // Not inside an aborted transaction: DEALLOCATE would fail there and take the caller's
    // ROLLBACK down with it; the next call cleans up instead.
    if (prepared_.size() + unseen > kMaxPrepared && PQtransactionStatus(conn_) != PQTRANS_INERROR) {
        // Bounded memory on both sides. Names are never reused, so even if this fails no
        // later Parse can collide with a leftover statement.
        if (PQsendQueryParams(conn_, "DEALLOCATE ALL", 0, nullptr, nullptr, nullptr, nullptr, 0) !=
            1)
            co_return fail("send");
        prepared_.clear();
        std::ranges::fill(known_names, nullptr);
        commands.push_back({Command::Housekeeping, {}, {}});
    }

    std::vector<const char*> values;
    std::string sql_buffer;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        const Query& q = queries[i];
        const std::string* known = known_names[i];
        values.clear();
        for (const auto& v : q.params.values)
            values.push_back(v ? v->c_str() : nullptr);
        const int n = static_cast<int>(values.size());
        // Known texts skip should_prepare()'s scan of the text.
        if (!known && !should_prepare(q.sql)) {
            sql_buffer.assign(q.sql);  // libpq needs a NUL-terminated string
            if (PQsendQueryParams(conn_, sql_buffer.c_str(), n, nullptr, values.data(), nullptr,
                                  nullptr, 0) != 1)
                co_return fail("send");
            commands.push_back({Command::Statement, q.sql, {}});
            continue;
        }
        std::string name;
        if (known) {
            name = *known;
        } else {
            // Prepared earlier in this same pipeline?
            for (const Command& c : commands)
                if (c.kind == Command::Prepare && c.sql == q.sql)
                    name = c.name;
            if (name.empty()) {
                name = "s" + std::to_string(++statements_made_);
                sql_buffer.assign(q.sql);
                if (PQsendPrepare(conn_, name.c_str(), sql_buffer.c_str(), n, nullptr) != 1)
                    co_return fail("send");
                commands.push_back({Command::Prepare, q.sql, name});
            }
        }
        if (PQsendQueryPrepared(conn_, name.c_str(), n, values.data(), nullptr, nullptr, 0) != 1)
            co_return fail("send");
        commands.push_back({Command::Statement, q.sql, {}});
    }
    if (PQpipelineSync(conn_) != 1)
        co_return fail("sync");

    arm_deadline(timeout);
    struct DeadlineGuard {
        asio::steady_timer& t;
        ~DeadlineGuard() { t.cancel(); }
    } guard{deadline_};

    // Flush; while the socket is full, keep reading so the server never blocks on us.
    for (;;) {
        int f = PQflush(conn_);
        if (f == 0)
            break;
        if (f < 0)
            co_return fail("flush");
        if (!co_await wait(Wait::Write))
            co_return fail("flush");
        if (PQconsumeInput(conn_) != 1)
            co_return fail("read");
    }

    std::vector<PgResult> results;
    results.reserve(queries.size());
    std::optional<Error> first_error;
    std::size_t next = 0;  // index in commands of the next result
    for (;;) {
        bool previous_null = false;
        while (!PQisBusy(conn_)) {
            PGresult* r = PQgetResult(conn_);
            if (!r) {  // end of one statement's results; twice in a row: nothing more to read
                if (previous_null)
                    break;
                previous_null = true;
                continue;
            }
            previous_null = false;
            PgResult owned(r);
            const ExecStatusType status = PQresultStatus(r);
            if (status == PGRES_PIPELINE_SYNC) {
                if (first_error)
                    co_return std::move(*first_error);
                co_return std::move(results);
            }
            const Command* command = next < commands.size() ? &commands[next] : nullptr;
            ++next;
            const bool ok = status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK ||
                            status == PGRES_EMPTY_QUERY;
            if (ok) {
                if (!command || command->kind == Command::Statement)
                    results.push_back(std::move(owned));
                else if (command->kind == Command::Prepare)
                    prepared_.emplace(std::string(command->sql), command->name);
                continue;
            }
            if (status == PGRES_PIPELINE_ABORTED)
                continue;  // skipped after an earlier error: a Prepare here is not cached
            if (!first_error)
                first_error = error_from_result(r);
            if (first_error->code == ErrorCode::Unavailable)
                broken_ = true;
            // The statement is gone or unusable (DDL changed its result type, or someone ran
            // DEALLOCATE): prepare it afresh next time.
            const char* state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
            if (command && command->kind == Command::Statement && state &&
                (std::string_view(state) == "0A000" || std::string_view(state) == "26000"))
                prepared_.erase(std::string(command->sql));
        }
        if (PQstatus(conn_) == CONNECTION_BAD)
            co_return fail("read");
        if (!co_await wait(Wait::Read))
            co_return fail("read");
        if (PQconsumeInput(conn_) != 1)
            co_return fail("read");
    }
}

awaitable<Result<PgResult>> Connection::query(std::string_view sql, Params params,
                                              std::chrono::milliseconds timeout) {
    Query q{sql, std::move(params)};
    auto r = co_await execute(std::span<const Query>(&q, 1), timeout);
    if (!r)
        co_return r.error();
    co_return std::move(r->front());
}

}  // namespace coach::db
