// /healthz, /readyz, /metrics and the OpenAPI document (every route must be in it).
#include "ops/openapi.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {

constexpr std::string_view kMetricsToken = "scraper-secret";

Config with_metrics_token() {
    Config c = test_config();
    c.metrics_token = kMetricsToken;
    return c;
}

class Ops : public ::testing::Test {
  protected:
    TestServer server_{with_metrics_token()};
};

TEST_F(Ops, HealthAndReadiness) {
    auto h = server_.request("GET", "/healthz");
    EXPECT_EQ(h.status, 200);
    EXPECT_EQ(h.json().at("status").as_string(), "ok");
    auto r = server_.request("GET", "/readyz");
    EXPECT_EQ(r.status, 200) << r.body;
    // A landed migration whose checksum no longer matches makes the instance not ready.
    server_.db().exec(
        "UPDATE schema_migrations SET checksum = 'x' WHERE version = '0001_schema.sql'");
    auto stale = server_.request("GET", "/readyz");
    EXPECT_EQ(stale.status, 503);
    EXPECT_NE(stale.body.find("0001_schema.sql"), std::string::npos);
}

TEST_F(Ops, MetricsCountRequestsByRouteAndStatus) {
    for (int i = 0; i < 3; ++i)
        server_.request("GET", "/healthz");
    server_.request("GET", "/api/v1/users");  // 401
    RequestOptions scraper;
    scraper.headers["Authorization"] = "Bearer " + std::string(kMetricsToken);
    auto m = server_.request("GET", "/metrics", scraper);
    ASSERT_EQ(m.status, 200);
    EXPECT_EQ(m.headers["content-type"], "text/plain; version=0.0.4; charset=utf-8");
    EXPECT_NE(m.body.find("coach_http_requests_total{route=\"GET /healthz\",status=\"200\"} 3"),
              std::string::npos)
        << m.body;
    EXPECT_NE(
        m.body.find("coach_http_requests_total{route=\"GET /api/v1/users\",status=\"401\"} 1"),
        std::string::npos);
    EXPECT_NE(m.body.find("coach_http_request_duration_seconds_count{route=\"GET /healthz\"} 3"),
              std::string::npos);
    EXPECT_NE(m.body.find("coach_db_pool_connections{thread=\"0\",state=\"open\"}"),
              std::string::npos);
}

// Only the scraper with the token reads /metrics; anyone else, and everyone when no token is
// configured, gets a 404 (issue 11, defect 7).
TEST_F(Ops, MetricsNeedTheScrapersToken) {
    EXPECT_EQ(server_.request("GET", "/metrics").status, 404);
    RequestOptions wrong;
    wrong.headers["Authorization"] = "Bearer scraper-secreT";
    EXPECT_EQ(server_.request("GET", "/metrics", wrong).status, 404);
    RequestOptions user;  // a signed-in user's token is not the scraper's
    create_org(server_.db());
    user.token = login(server_, "admin@org.test");
    EXPECT_EQ(server_.request("GET", "/metrics", user).status, 404);
    TestServer unset;
    RequestOptions scraper;
    scraper.headers["Authorization"] = "Bearer " + std::string(kMetricsToken);
    EXPECT_EQ(unset.request("GET", "/metrics", scraper).status, 404);
}

TEST_F(Ops, OpenApiDocumentsEveryRoute) {
    auto r = server_.request("GET", "/api/v1/openapi.json");
    ASSERT_EQ(r.status, 200);
    auto doc = r.json();
    EXPECT_EQ(doc.at("openapi").as_string(), "3.1.0");
    const auto& paths = doc.at("paths").as_object();
    std::size_t operations = 0;
    for (const auto& route : server_.app().router().routes()) {
        std::string method(http::beast_http::to_string(route.method));
        std::transform(method.begin(), method.end(), method.begin(), ::tolower);
        const auto* item = paths.if_contains(route.pattern);
        ASSERT_NE(item, nullptr) << route.pattern << " is missing from openapi.json";
        const auto* op = item->as_object().if_contains(method);
        ASSERT_NE(op, nullptr) << method << " " << route.pattern << " is missing";
        EXPECT_FALSE(op->at("summary").as_string().empty()) << route.pattern;
        if (route.pattern.find('{') != std::string::npos) {
            EXPECT_TRUE(op->as_object().contains("parameters")) << route.pattern;
        }
        ++operations;
    }
    std::size_t documented = 0;
    for (const auto& [path, item] : paths)
        documented += item.as_object().size();
    EXPECT_EQ(documented, operations);
    EXPECT_GE(operations, 15u);
}

// Each area's api.json describes its routes and no others; every $ref names a schema. (That
// the bodies are right is checked on every exchange of these tests: support/api_contract.)
TEST_F(Ops, TheApiDescriptionCoversEveryRouteAndNothingElse) {
    std::vector<std::string> problems = ops::openapi_problems(server_.app().router());
    std::string all;
    for (const auto& p : problems)
        all += "\n  " + p;
    EXPECT_TRUE(problems.empty()) << all;
}

// A route whose api.json names no body answers with the shared error shape only; one that does
// shows the body in the served document (what the web app's client is generated from).
TEST_F(Ops, TheServedDocumentCarriesTheBodies) {
    auto doc = server_.request("GET", "/api/v1/openapi.json").json();
    const auto& login = doc.at("paths").at("/api/v1/auth/login").at("post").as_object();
    EXPECT_EQ(login.at("requestBody").at("content").at("application/json").at("schema"),
              boost::json::parse(R"({"$ref":"#/components/schemas/LoginRequest"})"));
    EXPECT_TRUE(doc.at("components").at("schemas").as_object().contains("User"));
}

}  // namespace
}  // namespace coach::test
