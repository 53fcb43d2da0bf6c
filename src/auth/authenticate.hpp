#pragma once
// Resolves the caller of an authenticated route: the session cookie (HttpOnly, SameSite=Strict;
// writes need X-CSRF-Token) or `Authorization: Bearer <token>`. Tokens are looked up by their
// SHA-256 only; idle and absolute expiry are checked in the same statement.
#include "core/error.hpp"
#include "http/request_context.hpp"

#include <boost/asio/awaitable.hpp>

namespace coach::auth {

inline constexpr std::string_view kSessionCookie = "coach_session";

boost::asio::awaitable<Result<void>> authenticate(http::RequestContext& ctx);

// The token presented by the request (bearer first, then cookie); empty when none.
std::string presented_token(const http::Request& req, bool& via_cookie);

// PostgreSQL bytea literal (\x...) of the token's SHA-256.
std::string token_hash_param(std::string_view token);

}  // namespace coach::auth
