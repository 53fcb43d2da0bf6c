#pragma once
// The OpenAPI 3.1 document of every route in the table (paths, methods, path parameters,
// summaries, security and the shared error shape).
#include "http/router.hpp"

#include <boost/json/value.hpp>

namespace coach::ops {

boost::json::value openapi_document(const http::Router& router);

}  // namespace coach::ops
