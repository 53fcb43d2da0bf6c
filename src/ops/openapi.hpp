#pragma once
// The OpenAPI 3.1 document of every route in the table: paths, methods, parameters, summaries,
// security, the shared error shape, and from each area's api.json the request and response
// bodies (docs/architecture.md, "API description").
#include "http/router.hpp"
#include "ops/api_fragment.hpp"

#include <boost/json/value.hpp>

#include <span>
#include <string>
#include <vector>

namespace coach::ops {

// From the fragments compiled into this binary.
boost::json::value openapi_document(const http::Router& router);
boost::json::value openapi_document(const http::Router& router,
                                    std::span<const ApiFragment> fragments);

// What keeps the fragments from describing the route table exactly: an operation without a
// route, a route without an operation, an unknown key, a schema named twice, a $ref to no
// schema. Empty when the document is complete (a test asserts it).
std::vector<std::string> openapi_problems(const http::Router& router);
std::vector<std::string> openapi_problems(const http::Router& router,
                                          std::span<const ApiFragment> fragments);

}  // namespace coach::ops
