#include "http/response.hpp"

#include <boost/json/serialize.hpp>

namespace coach::http {
namespace json = boost::json;

Response json_text(Status status, std::string body) {
    Response res{status, 11};
    res.set(beast_http::field::content_type, "application/json; charset=utf-8");
    res.body() = std::move(body);
    res.prepare_payload();
    return res;
}

Response json_value(Status status, const json::value& body) {
    return json_text(status, json::serialize(body));
}

Response no_content() {
    Response res{Status::no_content, 11};
    res.prepare_payload();
    return res;
}

std::string error_body(const Error& error) {
    json::object e;
    e["code"] = error_code_name(error.code);
    e["message"] = error.message;
    json::array details;
    for (const auto& d : error.details)
        details.push_back({{"field", d.field}, {"message", d.message}});
    e["details"] = std::move(details);
    return json::serialize(json::object{{"error", std::move(e)}});
}

Response error_response(const Error& error) {
    Response res = json_text(static_cast<Status>(http_status(error.code)), error_body(error));
    if (error.retry_after_seconds)
        res.set(beast_http::field::retry_after, std::to_string(*error.retry_after_seconds));
    return res;
}

}  // namespace coach::http
