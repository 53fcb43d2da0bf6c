#pragma once
// The API description held to what the server does: every exchange of the integration tests
// (http_request) is checked against openapi.json, its responses always and its request body
// when the server accepted it. Objects allow no property the description does not name, so a
// field added to a response without its description fails the tests (docs/architecture.md,
// "API description").
#include <string>

namespace coach::test {

struct HttpResult;

// What in the exchange differs from the description ("" when it conforms).
std::string contract_violation(const std::string& method, const std::string& target,
                               const std::string& request_body,
                               const std::string& request_content_type, const HttpResult& response);

}  // namespace coach::test
