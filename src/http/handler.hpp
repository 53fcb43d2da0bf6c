#pragma once
// The names every area's routes.cpp writes its handlers with, declared once for all of them:
// a handler is `awaitable<Result<Response>> name(RequestContext& ctx)` (http::Handler), and
// `Result` is already core's. An area's own names stay in its namespace (coach::<area>), which
// these never hide.
#include "core/error.hpp"
#include "http/request_context.hpp"
#include "http/router.hpp"
#include "http/types.hpp"

#include <boost/asio/awaitable.hpp>

namespace coach {

using boost::asio::awaitable;
using http::RequestContext;
using http::Response;

}  // namespace coach
