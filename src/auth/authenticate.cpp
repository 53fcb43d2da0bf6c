#include "auth/authenticate.hpp"

#include "auth/token.hpp"
#include "db/pool.hpp"
#include "http/services.hpp"

namespace coach::auth {
namespace asio = boost::asio;

namespace {

// Looks the session up by token hash, refreshes last_seen_at at most once a minute (so reads
// stay cheap), and returns the caller.
constexpr std::string_view kSessionLookup = R"sql(
WITH s AS (
    SELECT id, user_id, csrf_token
      FROM user_sessions
     WHERE token_hash = $1::bytea
       AND revoked_at IS NULL
       AND expires_at > now()
       AND last_seen_at > now() - make_interval(secs => $2::int)
), touched AS (
    UPDATE user_sessions SET last_seen_at = now()
     WHERE id = (SELECT id FROM s) AND last_seen_at < now() - interval '60 seconds'
)
SELECT s.id, s.csrf_token, u.id, u.role
  FROM s JOIN users u ON u.id = s.user_id
 WHERE u.deleted_at IS NULL AND u.status <> 'TERMINATED')sql";

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ')
        s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ')
        s.remove_suffix(1);
    return s;
}

bool safe_method(http::Verb v) {
    return v == http::Verb::get || v == http::Verb::head || v == http::Verb::options;
}

}  // namespace

std::string presented_token(const http::Request& req, bool& via_cookie) {
    via_cookie = false;
    if (auto it = req.find(http::beast_http::field::authorization); it != req.end()) {
        std::string_view v(it->value().data(), it->value().size());
        if (v.size() > 7 && strncasecmp(v.data(), "Bearer ", 7) == 0)
            return std::string(trim(v.substr(7)));
        return {};
    }
    for (auto it = req.find(http::beast_http::field::cookie);
         it != req.end() && it->name() == http::beast_http::field::cookie; ++it) {
        std::string_view all(it->value().data(), it->value().size());
        while (!all.empty()) {
            auto semi = all.find(';');
            std::string_view pair = trim(all.substr(0, semi));
            all = semi == std::string_view::npos ? std::string_view{} : all.substr(semi + 1);
            auto eq = pair.find('=');
            if (eq != std::string_view::npos && pair.substr(0, eq) == kSessionCookie) {
                via_cookie = true;
                return std::string(pair.substr(eq + 1));
            }
        }
    }
    return {};
}

std::string token_hash_param(std::string_view token) {
    return "\\x" + sha256_hex(token);
}

asio::awaitable<Result<void>> authenticate(http::RequestContext& ctx) {
    bool via_cookie = false;
    std::string token = presented_token(ctx.request, via_cookie);
    if (token.empty() || token.size() > 256)
        co_return make_error(ErrorCode::Unauthorized, "Sign in to continue.");
    auto idle = static_cast<int>(ctx.services.config.session_idle.count());
    auto r = co_await ctx.db.query(kSessionLookup, db::params(token_hash_param(token), idle));
    if (!r)
        co_return r.error();
    if (r->empty())
        co_return make_error(ErrorCode::Unauthorized, "Your session has expired; sign in again.");
    auto role = parse_role(r->get(0, 3));
    if (!role)
        co_return make_error(ErrorCode::Internal, "unknown role in users row");
    ctx.session = http::Session{std::string(r->get(0, 0)), std::string(r->get(0, 1)), via_cookie};
    if (via_cookie && !safe_method(ctx.request.method())) {
        auto it = ctx.request.find("X-CSRF-Token");
        std::string_view given = it == ctx.request.end()
                                     ? std::string_view{}
                                     : std::string_view(it->value().data(), it->value().size());
        if (given.empty() || !constant_time_equal(given, ctx.session->csrf_token))
            co_return make_error(ErrorCode::Forbidden,
                                 "Missing or invalid X-CSRF-Token header for a cookie session.");
    }
    ctx.principal = Principal{std::string(r->get(0, 2)), *role};
    co_return Result<void>{};
}

}  // namespace coach::auth
