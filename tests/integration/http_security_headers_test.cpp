// The pre-built response header block (src/http/security_headers.cpp): API (JSON) responses
// carry the short CSP, documents the full one; both nosniff and Referrer-Policy. Also GET
// /auth/me answered from the session lookup alone, with last_seen_at refreshed when due.
#include "http/security_headers.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {

class SecurityHeaders : public ::testing::Test {
  protected:
    static void SetUpTestSuite() {
        server_ = new TestServer();
        org_ = new Org(create_org(server_->db()));
    }
    static void TearDownTestSuite() {
        delete org_;
        delete server_;
    }
    static TestServer* server_;
    static Org* org_;
};
TestServer* SecurityHeaders::server_ = nullptr;
Org* SecurityHeaders::org_ = nullptr;

TEST_F(SecurityHeaders, JsonResponsesCarryTheShortApiPolicy) {
    std::string token = login(*server_, "a1@org.test");
    for (auto target : {"/healthz", "/api/v1/auth/me", "/api/v1/nothing"}) {
        RequestOptions o;
        o.token = token;
        auto r = server_->request("GET", target, o);
        EXPECT_EQ(r.headers["content-type"], "application/json; charset=utf-8") << target;
        EXPECT_EQ(r.headers["content-security-policy"],
                  "default-src 'none'; frame-ancestors 'none'")
            << target;
        EXPECT_EQ(r.headers["x-content-type-options"], "nosniff") << target;
        EXPECT_EQ(r.headers["referrer-policy"], "same-origin") << target;
        EXPECT_EQ(r.headers["cache-control"], "no-store") << target;
        EXPECT_EQ(r.headers["server"], "coach") << target;
        EXPECT_EQ(r.headers.count("x-frame-options"), 0u) << target;  // documents only
        EXPECT_EQ(r.headers["x-request-id"].size(), 16u) << target;
        EXPECT_EQ(r.headers["content-length"], std::to_string(r.body.size())) << target;
    }
    // No body at all (204) is an API response too.
    RequestOptions o;
    o.token = token;
    auto out = server_->request("POST", "/api/v1/auth/logout", o);
    EXPECT_EQ(out.status, 204);
    EXPECT_EQ(out.headers["content-security-policy"], "default-src 'none'; frame-ancestors 'none'");
    EXPECT_EQ(out.headers["x-content-type-options"], "nosniff");
}

TEST_F(SecurityHeaders, HtmlResponsesCarryTheFullDocumentPolicy) {
    auto r = server_->request("GET", "/");
    ASSERT_EQ(r.status, 200);
    EXPECT_EQ(r.headers["content-type"], "text/html; charset=utf-8");
    EXPECT_EQ(r.headers["content-security-policy"], std::string(http::kDocumentCsp));
    EXPECT_NE(r.headers["content-security-policy"].find("frame-ancestors 'none'"),
              std::string::npos);
    EXPECT_EQ(r.headers["x-content-type-options"], "nosniff");
    EXPECT_EQ(r.headers["referrer-policy"], "same-origin");
    EXPECT_EQ(r.headers["x-frame-options"], "DENY");
    EXPECT_EQ(r.headers["cross-origin-opener-policy"], "same-origin");
    EXPECT_EQ(r.headers["server"], "coach");
    // Each header once: the pre-built block does not repeat a field of the response.
    EXPECT_EQ(r.headers["content-length"], std::to_string(r.body.size()));
}

// A 304 revalidating the page updates the browser's stored headers: it carries the document
// policy and the page's Cache-Control, not the API's (a reload would otherwise load nothing).
TEST_F(SecurityHeaders, NotModifiedPagesKeepTheDocumentPolicy) {
    auto page = server_->request("GET", "/");
    ASSERT_EQ(page.status, 200);
    RequestOptions o;
    o.headers["If-None-Match"] = page.headers["etag"];
    auto again = server_->request("GET", "/", o);
    ASSERT_EQ(again.status, 304);
    EXPECT_EQ(again.headers["content-security-policy"], std::string(http::kDocumentCsp));
    EXPECT_EQ(again.headers["cache-control"], page.headers["cache-control"]);
    EXPECT_EQ(again.headers["etag"], page.headers["etag"]);
}

TEST_F(SecurityHeaders, HeadKeepsTheGetLengthAndSendsNoBody) {
    auto get = server_->request("GET", "/healthz");
    auto head = server_->request("HEAD", "/healthz");
    EXPECT_EQ(head.status, 200);
    EXPECT_TRUE(head.body.empty());
    EXPECT_EQ(head.headers["content-length"],
              get.headers["content-length"]);  // 15: {"status":"ok"}
    EXPECT_EQ(get.headers["content-length"], "15");
}

TEST_F(SecurityHeaders, AuthMeAnswersFromTheSessionLookupAndTouchesAtMostOnceAMinute) {
    std::string token = login(*server_, "a2@org.test");
    auto me = server_->as(token, "GET", "/api/v1/auth/me");
    ASSERT_EQ(me.status, 200) << me.body;
    EXPECT_EQ(me.json().at("id").as_string(), org_->a2);
    EXPECT_EQ(me.json().at("email").as_string(), "a2@org.test");
    EXPECT_FALSE(me.json().as_object().contains("password_hash"));
    // The same JSON as GET /users/{id} (one definition: user_json(), migration 0016).
    std::string admin = login(*server_, "admin@org.test");
    auto by_id = server_->as(admin, "GET", "/api/v1/users/" + org_->a2);
    ASSERT_EQ(by_id.status, 200);
    EXPECT_EQ(me.json(), by_id.json());

    // last_seen_at 30 s ago: not due, left alone. 2 min ago: refreshed to now.
    auto set_seen = [&](const char* ago) {
        server_->db().exec(
            "UPDATE user_sessions SET last_seen_at = now() - $2::interval "
            "WHERE user_id = $1::uuid AND revoked_at IS NULL",
            db::params(org_->a2, std::string(ago)));
    };
    auto seconds_since_seen = [&] {
        return server_->db()
            .exec(
                "SELECT extract(epoch FROM now() - last_seen_at)::int FROM user_sessions "
                "WHERE user_id = $1::uuid AND revoked_at IS NULL",
                db::params(org_->a2))
            .get_int(0, 0);
    };
    set_seen("30 seconds");
    EXPECT_EQ(server_->as(token, "GET", "/api/v1/auth/me").status, 200);
    EXPECT_GE(seconds_since_seen(), 29);  // still ~30 s: not touched
    set_seen("2 minutes");
    EXPECT_EQ(server_->as(token, "GET", "/api/v1/auth/me").status, 200);
    EXPECT_LE(seconds_since_seen(), 5);  // touched: ~0 s
}

}  // namespace
}  // namespace coach::test
