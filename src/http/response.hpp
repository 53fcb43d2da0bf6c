#pragma once
// Building responses: JSON bodies (given as text, e.g. built by PostgreSQL, or as values) and
// the one error shape (docs/architecture.md, "Errors").
#include "core/error.hpp"
#include "http/types.hpp"

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>

#include <string>

namespace coach::http {

Response json_text(Status status, std::string body);
Response json_value(Status status, const boost::json::value& body);
Response no_content();
Response error_response(const Error& error);
// The same with more members of "error" (e.g. "current" of a stale write, "conflicts").
Response error_response(const Error& error, boost::json::object more);

// The response's status line and fields, then http::fixed_header_lines(res) and the blank
// line: the whole header as one string, which the server writes with the body in one gather
// write (Beast's serializer would take one buffer per field). Adds Content-Length when a body
// has none (every response here is sized; none is chunked).
std::string serialize_header(const Response& res);

// Serializes a whole Error into {"error": {...}} (also used for logging in tests).
std::string error_body(const Error& error);

}  // namespace coach::http
