#include "http/response.hpp"

#include "http/security_headers.hpp"

#include <boost/json/serialize.hpp>

#include <charconv>

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

std::string serialize_header(const Response& res) {
    std::string_view fixed = fixed_header_lines(res);
    std::string out;
    out.reserve(160 + fixed.size());
    out += res.version() == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    char number[24];
    auto put_number = [&](std::uint64_t v) {
        auto [end, ec] = std::to_chars(number, number + sizeof number, v);
        out.append(number, end);
    };
    put_number(res.result_int());
    out += ' ';
    auto reason = res.reason();
    out.append(reason.data(), reason.size());
    out += "\r\n";
    for (const auto& f : res) {
        auto name = f.name_string();
        auto value = f.value();
        out.append(name.data(), name.size());
        out += ": ";
        out.append(value.data(), value.size());
        out += "\r\n";
    }
    const unsigned status = res.result_int();
    if (status >= 200 && status != 204 && status != 304 &&
        res.find(beast_http::field::content_length) == res.end() &&
        res.find(beast_http::field::transfer_encoding) == res.end()) {
        out += "Content-Length: ";
        put_number(res.body().size());
        out += "\r\n";
    }
    out += fixed;
    out += "\r\n";
    return out;
}

namespace {

json::object error_object(const Error& error) {
    json::object e;
    e["code"] = error_code_name(error.code);
    e["message"] = error.message;
    json::array details;
    for (const auto& d : error.details)
        details.push_back({{"field", d.field}, {"message", d.message}});
    e["details"] = std::move(details);
    return e;
}

}  // namespace

std::string error_body(const Error& error) {
    return json::serialize(json::object{{"error", error_object(error)}});
}

Response error_response(const Error& error) {
    Response res = json_text(static_cast<Status>(http_status(error.code)), error_body(error));
    if (error.retry_after_seconds)
        res.set(beast_http::field::retry_after, std::to_string(*error.retry_after_seconds));
    return res;
}

Response error_response(const Error& error, json::object more) {
    json::object e = error_object(error);
    for (auto& [key, value] : more)
        e[key] = std::move(value);
    return json_value(static_cast<Status>(http_status(error.code)),
                      json::object{{"error", std::move(e)}});
}

}  // namespace coach::http
