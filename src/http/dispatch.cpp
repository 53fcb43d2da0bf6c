#include "http/dispatch.hpp"

#include "core/hex.hpp"
#include "core/utf8.hpp"
#include "http/metrics.hpp"
#include "http/response.hpp"
#include "http/static_files.hpp"
#include "http/upload_slots.hpp"

#include <spdlog/spdlog.h>

#include <random>

namespace coach::http {
namespace asio = boost::asio;

namespace {

bool plain_id(std::string_view s) {
    if (s.empty() || s.size() > 64)
        return false;
    for (char c : s)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
            return false;
    return true;
}

// Query values and path parameters reach the statements as text: malformed UTF-8 in them is the
// client's error (400), never PostgreSQL's (a 500 on "invalid byte sequence").
std::optional<Error> malformed_text(const Incoming& in) {
    for (auto p : in.query) {
        if (!valid_utf8(p.key))
            return make_error(ErrorCode::BadRequest,
                              "A query parameter's name is not valid UTF-8.");
        if (!valid_utf8(p.value))
            return make_error(ErrorCode::BadRequest,
                              "The query parameter \"" + p.key + "\" is not valid UTF-8.");
    }
    for (const auto& [name, value] : in.match.params)
        if (!valid_utf8(value))
            return make_error(ErrorCode::BadRequest, "The path parameter \"" + std::string(name) +
                                                         "\" is not valid UTF-8.");
    return std::nullopt;
}

std::optional<Error> body_error(BodyRead read, std::size_t limit) {
    switch (read) {
        case BodyRead::TooLarge:
            return make_error(ErrorCode::PayloadTooLarge, "The request body is larger than " +
                                                              std::to_string(limit) + " bytes.");
        case BodyRead::Malformed:
            return make_error(ErrorCode::BadRequest, "Malformed HTTP request body.");
        case BodyRead::Complete:
        case BodyRead::ClientGone:
            break;
    }
    return std::nullopt;
}

bool is_api_path(std::string_view path) {
    return path.starts_with("/api/") || path == "/api" || path == "/healthz" || path == "/readyz" ||
           path == "/metrics";
}

}  // namespace

std::string request_id_for(const Request& req) {
    auto it = req.find("X-Request-Id");
    if (it != req.end() && plain_id({it->value().data(), it->value().size()}))
        return std::string(it->value());
    thread_local std::mt19937_64 rng{std::random_device{}()};
    const std::uint64_t v = rng();
    return to_hex(std::string_view(reinterpret_cast<const char*>(&v), sizeof v));
}

void finish_response(Response& res, const std::string& request_id) {
    // The security headers, Server and the default Cache-Control are not fields of res: the
    // server writes them from one pre-built block (http/security_headers.hpp).
    res.set("X-Request-Id", request_id);
}

asio::awaitable<std::optional<Response>> dispatch(Incoming in, const ReadBody& read_body,
                                                  db::Pool& pool, Services& services) {
    const auto started = std::chrono::steady_clock::now();
    const Request& req = in.request;
    std::string rid = request_id_for(req);
    Response res;
    std::size_t route_index = services.metrics.no_route();

    if (!in.match.route) {
        if (!is_api_path(in.path)) {
            if (req.method() == Verb::get || req.method() == Verb::head) {
                res = services.static_files.serve(req, in.path);
            } else {
                res = error_response(
                    make_error(ErrorCode::MethodNotAllowed, "Only GET and HEAD are allowed here."));
                res.set(beast_http::field::allow, "GET, HEAD");
            }
        } else if (!in.match.allow.empty()) {
            res = error_response(make_error(ErrorCode::MethodNotAllowed,
                                            "This method is not allowed on this resource."));
            res.set(beast_http::field::allow, in.match.allow);
        } else {
            res = error_response(make_error(ErrorCode::NotFound, "No such resource."));
        }
    } else {
        const Route& route = *in.match.route;
        route_index = route.index;
        RequestContext ctx{req,          rid,  in.client_ip, in.match.params,
                           in.query,     pool, services,     std::nullopt,
                           std::nullopt, {},   std::nullopt};
        Result<Response> out = Error{};
        std::optional<UploadSlots::Slot> upload;  // held until the response is ready
        try {
            std::optional<Error> refused = malformed_text(in);
            if (!refused && route.access == Access::Authenticated) {
                auto prefetch = route.prefetch ? route.prefetch(ctx) : std::nullopt;
                if (auto a = co_await services.authenticate(ctx, std::move(prefetch)); !a)
                    refused = a.error();
                else if (route.admit)
                    refused = route.admit(ctx);
            }
            if (!refused && route.body_limit > kJsonBodyLimit) {
                // Uploads are never public (Router::add caps public bodies at 16 KiB).
                upload = services.uploads.try_take(ctx.me().id);
                if (!upload) {
                    refused = make_error(ErrorCode::RateLimited,
                                         "Too many uploads at once; try again soon.");
                    refused->retry_after_seconds = 10;
                }
            }
            if (!refused) {
                Result<BodyRead> body = co_await read_body();
                if (!body)
                    refused = body.error();
                else if (*body == BodyRead::ClientGone)
                    co_return std::nullopt;
                else
                    refused = body_error(*body, route.body_limit);
                if (in.spool)
                    ctx.spooled_body = &in.spool->body();
            }
            if (refused)
                out = std::move(*refused);
            else
                out = co_await route.handler(ctx);
        } catch (const std::exception& e) {
            spdlog::error("{} unhandled exception in {} {}: {}", rid,
                          std::string(beast_http::to_string(route.method)), route.pattern,
                          e.what());
            out = make_error(ErrorCode::Internal, "");
        }
        if (out) {
            res = std::move(*out);
        } else {
            Error e = out.error();
            if (e.code == ErrorCode::Internal) {
                // A bug or an unexpected SQL error: log the detail, tell the client nothing.
                spdlog::error("{} internal error in {}: {} {}", rid, route.pattern, e.sqlstate,
                              e.message);
                e = make_error(ErrorCode::Internal, "An unexpected error occurred.");
            }
            res = error_response(e);
        }
        for (auto& c : ctx.set_cookies)
            res.insert(beast_http::field::set_cookie, c);
    }
    if (req.method() == Verb::head)
        res.body().clear();
    res.version(req.version());
    finish_response(res, rid);

    auto elapsed = std::chrono::steady_clock::now() - started;
    services.metrics.observe(route_index, res.result_int(), elapsed);
    if (services.config.access_log)
        spdlog::info("{} {} {} {} {} {:.1f}ms", rid, in.client_ip,
                     std::string(beast_http::to_string(req.method())), in.path, res.result_int(),
                     std::chrono::duration<double, std::milli>(elapsed).count());
    co_return res;
}

}  // namespace coach::http
