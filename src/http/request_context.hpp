#pragma once
// Everything a handler sees of one request. The caller is core's Principal (auth fills it
// through Services::authenticate; http knows nothing of how).
#include "core/principal.hpp"
#include "core/request_origin.hpp"
#include "db/pg_result.hpp"
#include "http/types.hpp"

#include <boost/url/params_view.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace coach::db {
class Pool;
}

namespace coach::http {

struct Services;
struct SpooledBody;

struct Session {
    std::string id;          // user_sessions.id
    std::string csrf_token;  // echoed at login; required on cookie-authenticated writes
    bool via_cookie = false;
    // The caller's public JSON (user_json(), migration 0016), from the same lookup.
    std::string user_json;
};

struct RequestContext {
    const Request& request;
    std::string request_id;
    std::string client_ip;
    std::vector<std::pair<std::string_view, std::string>> path_params;
    boost::urls::params_view query;
    db::Pool& db;
    Services& services;
    std::optional<Principal> principal;  // set for authenticated routes
    std::optional<Session> session;
    std::vector<std::string> set_cookies;    // added to the response
    std::optional<db::PgResult> prefetched;  // the route's Prefetch result, when it had one
    // An upload's body (routes with a body limit above kJsonBodyLimit): on disk, not in
    // request.body() (http/upload_spool.hpp).
    const SpooledBody* spooled_body = nullptr;

    std::string_view path_param(std::string_view name) const {
        for (const auto& [k, v] : path_params)
            if (k == name)
                return v;
        return {};
    }
    std::optional<std::string> query_param(std::string_view name) const;
    std::string_view header(beast_http::field f) const;
    // The User-Agent as it is stored (sessions, audit log): valid UTF-8 (a malformed byte
    // becomes U+FFFD), at most 512 bytes.
    std::string user_agent() const;
    const Principal& me() const { return *principal; }
    // The caller (when signed in), client address, user agent and request id: for audit rows.
    RequestOrigin origin() const;
};

}  // namespace coach::http
