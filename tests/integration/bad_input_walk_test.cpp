// Bad input on every route (issue 11's harness): the walk reads the operations from the
// server's own openapi.json, so a new route is walked from its first commit. Each operation,
// as an ADMIN (who reaches the most code) and as an AGENT, gets malformed path parameters,
// query values, headers and JSON bodies (malformed JSON, wrong types for each property of its
// schema, huge numbers, deep nesting, long strings, NUL, invalid UTF-8). No answer may be a
// 5xx or a dropped connection, and the server must keep serving.
#include "support/test_server.hpp"

#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <set>

namespace coach::test {
namespace {
namespace json = boost::json;

struct Operation {
    std::string method, path;
    std::vector<std::string> query, headers;  // declared parameter names
    std::vector<std::string> properties;      // of its JSON request body
    bool json_body = false;
};

// Routes whose call ends the caller's session whatever the input: walking them would leave
// the rest of the walk signed out (they take no input to check).
const std::set<std::string> kSkipped = {"POST /api/v1/auth/logout", "POST /api/v1/auth/logout-all"};

const json::object& resolve(const json::object& doc, const json::object& schema) {
    if (auto ref = schema.if_contains("$ref")) {
        std::string name(ref->as_string());
        name = name.substr(name.rfind('/') + 1);
        return doc.at("components").at("schemas").at(name).as_object();
    }
    return schema;
}

std::vector<Operation> operations(const json::value& description) {
    const json::object& doc = description.as_object();
    std::vector<Operation> out;
    for (const ApiOperation& api : api_operations(description)) {
        Operation op{api.method, api.path, {}, {}, {}, false};
        if (kSkipped.contains(op.method + " " + op.path))
            continue;
        const json::object& o = *api.spec;
        if (auto params = o.if_contains("parameters"))
            for (const auto& p : params->as_array()) {
                std::string in(p.at("in").as_string()), name(p.at("name").as_string());
                if (in == "query")
                    op.query.push_back(name);
                else if (in == "header")
                    op.headers.push_back(name);
            }
        if (auto body = o.if_contains("requestBody")) {
            const auto& content = body->at("content").as_object();
            if (auto j = content.if_contains("application/json")) {
                op.json_body = true;
                const json::object& schema = resolve(doc, j->at("schema").as_object());
                if (auto props = schema.if_contains("properties"))
                    for (const auto& [name, _] : props->as_object())
                        op.properties.emplace_back(name);
            }
        }
        out.push_back(std::move(op));
    }
    return out;
}

std::string with_path_values(std::string path, const std::string& value) {
    for (auto open = path.find('{'); open != std::string::npos; open = path.find('{')) {
        auto close = path.find('}', open);
        path.replace(open, close - open + 1, value);
    }
    return path;
}

const std::string kUnknownId = "6f1c1d2e-9a4b-4c1e-8f00-123456789abc";

class BadInputWalk : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        org_ = new Org(create_org(server_->db()));
    }
    static void TearDownTestSuite() {
        delete org_;
        delete server_;
    }

    // Sends one bad request; a 5xx or a dropped connection fails the test, naming the request.
    int send(const std::string& token, const std::string& method, const std::string& target,
             const std::string& body = {}, const std::map<std::string, std::string>& headers = {}) {
        RequestOptions o;
        o.token = token;
        o.body = body;
        o.headers = headers;
        o.invalid_parts = true;  // the request breaks the description on purpose
        HttpResult r = server_->request(method, target, o);
        ++sent_;
        ++statuses_[r.status];
        EXPECT_GT(r.status, 0) << method << " " << target.substr(0, 200)
                               << " dropped the connection; body: " << body.substr(0, 200);
        EXPECT_LT(r.status, 500) << method << " " << target.substr(0, 200) << " body "
                                 << body.substr(0, 200) << " -> " << r.body.substr(0, 300);
        return r.status;
    }

    void walk(const std::string& token) {
        const json::value description = api_description(*server_);
        auto ops = operations(description);
        ASSERT_GT(ops.size(), 50u);  // the whole API, not an empty walk
        const std::string long_text(5000, 'a');
        const std::vector<std::string> path_values = {
            "not-a-uuid", "%FF%FE", long_text,  "0",        "-1", "99999999999999999999999", "%00",
            "..%2F..%2F", "null",   kUnknownId, "%E2%80%AE"};
        const std::vector<std::string> query_values = {"%FF",
                                                       "%C0%AF",
                                                       "",
                                                       std::string(10000, 'x'),
                                                       "-1",
                                                       "1e309",
                                                       "999999999999999999999",
                                                       "%00",
                                                       "a%27%3B%20DROP%20TABLE%20users%3B--",
                                                       "2024-02-30",
                                                       "true%00"};
        const std::vector<std::string> header_values = {"\xff\xfe", "", std::string(8000, 'h')};
        const std::vector<std::string> raw_bodies = {
            "{",
            "[]",
            "null",
            "\"text\"",
            "1e999",
            std::string(50000, '[') + std::string(50000, ']'),
            [] {
                std::string s;
                for (int i = 0; i < 20000; ++i)
                    s += "{\"a\":";
                return s + "1" + std::string(20000, '}');
            }(),
            "{\"x\":\"\\u0000\"}",
            "{\"x\":\"\xff\xfe\"}",
            "{\"x\":\"\\ud800\"}",
            "{\"x\":" + std::string(400, '9') + "}",
            "{\"" + std::string(100000, 'k') + "\":1}",
            "\xef\xbb\xbf{}",
        };
        const std::vector<std::string> wrong_values = {"{}",
                                                       "[]",
                                                       "true",
                                                       "1e308",
                                                       "-1",
                                                       "-1e308",
                                                       "99999999999999999999",
                                                       "null",
                                                       "\"" + std::string(70000, 'x') + "\"",
                                                       "\"\\u0000\"",
                                                       "\"\xff\"",
                                                       "\"\"",
                                                       "\"not-a-uuid\"",
                                                       "\"2024-13-45\"",
                                                       "[[[[[[[[[[]]]]]]]]]]",
                                                       "0.5"};
        for (const Operation& op : ops) {
            std::string target = with_path_values(op.path, kUnknownId);
            if (op.path.find('{') != std::string::npos)
                for (const auto& v : path_values)
                    send(token, op.method, with_path_values(op.path, v));
            for (const auto& name : op.query)
                for (const auto& v : query_values)
                    send(token, op.method, target + "?" + name + "=" + v);
            send(token, op.method, target + "?cursor=" + long_text + "&limit=-5");
            for (const auto& name : op.headers)
                for (const std::string& v : header_values)
                    send(token, op.method, target, "{}", {{name, v}});
            if (!op.json_body)
                continue;
            for (const auto& body : raw_bodies)
                send(token, op.method, target, body);
            for (const auto& property : op.properties)
                for (const auto& v : wrong_values)
                    send(token, op.method, target, "{\"" + property + "\":" + v + "}");
        }
        EXPECT_EQ(server_->request("GET", "/healthz").status, 200);
    }

    static TestServer* server_;
    static Org* org_;
    int sent_ = 0;
    std::map<int, int> statuses_;
};
TestServer* BadInputWalk::server_ = nullptr;
Org* BadInputWalk::org_ = nullptr;

TEST_F(BadInputWalk, AsAnAdminNothingIsA5xx) {
    walk(login(*server_, "admin@org.test"));
    EXPECT_GT(sent_, 1000);
    // The bodies reached the handlers' validation, not only the edge's checks.
    EXPECT_GT(statuses_[422], 500);
    EXPECT_GT(statuses_[404], 100);
}

TEST_F(BadInputWalk, AsAnAgentNothingIsA5xx) {
    walk(login(*server_, "a1@org.test"));
    EXPECT_GT(sent_, 1000);
}

TEST_F(BadInputWalk, SignedOutNothingIsA5xx) {
    walk("");
    EXPECT_GT(sent_, 1000);
}

}  // namespace
}  // namespace coach::test
