#pragma once
// Resolves the caller of an authenticated route: the session cookie (HttpOnly, SameSite=Strict;
// writes need X-CSRF-Token) or `Authorization: Bearer <token>`. Tokens are looked up by their
// SHA-256 only; idle and absolute expiry are checked in the same statement.
//
// http's dispatch calls authenticate() through http::Services::authenticate, which app sets,
// so the http layer needs no auth include.
#include "core/error.hpp"
#include "db/connection.hpp"
#include "http/request_context.hpp"

#include <boost/asio/awaitable.hpp>

namespace coach::auth {

inline constexpr std::string_view kSessionCookie = "coach_session";

// With `prefetch` (a route's, see http::Prefetch), sends it in the same round trip as the
// session lookup and leaves its result in ctx.prefetched.
boost::asio::awaitable<Result<void>> authenticate(http::RequestContext& ctx,
                                                  std::optional<db::Query> prefetch = {});

// The token presented by the request (bearer first, then cookie); empty when none.
std::string presented_token(const http::Request& req, bool& via_cookie);

// PostgreSQL bytea literal (\x...) of the token's SHA-256.
std::string token_hash_param(std::string_view token);

}  // namespace coach::auth
