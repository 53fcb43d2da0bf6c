#include "ops/openapi.hpp"

#include "api/fragments.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>

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
            "unavailable", "precondition_required", "insufficient_storage"]},
          "message": {"type": "string"},
          "details": {"type": "array", "items": {"type": "object", "required": ["message"],
            "properties": {"field": {"type": ["string", "null"]},
                           "message": {"type": "string"}}}},
          "current": {"type": "object",
            "description": "A stale write (409): the resource as it is now."},
          "conflicts": {"type": "array",
            "description": "A calendar clash (409): the sessions the new time overlaps.",
            "items": {"type": "object",
              "required": ["session_id", "agent_id", "agent_name", "scheduled_date",
                           "planned_minutes", "calendar"],
              "properties": {"session_id": {"type": "string", "format": "uuid"},
                "agent_id": {"type": "string", "format": "uuid"},
                "agent_name": {"type": "string"},
                "scheduled_date": {"type": "string", "format": "date-time"},
                "planned_minutes": {"type": "integer"},
                "calendar": {"type": "string", "enum": ["team_leader", "agent", "both"],
                  "description": "Whose calendar has it."}}}}}}}})");
}

std::string lower_method(const http::Route& route) {
    std::string method(http::beast_http::to_string(route.method));
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    return method;
}

// The keys an operation of a fragment may have (docs/architecture.md, "API description").
const std::set<std::string, std::less<>> kOperationKeys{
    "description", "parameters", "request", "request_optional", "status", "response", "responses"};

// The fragments read once: operations by (path, method), schemas by name, and what is wrong.
struct Parsed {
    std::map<std::pair<std::string, std::string>, json::object> operations;
    json::object schemas;
    std::vector<std::string> problems;
};

void collect_refs(const json::value& v, std::set<std::string>& out) {
    if (const auto* o = v.if_object()) {
        for (const auto& [key, child] : *o) {
            if (key == "$ref" && child.is_string())
                out.insert(std::string(child.as_string()));
            else
                collect_refs(child, out);
        }
    } else if (const auto* a = v.if_array()) {
        for (const auto& child : *a)
            collect_refs(child, out);
    }
}

Parsed parse(std::span<const ApiFragment> fragments) {
    Parsed p;
    for (const auto& f : fragments) {
        const std::string where = "src/" + std::string(f.area) + "/api.json";
        boost::system::error_code ec;
        json::value doc = json::parse(f.text, ec);
        if (ec || !doc.is_object()) {
            p.problems.push_back(where + ": not a JSON object (" + ec.message() + ")");
            continue;
        }
        for (const auto& [key, _] : doc.as_object())
            if (key != "paths" && key != "schemas")
                p.problems.push_back(where + ": unknown key " + std::string(key));
        if (const auto* paths = doc.as_object().if_contains("paths"); paths && paths->is_object()) {
            for (const auto& [path, item] : paths->as_object()) {
                for (const auto& [method, op] : item.as_object()) {
                    if (!op.is_object()) {
                        p.problems.push_back(where + ": " + std::string(path) + " " +
                                             std::string(method) + " is not an object");
                        continue;
                    }
                    for (const auto& [key, _] : op.as_object())
                        if (!kOperationKeys.contains(key))
                            p.problems.push_back(where + ": " + std::string(method) + " " +
                                                 std::string(path) + ": unknown key " +
                                                 std::string(key));
                    auto [it, fresh] = p.operations.emplace(
                        std::pair{std::string(path), std::string(method)}, op.as_object());
                    if (!fresh)
                        p.problems.push_back(where + ": " + std::string(method) + " " +
                                             std::string(path) + " described twice");
                }
            }
        }
        if (const auto* schemas = doc.as_object().if_contains("schemas");
            schemas && schemas->is_object()) {
            for (const auto& [name, schema] : schemas->as_object()) {
                if (p.schemas.contains(name))
                    p.problems.push_back(where + ": schema " + std::string(name) +
                                         " is named in another area too");
                p.schemas[name] = schema;
            }
        }
    }
    p.schemas["Error"] = error_schema();
    return p;
}

json::object json_content(json::value schema) {
    return {{"application/json", {{"schema", std::move(schema)}}}};
}

// The route's operation: the table's summary, path parameters and security, with the
// fragment's query parameters and bodies ("request", "status" + "response", or "responses"
// as OpenAPI writes them for other media types).
json::object operation(const http::Route& route, const json::object* described) {
    json::object op;
    op["summary"] = route.summary;
    op["operationId"] =
        std::string(http::beast_http::to_string(route.method)) + " " + route.pattern;
    if (described)
        if (const auto* d = described->if_contains("description"))
            op["description"] = *d;
    json::array params;
    std::string_view p = route.pattern;
    for (auto open = p.find('{'); open != std::string_view::npos; open = p.find('{', open + 1)) {
        auto close = p.find('}', open);
        params.push_back({{"name", std::string(p.substr(open + 1, close - open - 1))},
                          {"in", "path"},
                          {"required", true},
                          {"schema", {{"type", "string"}}}});
    }
    if (described)
        if (const auto* q = described->if_contains("parameters"); q && q->is_array())
            for (const auto& param : q->as_array())
                params.push_back(param);
    if (!params.empty())
        op["parameters"] = std::move(params);
    if (route.access == http::Access::Public)
        op["security"] = json::array{};
    if (described)
        if (const auto* body = described->if_contains("request")) {
            const auto* optional = described->if_contains("request_optional");
            op["requestBody"] = {{"required", !(optional && *optional == true)},
                                 {"content", json_content(*body)}};
        }
    json::object responses;
    if (const json::value* given = described ? described->if_contains("responses") : nullptr;
        given && given->is_object()) {
        responses = given->as_object();
    } else {
        std::string status = "200";
        if (described)
            if (const auto* s = described->if_contains("status"); s && s->is_int64())
                status = std::to_string(s->as_int64());
        json::object ok{{"description", "Success"}};
        if (described)
            if (const auto* body = described->if_contains("response"))
                ok["content"] = json_content(*body);
        responses[status] = std::move(ok);
    }
    responses["default"] = {{"description", "Error"},
                            {"content", json_content({{"$ref", "#/components/schemas/Error"}})}};
    op["responses"] = std::move(responses);
    return op;
}

json::value document(const http::Router& router, const Parsed& parsed) {
    json::object paths;
    for (const auto& route : router.routes()) {
        auto it = parsed.operations.find({route.pattern, lower_method(route)});
        json::value& item = paths[route.pattern];
        if (!item.is_object())
            item.emplace_object();
        item.as_object()[lower_method(route)] =
            operation(route, it == parsed.operations.end() ? nullptr : &it->second);
    }
    json::object doc;
    doc["openapi"] = "3.1.0";
    doc["info"] = {{"title", "Coach API"}, {"version", "1"}};
    doc["paths"] = std::move(paths);
    doc["components"] = {
        {"schemas", parsed.schemas},
        {"securitySchemes",
         {{"cookie", {{"type", "apiKey"}, {"in", "cookie"}, {"name", "coach_session"}}},
          {"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}};
    doc["security"] = json::array{json::object{{"cookie", json::array{}}},
                                  json::object{{"bearer", json::array{}}}};
    return doc;
}

}  // namespace

json::value openapi_document(const http::Router& router) {
    return openapi_document(router, api::fragments);
}

json::value openapi_document(const http::Router& router, std::span<const ApiFragment> fragments) {
    return document(router, parse(fragments));
}

std::vector<std::string> openapi_problems(const http::Router& router) {
    return openapi_problems(router, api::fragments);
}

std::vector<std::string> openapi_problems(const http::Router& router,
                                          std::span<const ApiFragment> fragments) {
    Parsed parsed = parse(fragments);
    std::vector<std::string> problems = std::move(parsed.problems);
    std::set<std::pair<std::string, std::string>> routed;
    for (const auto& route : router.routes()) {
        routed.insert({route.pattern, lower_method(route)});
        if (!parsed.operations.contains({route.pattern, lower_method(route)}))
            problems.push_back(lower_method(route) + " " + route.pattern +
                               ": no api.json describes it");
    }
    for (const auto& [key, _] : parsed.operations)
        if (!routed.contains(key))
            problems.push_back(key.second + " " + key.first + ": described, but no such route");
    std::set<std::string> refs;
    collect_refs(document(router, parsed), refs);
    for (const auto& ref : refs) {
        constexpr std::string_view prefix = "#/components/schemas/";
        if (!ref.starts_with(prefix) || !parsed.schemas.contains(ref.substr(prefix.size())))
            problems.push_back("$ref " + ref + " names no schema");
    }
    return problems;
}

}  // namespace coach::ops
