#include "ops/openapi.hpp"

#include <boost/json.hpp>

namespace coach::ops {
namespace json = boost::json;

namespace {

json::value error_schema() {
    return json::parse(R"({
      "type": "object", "required": ["error"],
      "properties": {"error": {"type": "object", "required": ["code", "message", "details"],
        "properties": {
          "code": {"type": "string", "enum": ["bad_request", "unauthorized", "forbidden",
            "not_found", "method_not_allowed", "conflict", "payload_too_large",
            "unsupported_media_type", "validation_failed", "rate_limited", "internal",
            "unavailable"]},
          "message": {"type": "string"},
          "details": {"type": "array", "items": {"type": "object",
            "properties": {"field": {"type": "string"}, "message": {"type": "string"}}}}}}}})");
}

}  // namespace

json::value openapi_document(const http::Router& router) {
    json::object paths;
    for (const auto& route : router.routes()) {
        json::object op;
        op["summary"] = route.summary;
        op["operationId"] =
            std::string(http::beast_http::to_string(route.method)) + " " + route.pattern;
        json::array params;
        std::string_view p = route.pattern;
        for (auto open = p.find('{'); open != std::string_view::npos;
             open = p.find('{', open + 1)) {
            auto close = p.find('}', open);
            params.push_back({{"name", std::string(p.substr(open + 1, close - open - 1))},
                              {"in", "path"},
                              {"required", true},
                              {"schema", {{"type", "string"}}}});
        }
        if (!params.empty())
            op["parameters"] = std::move(params);
        if (route.access == http::Access::Public)
            op["security"] = json::array{};
        op["responses"] = {
            {"default",
             {{"description", "Error (see components.schemas.Error)"},
              {"content",
               {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}},
            {"200", {{"description", "Success"}}}};
        std::string method(http::beast_http::to_string(route.method));
        std::transform(method.begin(), method.end(), method.begin(), ::tolower);
        json::value& item = paths[route.pattern];
        if (!item.is_object())
            item.emplace_object();
        item.as_object()[method] = std::move(op);
    }
    json::object doc;
    doc["openapi"] = "3.1.0";
    doc["info"] = {{"title", "Coach API"}, {"version", "1"}};
    doc["paths"] = std::move(paths);
    doc["components"] = {
        {"schemas", {{"Error", error_schema()}}},
        {"securitySchemes",
         {{"cookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "coach_session"}}},
          {"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}};
    doc["security"] = json::array{json::object{{"cookie", json::array{}}},
                                  json::object{{"bearer", json::array{}}}};
    return doc;
}

}  // namespace coach::ops
