#include "http/server.hpp"

#include "http/dispatch.hpp"
#include "http/metrics.hpp"
#include "http/response.hpp"
#include "http/upload_spool.hpp"

#include "core/offload.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

namespace coach::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
using asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

constexpr auto kIdleTimeout = 75s;  // keep-alive connection waiting for its next request
constexpr auto kReadTimeout = 60s;  // the rest of a request once its header arrived
constexpr auto kWriteTimeout = 60s;
constexpr std::size_t kHeaderLimit = std::size_t{16} * 1024;
using reuse_port = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;
constexpr auto as_tuple_awaitable = asio::as_tuple(asio::use_awaitable);

// Writes res: its header (fields plus the pre-built fixed block) and body in one gather write.
asio::awaitable<boost::system::error_code> write_response(beast::tcp_stream& stream,
                                                          const Response& res) {
    std::string header = serialize_header(res);
    std::array<asio::const_buffer, 2> buffers{asio::buffer(header), asio::buffer(res.body())};
    auto [ec, n] = co_await asio::async_write(stream, buffers, as_tuple_awaitable);
    co_return ec;
}

// The client closed, reset or went quiet: nothing to answer.
bool client_gone(const beast::error_code& ec) {
    return ec == beast_http::error::end_of_stream || ec == beast::error::timeout ||
           ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
           ec == asio::error::eof;
}

// The rest of an upload's body, written to `spool` a piece at a time as it arrives: the server
// holds one 256 KiB buffer per upload, never the body (docs/architecture.md, "Bounded memory").
// `header_parser` has read the header only; it is moved into a parser that hands out pieces.
asio::awaitable<Result<BodyRead>> spool_body(
    beast::tcp_stream& stream, beast::flat_buffer& buffer,
    beast_http::request_parser<beast_http::string_body>& header_parser, std::size_t limit,
    asio::thread_pool& workers, const std::string& data_dir, std::optional<UploadSpool>& spool) {
    beast_http::request_parser<beast_http::buffer_body> parser{std::move(header_parser)};
    parser.body_limit(limit);
    auto created = co_await offload(workers, [&data_dir] { return UploadSpool::create(data_dir); });
    if (!created)
        co_return created.error();
    spool.emplace(std::move(*created));
    std::vector<char> piece(std::size_t{256} * 1024);
    while (!parser.is_done()) {
        parser.get().body().data = piece.data();
        parser.get().body().size = piece.size();
        stream.expires_after(kReadTimeout);  // for each piece: a slow line may take its time
        auto [ec, n] = co_await beast_http::async_read(stream, buffer, parser, as_tuple_awaitable);
        if (ec == beast_http::error::body_limit)
            co_return BodyRead::TooLarge;
        if (ec && ec != beast_http::error::need_buffer)
            co_return client_gone(ec) || ec == beast_http::error::partial_message
                ? BodyRead::ClientGone
                : BodyRead::Malformed;
        std::size_t got = piece.size() - parser.get().body().size;
        if (got == 0)
            continue;
        auto wrote = co_await offload(
            workers,
            [&spool, bytes = std::string_view(piece.data(), got)] { return spool->append(bytes); });
        if (!wrote)
            co_return wrote.error();
    }
    co_return BodyRead::Complete;
}

struct SessionEntry {
    beast::tcp_stream* stream;
    bool idle = true;
};

}  // namespace

struct Server::Thread {
    asio::io_context ctx{1};
    std::unique_ptr<db::Pool> pool;
    std::optional<tcp::acceptor> acceptor;
    std::list<SessionEntry*> sessions;
    bool stopping = false;
    std::size_t index = 0;
};

Server::Server(Services& services, db::ConnectOptions db)
    : services_(services), db_(std::move(db)) {}

Server::~Server() {
    stop();
    join();
}

Result<void> Server::start() {
    const Config& cfg = services_.config;
    boost::system::error_code ec;
    auto address = asio::ip::make_address(cfg.listen_host, ec);
    if (ec)
        return make_error(ErrorCode::Internal, "invalid listen address " + cfg.listen_host);
    tcp::endpoint endpoint(address, cfg.listen_port);

    for (unsigned i = 0; i < cfg.threads; ++i) {
        auto t = std::make_unique<Thread>();
        t->index = i;
        t->pool =
            std::make_unique<db::Pool>(t->ctx.get_executor(), db_, cfg.db_connections_per_thread);
        tcp::acceptor& a = t->acceptor.emplace(t->ctx);
        a.open(endpoint.protocol(), ec);
        if (!ec)
            a.set_option(tcp::acceptor::reuse_address(true), ec);
        if (!ec)
            a.set_option(reuse_port(true), ec);
        if (!ec)
            a.bind(endpoint, ec);
        if (!ec)
            a.listen(asio::socket_base::max_listen_connections, ec);
        if (ec)
            return make_error(ErrorCode::Internal, "cannot listen on " + cfg.listen_host + ":" +
                                                       std::to_string(endpoint.port()) + ": " +
                                                       ec.message());
        endpoint.port(a.local_endpoint().port());  // port 0: every thread shares the one chosen
        threads_.push_back(std::move(t));
    }
    port_ = endpoint.port();
    for (auto& t : threads_) {
        asio::co_spawn(t->ctx, accept_loop(*t), asio::detached);
        workers_.emplace_back([&ctx = t->ctx] { ctx.run(); });
    }
    return {};
}

asio::io_context& Server::context(std::size_t i) {
    return threads_.at(i)->ctx;
}
db::Pool& Server::pool(std::size_t i) {
    return *threads_.at(i)->pool;
}

void Server::stop() {
    for (auto& t : threads_) {
        asio::post(t->ctx, [t = t.get()] {
            if (t->stopping)
                return;
            t->stopping = true;
            boost::system::error_code ignored;
            if (t->acceptor)
                t->acceptor->close(ignored);
            for (SessionEntry* s : t->sessions)
                if (s->idle)
                    s->stream->socket().cancel(ignored);
        });
    }
}

std::vector<db::PoolStats> Server::pool_stats() const {
    std::vector<db::PoolStats> out;
    for (const auto& t : threads_)
        out.push_back(t->pool->stats());
    return out;
}

void Server::force_stop() {
    for (auto& t : threads_)
        t->ctx.stop();
}

void Server::join() {
    for (auto& w : workers_)
        if (w.joinable())
            w.join();
    workers_.clear();
}

asio::awaitable<void> Server::accept_loop(Thread& t) {
    for (;;) {
        auto [ec, socket] = co_await t.acceptor->async_accept(as_tuple_awaitable);
        if (t.stopping)
            co_return;
        if (ec) {
            spdlog::warn("accept failed: {}", ec.message());
            asio::steady_timer pause(t.ctx, 50ms);  // e.g. out of file descriptors
            co_await pause.async_wait(as_tuple_awaitable);
            continue;
        }
        // A flood of connections must not grow memory without bound: past the limit, the new
        // one is closed before anything is read from it.
        if (open_connections_.fetch_add(1) >= services_.config.max_connections) {
            --open_connections_;
            socket.close(ec);
            continue;
        }
        socket.set_option(tcp::no_delay(true), ec);
        asio::co_spawn(t.ctx, session(std::move(socket), t), asio::detached);
    }
}

asio::awaitable<void> Server::session(tcp::socket socket, Thread& t) {
    boost::system::error_code ec;
    auto remote = socket.remote_endpoint(ec);
    std::string client_ip = ec ? "" : remote.address().to_string();
    beast::tcp_stream stream(std::move(socket));
    SessionEntry entry{&stream, true};
    t.sessions.push_front(&entry);
    struct Unregister {
        Thread& t;
        std::list<SessionEntry*>::iterator it;
        std::atomic<unsigned>& open;
        ~Unregister() {
            t.sessions.erase(it);
            --open;
        }
    } unregister{t, t.sessions.begin(), open_connections_};

    beast::flat_buffer buffer;
    bool unread_body = false;  // closing with request bytes unread: linger so no RST eats the reply
    while (!t.stopping) {
        beast_http::request_parser<beast_http::string_body> parser;
        parser.header_limit(kHeaderLimit);
        parser.body_limit(boost::none);  // the route's limit is set once the header is known
        entry.idle = true;
        stream.expires_after(kIdleTimeout);
        auto [rec, _] =
            co_await beast_http::async_read_header(stream, buffer, parser, as_tuple_awaitable);
        entry.idle = false;
        if (rec) {
            if (client_gone(rec))
                break;
            // Malformed request line or headers: say so and close.
            Response res = error_response(make_error(rec == beast_http::error::header_limit
                                                         ? ErrorCode::PayloadTooLarge
                                                         : ErrorCode::BadRequest,
                                                     "Malformed HTTP request: " + rec.message()));
            res.keep_alive(false);
            finish_response(res, request_id_for(parser.get()));
            stream.expires_after(kWriteTimeout);
            co_await write_response(stream, res);
            break;
        }

        const auto& header = parser.get();
        auto target = boost::urls::parse_origin_form(
            std::string_view(header.target().data(), header.target().size()));
        Response res;
        bool keep_alive = header.keep_alive();
        std::optional<Request> upload_head;  // an upload's header, kept when its parser moves
        std::optional<UploadSpool> spool;
        bool body_done = parser.is_done();
        if (!target) {
            res = error_response(make_error(ErrorCode::BadRequest, "Malformed request target."));
            keep_alive = false;
        } else {
            std::string_view path = target->encoded_path();
            RouteMatch match = services_.router.match(header.method(), path);
            std::size_t limit = match.route ? match.route->body_limit : kJsonBodyLimit;
            parser.body_limit(limit);
            if (limit > kJsonBodyLimit) {
                // The parser moves into the spooling one: the path and query then view the copy.
                upload_head.emplace().base() = header.base();
                target = boost::urls::parse_origin_form(
                    std::string_view(upload_head->target().data(), upload_head->target().size()));
                path = target->encoded_path();
            }
            // Called by dispatch only once the caller may send this body (dispatch.hpp).
            ReadBody read_body = [&]() -> asio::awaitable<Result<BodyRead>> {
                if (parser.is_done())
                    co_return BodyRead::Complete;  // an empty upload has no spool
                if (parser.content_length() && *parser.content_length() > limit)
                    co_return BodyRead::TooLarge;
                // The client waiting for leave to send its body gets it only now.
                if (beast::iequals(header[beast_http::field::expect], "100-continue")) {
                    static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
                    stream.expires_after(kWriteTimeout);
                    auto [wec, wn] = co_await asio::async_write(stream, asio::buffer(kContinue),
                                                                as_tuple_awaitable);
                    if (wec)
                        co_return BodyRead::ClientGone;
                }
                if (upload_head) {
                    auto read =
                        co_await spool_body(stream, buffer, parser, limit, services_.workers,
                                            services_.config.data_dir, spool);
                    body_done = read && *read == BodyRead::Complete;
                    co_return read;
                }
                stream.expires_after(kReadTimeout);
                auto [bec, bn] =
                    co_await beast_http::async_read(stream, buffer, parser, as_tuple_awaitable);
                if (!bec) {
                    body_done = true;
                    co_return BodyRead::Complete;
                }
                if (bec == beast_http::error::body_limit)
                    co_return BodyRead::TooLarge;
                if (client_gone(bec) || bec == beast_http::error::partial_message)
                    co_return BodyRead::ClientGone;
                co_return BodyRead::Malformed;
            };
            Incoming in{upload_head ? *upload_head : parser.get(),
                        path,
                        target->params(),
                        match,
                        client_ip,
                        spool};
            auto answer = co_await dispatch(in, read_body, *t.pool, services_);
            // The spooled body is removed (on a worker thread) before anyone reads the answer.
            if (spool)
                co_await offload(services_.workers, [&spool] {
                    spool.reset();
                    return true;
                });
            if (!answer)
                break;
            res = std::move(*answer);
            if (!body_done) {
                keep_alive = false;  // the rest of the body is not read
                unread_body = true;
            }
        }
        if (res.find("X-Request-Id") == res.end())
            finish_response(res, request_id_for(upload_head ? *upload_head : header));
        keep_alive = keep_alive && !t.stopping;
        res.keep_alive(keep_alive);
        stream.expires_after(kWriteTimeout);
        auto wec = co_await write_response(stream, res);
        if (wec || !keep_alive)
            break;
    }
    stream.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (unread_body) {
        // Lingering close: discard what the client still sends (bounded) until it closes.
        stream.expires_after(2s);
        std::size_t drained = 0;
        char sink[16 * 1024];
        while (drained < kUploadBodyLimit) {
            auto [dec, n] = co_await stream.async_read_some(asio::buffer(sink), as_tuple_awaitable);
            if (dec)
                break;
            drained += n;
        }
    }
    stream.socket().close(ec);
}

}  // namespace coach::http
