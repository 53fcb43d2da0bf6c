#pragma once
// One request from parsed message to response: routing result, authentication, the handler,
// the JSON error model, security headers, request id, metrics and the access log.
#include "http/router.hpp"
#include "http/services.hpp"

#include <boost/asio/awaitable.hpp>

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
};

boost::asio::awaitable<Response> dispatch(Incoming in, db::Pool& pool, Services& services);

// Request id: the client's X-Request-Id when it is short and plain, else a fresh one.
std::string request_id_for(const Request& req);

// Final touches shared by every response (also early errors written by the session loop).
void finish_response(Response& res, const std::string& request_id);

}  // namespace coach::http
