// beast_hello: the baseline for `/healthz` in `make bench`. A minimal HTTP/1.1 keep-alive
// server on Boost.Beast that answers every request with a tiny 200 JSON body, built like
// coach's front end (one io_context per thread, each with its own SO_REUSEPORT acceptor,
// a coroutine per connection, TCP_NODELAY) but with nothing else: no routing, no timeouts,
// no security headers, no request id, no metrics.
//
//   beast_hello [port] [threads] [coach-headers]
// port 0 (default) picks a free port and prints "port N". With coach-headers it also sends the
// header set coach adds to every response (security headers, request id, server), to tell the
// cost of those bytes from the rest of coach's request path; `make bench` runs it without.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string_view>
#include <thread>
#include <vector>

namespace asio = boost::asio;
namespace http = boost::beast::http;
using asio::ip::tcp;

namespace {

constexpr auto use_tuple = asio::as_tuple(asio::use_awaitable);
using reuse_port = asio::detail::socket_option::boolean<SOL_SOCKET, SO_REUSEPORT>;

bool coach_headers = false;

asio::awaitable<void> session(tcp::socket socket) {
    boost::beast::flat_buffer buffer;
    for (;;) {
        http::request<http::string_body> req;
        auto [rec, rn] = co_await http::async_read(socket, buffer, req, use_tuple);
        if (rec)
            break;
        http::response<http::string_body> res{http::status::ok, req.version()};
        res.set(http::field::content_type, "application/json");
        if (coach_headers) {
            res.set(http::field::content_type, "application/json; charset=utf-8");
            res.set("Content-Security-Policy",
                    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
                    "data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri "
                    "'none'; form-action 'self'; frame-ancestors 'none'");
            res.set("X-Content-Type-Options", "nosniff");
            res.set("Referrer-Policy", "same-origin");
            res.set("X-Frame-Options", "DENY");
            res.set("Cross-Origin-Opener-Policy", "same-origin");
            res.set(http::field::cache_control, "no-store");
            res.set("X-Request-Id", "6c0268e3af2138b9");
            res.set(http::field::server, "coach");
        }
        res.body() = R"({"status":"ok"})";
        res.keep_alive(req.keep_alive());
        res.prepare_payload();
        auto [wec, wn] = co_await http::async_write(socket, res, use_tuple);
        if (wec || !res.keep_alive())
            break;
    }
    boost::system::error_code ec;
    socket.shutdown(tcp::socket::shutdown_send, ec);
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor) {
    for (;;) {
        auto [ec, socket] = co_await acceptor.async_accept(use_tuple);
        if (ec) {
            if (ec == asio::error::operation_aborted)
                co_return;
            continue;
        }
        socket.set_option(tcp::no_delay(true), ec);
        asio::co_spawn(acceptor.get_executor(), session(std::move(socket)), asio::detached);
    }
}

}  // namespace

int main(int argc, char** argv) {
    unsigned short port = argc > 1 ? static_cast<unsigned short>(std::atoi(argv[1])) : 0;
    unsigned threads = argc > 2 ? static_cast<unsigned>(std::atoi(argv[2])) : 2;
    if (threads == 0)
        threads = 1;
    coach_headers = argc > 3 && std::string_view(argv[3]) == "coach-headers";

    tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    std::vector<std::unique_ptr<tcp::acceptor>> acceptors;
    for (unsigned i = 0; i < threads; ++i) {
        auto& ctx = contexts.emplace_back(std::make_unique<asio::io_context>(1));
        auto& a = acceptors.emplace_back(std::make_unique<tcp::acceptor>(*ctx));
        a->open(endpoint.protocol());
        a->set_option(tcp::acceptor::reuse_address(true));
        a->set_option(reuse_port(true));
        a->bind(endpoint);
        a->listen(asio::socket_base::max_listen_connections);
        endpoint.port(a->local_endpoint().port());  // port 0: the others share the chosen one
        asio::co_spawn(*ctx, accept_loop(*a), asio::detached);
    }
    std::printf("port %u\n", static_cast<unsigned>(endpoint.port()));
    std::fflush(stdout);

    // SIGINT/SIGTERM stop every context.
    asio::signal_set signals(*contexts[0], SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code&, int) {
        for (auto& c : contexts)
            c->stop();
    });

    std::vector<std::thread> workers;
    for (unsigned i = 1; i < threads; ++i)
        workers.emplace_back([&c = *contexts[i]] { c.run(); });
    contexts[0]->run();
    for (auto& w : workers)
        w.join();
    return 0;
}
