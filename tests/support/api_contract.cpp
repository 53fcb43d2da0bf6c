#include "support/api_contract.hpp"

#include "app/app.hpp"
#include "ops/openapi.hpp"
#include "support/test_server.hpp"

#include <boost/json.hpp>
#include <valijson/adapters/boost_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include <map>
#include <memory>
#include <mutex>

namespace coach::test {
namespace json = boost::json;

namespace {

// additionalProperties: false on every object schema that names its properties and says
// nothing of others: the tests then find a response field the description leaves out.
void close_objects(json::value& v) {
    if (auto* o = v.if_object()) {
        const json::value* type = o->if_contains("type");
        bool object_type =
            type && ((type->is_string() && type->as_string() == "object") ||
                     (type->is_array() && std::ranges::any_of(type->as_array(), [](const auto& t) {
                          return t == "object";
                      })));
        if (object_type && o->contains("properties") && !o->contains("additionalProperties")) {
            (*o)["additionalProperties"] = false;
            type = o->if_contains("type");  // the insertion may have moved the members
        }
        // valijson applies "format" to null as well: {"type": [T, "null"], "format": F}
        // becomes {"anyOf": [{"type": "null"}, {"type": T, "format": F}]}.
        if (type && type->is_array() && o->contains("format") &&
            std::ranges::count(type->as_array(), json::value("null")) == 1) {
            json::object some = *o;
            json::array rest;
            for (const auto& t : type->as_array())
                if (t != "null")
                    rest.push_back(t);
            some["type"] = rest.size() == 1 ? rest[0] : json::value(rest);
            o->clear();
            (*o)["anyOf"] = json::array{json::object{{"type", "null"}}, std::move(some)};
        }
        for (auto& [_, child] : *o)
            close_objects(child);
    } else if (auto* a = v.if_array()) {
        for (auto& child : *a)
            close_objects(child);
    }
}

// A timestamp the server writes is RFC 3339 at UTC with "Z", whatever the organisation's time
// zone (docs/architecture.md, "JSON"): a "pattern" on every "format": "date-time" of the
// responses' document. Requests may give any offset, so theirs is left without.
void utc_date_times(json::value& v) {
    if (auto* o = v.if_object()) {
        if (const auto* f = o->if_contains("format"); f && *f == "date-time")
            (*o)["pattern"] = R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$)";
        for (auto& [_, child] : *o)
            utc_date_times(child);
    } else if (auto* a = v.if_array()) {
        for (auto& child : *a)
            utc_date_times(child);
    }
}

class Contract {
  public:
    Contract() : router_(App::build_router()), doc_(ops::openapi_document(router_)) {
        close_objects(doc_);
        response_doc_ = doc_;
        utc_date_times(response_doc_);
    }

    std::string check(const std::string& method, const std::string& target,
                      const std::string& request_body, const std::string& request_type,
                      const HttpResult& response) {
        std::string path = target.substr(0, target.find('?'));
        auto match = router_.match(http::beast_http::string_to_verb(method), path);
        std::string where = method + " " + path + " -> " + std::to_string(response.status);
        const json::object* op = nullptr;
        if (match.route) {
            std::string m(http::beast_http::to_string(match.route->method));  // HEAD: its GET
            std::transform(m.begin(), m.end(), m.begin(), ::tolower);
            op = &doc_.at("paths").at(match.route->pattern).at(m).as_object();
        }
        // The response.
        const json::object* described = nullptr;
        const std::string status = std::to_string(response.status);
        if (op) {
            const auto& responses = op->at("responses").as_object();
            if (const auto* r = responses.if_contains(status))
                described = &r->as_object();
            else if (response.status >= 400)
                described = &responses.at("default").as_object();
            else
                return where + ": the description has no response " + status;
        } else if (response.status < 400) {
            return {};  // not the API (the web app's files)
        }
        std::string content_type = header(response, "content-type");
        bool is_json = content_type.starts_with("application/json");
        if (method != "HEAD" && is_json) {
            const json::value* schema = json_schema(described);
            if (!described)  // no route: the shared error shape
                schema = &error_ref_;
            if (!schema)
                return where + ": answered JSON, described without a JSON body";
            if (auto v = validate(*schema, response.body, response_doc_); !v.empty())
                return where + ": response " + v;
        } else if (described && json_schema(described) && method != "HEAD") {
            return where + ": described as JSON, answered " + content_type;
        }
        // The request body, when the server took it (none: an optional body left out).
        if (op && response.status < 300 && !request_body.empty() &&
            request_type.starts_with("application/json")) {
            const json::value* body = op->if_contains("requestBody");
            const json::value* schema =
                body ? body->at("content").as_object().if_contains("application/json") : nullptr;
            if (schema) {
                if (auto v = validate(schema->at("schema"), request_body, doc_); !v.empty())
                    return where + ": accepted a request " + v;
            }
        }
        return {};
    }

  private:
    static std::string header(const HttpResult& r, const std::string& name) {
        auto it = r.headers.find(name);
        return it == r.headers.end() ? std::string() : it->second;
    }

    static const json::value* json_schema(const json::object* response) {
        if (!response)
            return nullptr;
        const auto* content = response->if_contains("content");
        if (!content)
            return nullptr;
        const auto* media = content->as_object().if_contains("application/json");
        return media ? &media->at("schema") : nullptr;
    }

    // The body against `schema`, its $refs resolved in `doc` (doc_ for a request,
    // response_doc_ for a response): "" or what differs.
    std::string validate(const json::value& schema, const std::string& body,
                         const json::value& doc) {
        boost::system::error_code ec;
        json::value value = json::parse(body, ec);
        if (ec)
            return "is not JSON: " + body.substr(0, 200);
        std::string key = (&doc == &doc_ ? "request " : "response ") + json::serialize(schema);
        std::lock_guard lock(mutex_);
        auto& compiled = compiled_[key];
        if (!compiled) {
            json::value root =
                json::object{{"components", doc.at("components")}, {"allOf", json::array{schema}}};
            compiled = std::make_unique<valijson::Schema>();
            valijson::SchemaParser parser;
            valijson::adapters::BoostJsonAdapter adapter(root);
            parser.populateSchema(adapter, *compiled);
        }
        valijson::Validator validator;
        valijson::ValidationResults results;
        valijson::adapters::BoostJsonAdapter target(value);
        if (validator.validate(*compiled, target, &results))
            return {};
        std::string out = "does not match its schema:";
        valijson::ValidationResults::Error e;
        while (results.popError(e)) {
            std::string at;
            for (const auto& c : e.context)
                at += c;
            out += "\n  " + at + ": " + e.description;
        }
        return out + "\n  body: " + body.substr(0, 500);
    }

    http::Router router_;
    json::value doc_;           // requests
    json::value response_doc_;  // responses: doc_ with UTC date-times
    json::value error_ref_{{"$ref", "#/components/schemas/Error"}};
    std::mutex mutex_;
    std::map<std::string, std::unique_ptr<valijson::Schema>> compiled_;
};

}  // namespace

std::string contract_violation(const std::string& method, const std::string& target,
                               const std::string& request_body,
                               const std::string& request_content_type,
                               const HttpResult& response) {
    if (response.status == 0)
        return {};
    static Contract contract;
    return contract.check(method, target, request_body, request_content_type, response);
}

}  // namespace coach::test
