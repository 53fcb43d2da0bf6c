#pragma once
// One request from parsed message to response: routing result, authentication, the handler,
// the JSON error model, security headers, request id, metrics and the access log.
#include "http/router.hpp"
#include "http/services.hpp"
#include "http/upload_spool.hpp"

#include <boost/asio/awaitable.hpp>

#include <functional>

namespace coach::db {
class Pool;
}

namespace coach::http {

struct Incoming {
    const Request& request;
    std::string_view path;
    boost::urls::params_view query;
    const RouteMatch& match;
    std::string client_ip;
    // An upload's body, written to disk by read_body instead of request.body() (none until
    // read_body started it, nor for an empty body).
    const std::optional<UploadSpool>& spool;
};

// How reading the request's body ended (the server's session loop reads it when dispatch asks).
// An error: an upload's body could not be kept on disk (507 when the disk is full).
enum class BodyRead { Complete, TooLarge, Malformed, ClientGone };
using ReadBody = std::function<boost::asio::awaitable<Result<BodyRead>>()>;

// The body is read only once the route is known, its caller authenticated and admitted
// (Route::admit) and, for an upload, a slot taken: no anonymous or refused client makes the
// server hold its body. nullopt: the client went away, there is nothing to answer. A body
// left unread is the caller's to discard (it closes the connection).
boost::asio::awaitable<std::optional<Response>> dispatch(Incoming in, const ReadBody& read_body,
                                                         db::Pool& pool, Services& services);

// Request id: the client's X-Request-Id when it is short and plain, else a fresh one.
std::string request_id_for(const Request& req);

// Final touches shared by every response (also early errors written by the session loop).
void finish_response(Response& res, const std::string& request_id);

}  // namespace coach::http
