// The HTTP edge: malformed input of every kind gets the JSON error model, never a 500.
#include "http/collection.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/json.hpp>

namespace coach::test {
namespace {

class HttpErrors : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        org_ = new Org(create_org(server_->db()));
        token_ = new std::string(login(*server_, "admin@org.test"));
    }
    static void TearDownTestSuite() {
        delete token_;
        delete org_;
        delete server_;
    }
    static TestServer* server_;
    static Org* org_;
    static std::string* token_;

    HttpResult post(const std::string& target, const std::string& body,
                    const std::string& content_type = "application/json") {
        RequestOptions o;
        o.token = *token_;
        o.body = body;
        o.content_type = content_type;
        return server_->request("POST", target, o);
    }
    static void expect_error(const HttpResult& r, int status, const std::string& code) {
        EXPECT_EQ(r.status, status) << r.body;
        EXPECT_EQ(r.error_code(), code) << r.body;
        auto v = r.json();
        ASSERT_TRUE(v.is_object()) << r.body;
        const auto& e = v.at("error").as_object();
        EXPECT_TRUE(e.at("message").is_string());
        EXPECT_FALSE(e.at("message").as_string().empty());
        EXPECT_TRUE(e.at("details").is_array());
        EXPECT_EQ(r.headers.at("content-type"), "application/json; charset=utf-8");
    }
};
TestServer* HttpErrors::server_ = nullptr;
Org* HttpErrors::org_ = nullptr;
std::string* HttpErrors::token_ = nullptr;

TEST_F(HttpErrors, MalformedJsonIs400) {
    expect_error(post("/api/v1/users", "{\"email\": "), 400, "bad_request");
    expect_error(post("/api/v1/users", "[1, 2]"), 400, "bad_request");
}

TEST_F(HttpErrors, WrongMediaTypeIs415) {
    expect_error(post("/api/v1/users", "email=x", "application/x-www-form-urlencoded"), 415,
                 "unsupported_media_type");
    expect_error(post("/api/v1/users", "{}", ""), 415, "unsupported_media_type");
}

TEST_F(HttpErrors, OversizedBodyIs413) {
    std::string big = "{\"name\": \"" + std::string(2 * 1024 * 1024, 'x') + "\"}";
    expect_error(post("/api/v1/users", big), 413, "payload_too_large");
}

TEST_F(HttpErrors, BadUuidIs400) {
    RequestOptions o;
    o.token = *token_;
    expect_error(server_->request("GET", "/api/v1/users/not-a-uuid", o), 400, "bad_request");
    expect_error(server_->request("GET", "/api/v1/users/%zz", o), 400, "bad_request");
}

TEST_F(HttpErrors, MissingAndWrongTypedFieldsAre422WithDetails) {
    auto r = post("/api/v1/users", R"({"email": 42, "role": "KING", "hire_date": "2025-02-30"})");
    expect_error(r, 422, "validation_failed");
    std::map<std::string, std::string> by_field;
    auto body = r.json();
    for (const auto& d : body.at("error").at("details").as_array())
        by_field[std::string(d.at("field").as_string())] = d.at("message").as_string();
    EXPECT_EQ(by_field["email"], "must be a string");
    EXPECT_EQ(by_field["name"], "is required");
    EXPECT_EQ(by_field["role"], "must be one of ADMIN, MANAGER, TEAM_LEADER, AGENT");
    EXPECT_EQ(by_field["hire_date"], "must be a date (YYYY-MM-DD)");
    EXPECT_EQ(by_field.size(), 4u) << r.body;
}

TEST_F(HttpErrors, UnknownFieldIs422) {
    auto r = post("/api/v1/users",
                  R"({"email": "x@org.test", "name": "X", "role": "AGENT", "is_admin": true})");
    expect_error(r, 422, "validation_failed");
    EXPECT_EQ(r.json().at("error").at("details").at(0).at("field").as_string(), "is_admin");
}

TEST_F(HttpErrors, UnknownRouteIs404AndWrongMethodIs405) {
    RequestOptions o;
    o.token = *token_;
    expect_error(server_->request("GET", "/api/v1/nothing-here", o), 404, "not_found");
    auto r = server_->request("PUT", "/api/v1/users", o);
    expect_error(r, 405, "method_not_allowed");
    EXPECT_EQ(r.headers["allow"], "GET, POST");
}

TEST_F(HttpErrors, UnauthenticatedIs401) {
    expect_error(server_->request("GET", "/api/v1/users"), 401, "unauthorized");
    RequestOptions o;
    o.token = "forged-token";
    expect_error(server_->request("GET", "/api/v1/users", o), 401, "unauthorized");
}

TEST_F(HttpErrors, SecurityHeadersAndRequestIdOnEveryResponse) {
    RequestOptions o;
    o.headers["X-Request-Id"] = "abc-123";
    for (auto target : {"/healthz", "/", "/api/v1/nothing"}) {
        auto r = server_->request("GET", target, o);
        EXPECT_NE(r.headers["content-security-policy"].find("frame-ancestors 'none'"),
                  std::string::npos)
            << target;
        EXPECT_EQ(r.headers["x-content-type-options"], "nosniff") << target;
        EXPECT_EQ(r.headers["referrer-policy"], "same-origin") << target;
        EXPECT_EQ(r.headers["x-request-id"], "abc-123") << target;
    }
    auto generated = server_->request("GET", "/healthz");
    EXPECT_EQ(generated.headers["x-request-id"].size(), 16u);
}

TEST_F(HttpErrors, PlaceholderPageAndSpaFallback) {
    auto root = server_->request("GET", "/");
    EXPECT_EQ(root.status, 200);
    EXPECT_EQ(root.headers["content-type"], "text/html; charset=utf-8");
    EXPECT_NE(root.body.find("<h1>Coach</h1>"), std::string::npos);
    auto deep = server_->request("GET", "/teams/123");
    EXPECT_EQ(deep.status, 200);
    EXPECT_EQ(deep.body, root.body);
    expect_error(server_->request("GET", "/assets/missing.js"), 404, "not_found");
    auto head = server_->request("HEAD", "/");
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());
}

// Sends `bytes` on a connection of its own and returns all the server answers before closing.
std::string raw_exchange(unsigned short port, const std::string& bytes) {
    boost::asio::io_context ioc;
    boost::asio::ip::tcp::socket s(ioc);
    s.connect({boost::asio::ip::make_address("127.0.0.1"), port});
    boost::asio::write(s, boost::asio::buffer(bytes));
    s.shutdown(boost::asio::ip::tcp::socket::shutdown_send);
    std::string reply;
    boost::system::error_code ec;
    char buf[4096];
    for (;;) {
        auto n = s.read_some(boost::asio::buffer(buf), ec);
        if (ec)
            break;
        reply.append(buf, n);
    }
    return reply;
}

TEST_F(HttpErrors, MalformedHttpGets400AndTheServerKeepsServing) {
    auto reply = raw_exchange(server_->port(), "GARBAGE / HTTP/9.9\r\nNoColonHere\r\n\r\n");
    EXPECT_TRUE(reply.starts_with("HTTP/1.1 400")) << reply;
    EXPECT_EQ(server_->request("GET", "/healthz").status, 200);
}

// A chunked body whose framing is broken is answered 400 before the connection closes, not
// dropped: an oversized chunk-size line, a chunk size that is not hexadecimal.
TEST_F(HttpErrors, MalformedChunkedBodyGets400) {
    const std::string head =
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "Transfer-Encoding: chunked\r\n\r\n";
    std::string long_size(20000, '1');
    long_size += "\r\n{}\r\n0\r\n\r\n";
    std::string not_hex = "zz\r\n{}\r\n0\r\n\r\n";
    for (const std::string* body : {&long_size, &not_hex}) {
        auto reply = raw_exchange(server_->port(), head + *body);
        EXPECT_TRUE(reply.starts_with("HTTP/1.1 400")) << reply.substr(0, 200);
        EXPECT_NE(reply.find("\"bad_request\""), std::string::npos) << reply.substr(0, 400);
    }
    EXPECT_EQ(server_->request("GET", "/healthz").status, 200);
}

// Text a client controls reaches PostgreSQL as text: a cursor the server did not write and a
// query value that is not UTF-8 are the client's errors (422, 400), never a 500 from
// PostgreSQL's type input or its encoding check.
TEST_F(HttpErrors, ForeignCursorsAndMalformedQueryTextAreClientErrors) {
    RequestOptions o;
    o.token = *token_;
    auto get = [&](const std::string& target) { return server_->request("GET", target, o); };
    const std::string not_uuid = http::encode_cursor({"Ann", "not-a-uuid"});
    expect_error(get("/api/v1/users?cursor=" + not_uuid), 422, "validation_failed");
    expect_error(get("/api/v1/team-performance-summary?cursor=" + not_uuid), 422,
                 "validation_failed");
    const std::string nul = http::encode_cursor({std::string("A\0n", 3), org_->tl1});
    expect_error(get("/api/v1/users?cursor=" + nul), 422, "validation_failed");
    const std::string not_date = http::encode_cursor({"2026-02-30", org_->a1});
    expect_error(get("/api/v1/performance-metrics?cursor=" + not_date), 422, "validation_failed");
    expect_error(get("/api/v1/users?q=%FF"), 400, "bad_request");
    expect_error(get("/api/v1/users?department=%C0%AF"), 400, "bad_request");
    expect_error(get("/api/v1/users?%FF=1"), 400, "bad_request");
    // A cursor the server wrote still pages.
    auto first = get("/api/v1/users?limit=1");
    ASSERT_EQ(first.status, 200) << first.body;
    std::string next(first.json().at("next_cursor").as_string());
    EXPECT_EQ(get("/api/v1/users?limit=1&cursor=" + next).status, 200);
}

// A NUL is valid JSON ("\u0000") but not PostgreSQL text; lengths count characters.
TEST_F(HttpErrors, ANulInAJsonStringIs422AndLengthsCountCharacters) {
    auto user = [&](const std::string& email, const std::string& name) {
        return boost::json::serialize(boost::json::object{{"email", email},
                                                          {"name", name},
                                                          {"role", "AGENT"},
                                                          {"team_leader_id", org_->tl1},
                                                          {"password", "a long password"}});
    };
    auto r = post("/api/v1/users", user("nul@org.test", std::string("A\0B", 3)));
    expect_error(r, 422, "validation_failed");
    EXPECT_NE(r.body.find("NUL"), std::string::npos) << r.body;
    // 255 characters of two bytes each: within VARCHAR(255).
    std::string name;
    for (int i = 0; i < 255; ++i)
        name += "\xC3\xA9";
    r = post("/api/v1/users", user("long@org.test", name));
    EXPECT_EQ(r.status, 201) << r.body;
}

// A User-Agent that is not UTF-8 neither breaks sign-in nor the audit log: it is stored with
// U+FFFD in place of each malformed byte.
TEST_F(HttpErrors, AMalformedUserAgentIsStoredSanitised) {
    RequestOptions o;
    o.body = R"({"email": "admin@org.test", "password": ")" + std::string(Org::kPassword) + R"("})";
    o.headers["User-Agent"] = "agent \xC0\xAF/1";
    auto r = server_->request("POST", "/api/v1/auth/login", o);
    ASSERT_EQ(r.status, 200) << r.body;
    const std::string stored = "agent \xEF\xBF\xBD\xEF\xBF\xBD/1";
    auto session =
        server_->db().exec("SELECT user_agent FROM user_sessions WHERE user_agent LIKE 'agent %'");
    ASSERT_EQ(session.rows(), 1);
    EXPECT_EQ(session.get(0, 0), stored);
    auto audit = server_->db().exec(
        "SELECT user_agent FROM audit_log "
        "WHERE action = 'auth.login' AND user_agent LIKE 'agent %'");
    ASSERT_EQ(audit.rows(), 1);
    EXPECT_EQ(audit.get(0, 0), stored);
}

}  // namespace
}  // namespace coach::test
