#pragma once
// The route table: method + pattern ("/api/v1/users/{id}") -> handler. Matching yields the
// path parameters, or tells 404 (no pattern) from 405 (pattern, other method).
#include "core/error.hpp"
#include "db/connection.hpp"
#include "http/request_context.hpp"

#include <boost/asio/awaitable.hpp>

#include <functional>
#include <string>
#include <vector>

namespace coach::http {

using Handler = std::function<boost::asio::awaitable<Result<Response>>(RequestContext&)>;

enum class Access { Public, Authenticated };

// A statement an authenticated route sends in the same round trip as the session lookup
// (Services::authenticate pipelines the two); the handler finds its result in ctx.prefetched.
// $1 and $2 are the lookup's (token hash, idle seconds), the route's own parameters start at
// $3, and the statement reads the caller itself from live_session($1::bytea, $2::int)
// (migration 0016), so it needs nothing the lookup returns. It runs before the caller is known, so
// it must only read, and only rows the viewer may see (Router::add accepts it on GET routes only).
// nullopt: nothing to send (e.g. a malformed path parameter, which the handler then rejects). A
// handler must also work without the result: when the pipeline fails, it has none.
using Prefetch = std::function<std::optional<db::Query>(const RequestContext&)>;

// Checks an authenticated route makes on the header alone, after authentication and before
// its body is read (the caller's role for an upload): an error is answered at once and the
// body is never read (docs/architecture.md, "Bounded memory").
using Admit = std::function<std::optional<Error>(const RequestContext&)>;

struct Route {
    Verb method;
    std::string pattern;
    Handler handler;
    Access access = Access::Authenticated;
    std::size_t body_limit = kJsonBodyLimit;
    std::string summary;    // one line for the OpenAPI document
    std::size_t index = 0;  // position in the table (metrics)
    Prefetch prefetch;      // optional
    Admit admit;            // optional
};

struct RouteMatch {
    const Route* route = nullptr;
    std::vector<std::pair<std::string_view, std::string>> params;
    std::string allow;  // methods allowed on the path when route == nullptr
};

class Router {
  public:
    void add(Route route);
    RouteMatch match(Verb method, std::string_view path) const;
    const std::vector<Route>& routes() const { return routes_; }

  private:
    std::vector<Route> routes_;
    std::vector<std::vector<std::string>> segments_;
};

}  // namespace coach::http
