// Sign-in, sessions (cookie + CSRF, bearer), expiry, revocation, throttling, password reset.
#include "support/test_server.hpp"

#include <gtest/gtest.h>

namespace coach::test {
namespace {
namespace json = boost::json;

class AuthApi : public ::testing::Test {
  protected:
    void SetUp() override { org_ = create_org(server_.db()); }

    HttpResult login_raw(const std::string& email, const std::string& password) {
        RequestOptions o;
        o.body = json::serialize(json::object{{"email", email}, {"password", password}});
        return server_.request("POST", "/api/v1/auth/login", o);
    }
    static std::string cookie_of(const HttpResult& r) {
        auto c = r.headers.at("set-cookie");
        return c.substr(0, c.find(';'));
    }

    TestServer server_;
    Org org_;
};

TEST_F(AuthApi, LoginReturnsUserTokenCsrfAndAStrictHttpOnlyCookie) {
    auto r = login_raw("TL1@org.test", Org::kPassword);  // email is case-insensitive
    ASSERT_EQ(r.status, 200) << r.body;
    auto v = r.json();
    EXPECT_EQ(v.at("user").at("id").as_string(), org_.tl1);
    EXPECT_EQ(v.at("user").at("role").as_string(), "TEAM_LEADER");
    EXPECT_FALSE(v.at("user").as_object().contains("password_hash"));
    EXPECT_EQ(v.at("token").as_string().size(), 43u);
    EXPECT_EQ(v.at("csrf_token").as_string().size(), 32u);
    const std::string& cookie = r.headers.at("set-cookie");
    EXPECT_NE(cookie.find("coach_session=" + std::string(v.at("token").as_string())),
              std::string::npos);
    EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
    EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
    // Only the hash of the token is stored; last_login_at is set.
    auto stored = server_.db().exec(
        "SELECT encode(token_hash, 'hex'), (SELECT last_login_at IS NOT NULL FROM users "
        "WHERE id = $1::uuid) FROM user_sessions",
        db::params(org_.tl1));
    ASSERT_EQ(stored.rows(), 1);
    EXPECT_EQ(stored.get(0, 0).size(), 64u);
    EXPECT_EQ(stored.get(0, 0).find(v.at("token").as_string()), std::string::npos);
    EXPECT_TRUE(stored.get_bool(0, 1));
}

TEST_F(AuthApi, UnknownEmailAndWrongPasswordGetTheSame401) {
    auto wrong = login_raw("tl1@org.test", "not the password");
    auto unknown = login_raw("nobody@org.test", "not the password");
    EXPECT_EQ(wrong.status, 401);
    EXPECT_EQ(unknown.status, 401);
    EXPECT_EQ(wrong.body, unknown.body);
    EXPECT_EQ(login_raw("gone@org.test", Org::kPassword).status, 401);  // soft-deleted
}

TEST_F(AuthApi, MeWorksWithBearerAndWithCookie) {
    auto r = login_raw("a1@org.test", Org::kPassword);
    std::string token(r.json().at("token").as_string());
    auto bearer = server_.as(token, "GET", "/api/v1/auth/me");
    ASSERT_EQ(bearer.status, 200) << bearer.body;
    EXPECT_EQ(bearer.json().at("email").as_string(), "a1@org.test");
    RequestOptions o;
    o.cookie = cookie_of(r);
    auto cookie = server_.request("GET", "/api/v1/auth/me", o);
    EXPECT_EQ(cookie.status, 200);
    EXPECT_EQ(server_.request("GET", "/api/v1/auth/me").status, 401);
    // A new tab recovers the CSRF token of its cookie session.
    auto fresh_tab = server_.request("GET", "/api/v1/auth/csrf", o);
    EXPECT_EQ(fresh_tab.json().at("csrf_token"), r.json().at("csrf_token"));
}

TEST_F(AuthApi, CookieWritesNeedTheCsrfHeaderBearerWritesDoNot) {
    auto r = login_raw("admin@org.test", Org::kPassword);
    std::string csrf(r.json().at("csrf_token").as_string());
    std::string body = R"({"phone": "555-0100"})";
    RequestOptions o;
    o.cookie = cookie_of(r);
    o.body = body;
    auto missing = server_.request("PATCH", "/api/v1/users/" + org_.a1, o);
    EXPECT_EQ(missing.status, 403);
    EXPECT_EQ(missing.error_code(), "forbidden");
    o.csrf = "wrong";
    EXPECT_EQ(server_.request("PATCH", "/api/v1/users/" + org_.a1, o).status, 403);
    o.csrf = csrf;
    EXPECT_EQ(server_.request("PATCH", "/api/v1/users/" + org_.a1, o).status, 200);
    auto bearer = server_.as(std::string(r.json().at("token").as_string()), "PATCH",
                             "/api/v1/users/" + org_.a1, body);
    EXPECT_EQ(bearer.status, 200) << bearer.body;
}

TEST_F(AuthApi, LogoutRevokesTheSession) {
    std::string token = login(server_, "a1@org.test");
    EXPECT_EQ(server_.as(token, "POST", "/api/v1/auth/logout").status, 204);
    EXPECT_EQ(server_.as(token, "GET", "/api/v1/auth/me").status, 401);
}

// "Sign out everywhere": every session of the caller ends (the phone and the laptop), with an
// audit row; another user's session stays.
TEST_F(AuthApi, LogoutAllRevokesEverySessionOfTheCallerOnly) {
    std::string laptop = login(server_, "a1@org.test");
    std::string phone = login(server_, "a1@org.test");
    std::string other = login(server_, "a2@org.test");
    auto r = server_.as(laptop, "POST", "/api/v1/auth/logout-all");
    EXPECT_EQ(r.status, 204);
    EXPECT_NE(r.headers["set-cookie"].find("coach_session=;"), std::string::npos)
        << r.headers["set-cookie"];
    EXPECT_EQ(server_.as(laptop, "GET", "/api/v1/auth/me").status, 401);
    EXPECT_EQ(server_.as(phone, "GET", "/api/v1/auth/me").status, 401);
    EXPECT_EQ(server_.as(other, "GET", "/api/v1/auth/me").status, 200);
    EXPECT_EQ(server_.db()
                  .exec("SELECT count(*) FROM audit_log WHERE action = 'auth.logout_all' "
                        "AND entity_id = $1::uuid",
                        db::params(org_.a1))
                  .get_int(0, 0),
              1);
}

TEST_F(AuthApi, IdleAndAbsoluteExpiry) {
    std::string idle = login(server_, "a1@org.test");
    std::string absolute = login(server_, "a2@org.test");
    std::string fresh = login(server_, "a3@org.test");
    // 12 h idle: last seen 12 h 1 min ago. Absolute: expires_at passed while recently active.
    server_.db().exec(
        "UPDATE user_sessions SET last_seen_at = now() - interval '12 hours 1 minute' "
        "WHERE user_id = $1::uuid",
        db::params(org_.a1));
    server_.db().exec(
        "UPDATE user_sessions SET created_at = now() - interval '8 days', "
        "expires_at = now() - interval '1 second' WHERE user_id = $1::uuid",
        db::params(org_.a2));
    EXPECT_EQ(server_.as(idle, "GET", "/api/v1/auth/me").status, 401);
    EXPECT_EQ(server_.as(absolute, "GET", "/api/v1/auth/me").status, 401);
    EXPECT_EQ(server_.as(fresh, "GET", "/api/v1/auth/me").status, 200);
    // 11 h 59 min idle is still a session.
    server_.db().exec(
        "UPDATE user_sessions SET last_seen_at = now() - interval '11 hours 59 minutes' "
        "WHERE user_id = $1::uuid",
        db::params(org_.a3));
    EXPECT_EQ(server_.as(fresh, "GET", "/api/v1/auth/me").status, 200);
}

TEST_F(AuthApi, PasswordChangeRevokesOtherSessionsAndKeepsThisOne) {
    std::string here = login(server_, "a1@org.test");
    std::string other = login(server_, "a1@org.test");
    std::string next = "a brand new passphrase";
    auto r = server_.as(here, "PUT", "/api/v1/auth/password",
                        json::serialize(json::object{{"current_password", Org::kPassword},
                                                     {"new_password", next}}));
    ASSERT_EQ(r.status, 204) << r.body;
    EXPECT_EQ(server_.as(here, "GET", "/api/v1/auth/me").status, 200);
    EXPECT_EQ(server_.as(other, "GET", "/api/v1/auth/me").status, 401);
    EXPECT_EQ(login_raw("a1@org.test", Org::kPassword).status, 401);
    EXPECT_EQ(login_raw("a1@org.test", next).status, 200);
}

TEST_F(AuthApi, PasswordChangeChecksCurrentPasswordAndPolicy) {
    std::string token = login(server_, "a1@org.test");
    auto wrong = server_.as(token, "PUT", "/api/v1/auth/password",
                            R"({"current_password": "nope", "new_password": "long enough pw"})");
    EXPECT_EQ(wrong.status, 422);
    EXPECT_EQ(wrong.json().at("error").at("details").at(0).at("field").as_string(),
              "current_password");
    auto weak = server_.as(token, "PUT", "/api/v1/auth/password",
                           json::serialize(json::object{{"current_password", Org::kPassword},
                                                        {"new_password", "short"}}));
    EXPECT_EQ(weak.status, 422);
    auto same_as_email =
        server_.as(token, "PUT", "/api/v1/auth/password",
                   json::serialize(json::object{{"current_password", Org::kPassword},
                                                {"new_password", "A1@org.test"}}));
    EXPECT_EQ(same_as_email.status, 422);
    // Issue 11: the current password again, or one character repeated, is refused.
    for (const std::string& next : std::vector<std::string>{Org::kPassword, std::string(16, 'a')}) {
        auto refused = server_.as(token, "PUT", "/api/v1/auth/password",
                                  json::serialize(json::object{{"current_password", Org::kPassword},
                                                               {"new_password", next}}));
        EXPECT_EQ(refused.status, 422) << next;
        EXPECT_EQ(refused.json().at("error").at("details").at(0).at("field").as_string(),
                  "new_password");
    }
    EXPECT_EQ(login_raw("a1@org.test", Org::kPassword).status, 200);  // unchanged
}

TEST_F(AuthApi, SoftDeleteRevokesSessions) {
    std::string agent = login(server_, "a2@org.test");
    std::string admin = login(server_, "admin@org.test");
    ASSERT_EQ(server_.as(admin, "DELETE", "/api/v1/users/" + org_.a2).status, 204);
    EXPECT_EQ(server_.as(agent, "GET", "/api/v1/auth/me").status, 401);
}

TEST_F(AuthApi, LoginIsSlowedPerAccountAndAddress) {
    for (int i = 0; i < 4; ++i)  // three free mistakes, then a delay of 5 s that doubles
        EXPECT_EQ(login_raw("a3@org.test", "wrong password").status, 401);
    auto blocked = login_raw("a3@org.test", Org::kPassword);  // even the right password waits
    EXPECT_EQ(blocked.status, 429);
    EXPECT_EQ(blocked.error_code(), "rate_limited");
    int retry = std::stoi(blocked.headers.at("retry-after"));
    EXPECT_GE(retry, 1);
    EXPECT_LE(retry, 5);
    // Another account from the same address is not slowed by this one.
    EXPECT_EQ(login_raw("a1@org.test", Org::kPassword).status, 200);
}

TEST_F(AuthApi, EverySpellingOfAnEmailCountsAgainstOneAccount) {
    // The database folds the case of any script (lower() under a UTF-8 locale); the throttle
    // counts per account it finds, so "É" and "é" do not each get their own free failures.
    server_.db().exec("UPDATE users SET email = 'élise.brun@org.test' WHERE id = $1::uuid",
                      db::params(org_.a3));
    ASSERT_EQ(login_raw("ÉLISE.BRUN@ORG.TEST", Org::kPassword).status, 200);  // one account
    for (const char* spelling : {"Élise.Brun@org.test", "élise.brun@ORG.test",
                                 "ÉLISE.brun@org.test", "élise.BRUN@org.test"})
        EXPECT_EQ(login_raw(spelling, "wrong password").status, 401) << spelling;
    EXPECT_EQ(login_raw("élise.brun@org.test", Org::kPassword).status, 429);
}

class PasswordReset : public AuthApi {
  protected:
    // The token from the newest reset mail to `email`, once it is queued (the work goes on
    // after the answer).
    std::string mailed_token(const std::string& email) {
        const auto query = [&] {
            return server_.db().exec(
                "SELECT body_text FROM mail_outbox WHERE to_address = $1 AND kind = "
                "'password_reset' ORDER BY created_at DESC LIMIT 1",
                db::params(email));
        };
        if (!eventually([&] { return query().rows() == 1; }))
            return "";
        std::string body(query().get(0, 0));
        auto at = body.find("token=");
        if (at == std::string::npos)
            return "";
        auto end = body.find_first_of(" \n", at);
        return body.substr(at + 6, end - at - 6);
    }
    HttpResult request_reset(const std::string& email) {
        RequestOptions o;
        o.body = json::serialize(json::object{{"email", email}});
        return server_.request("POST", "/api/v1/auth/password-reset", o);
    }
    HttpResult confirm(const std::string& token, const std::string& password) {
        RequestOptions o;
        o.body = json::serialize(json::object{{"token", token}, {"new_password", password}});
        return server_.request("POST", "/api/v1/auth/password-reset/confirm", o);
    }
};

TEST_F(PasswordReset, AlwaysAcceptedAndOnlyKnownAccountsGetMail) {
    EXPECT_EQ(request_reset("nobody@org.test").status, 202);
    EXPECT_EQ(request_reset("tl2@org.test").status, 202);
    std::string token = mailed_token("tl2@org.test");
    ASSERT_EQ(token.size(), 43u);
    auto mail = server_.db().exec("SELECT to_address, subject FROM mail_outbox");
    ASSERT_EQ(mail.rows(), 1);
    EXPECT_EQ(mail.get(0, 0), "tl2@org.test");
    EXPECT_TRUE(eventually([&] {
        return server_.db()
                   .exec(
                       "SELECT count(*) FROM audit_log WHERE action = "
                       "'auth.password_reset_requested' AND entity_id = $1::uuid",
                       db::params(org_.tl2))
                   .get_int(0, 0) == 1;
    }));
    // Only the token's hash is stored on the user.
    auto stored = server_.db().exec("SELECT password_reset_token FROM users WHERE id = $1::uuid",
                                    db::params(org_.tl2));
    EXPECT_EQ(stored.get(0, 0).size(), 64u);
    EXPECT_NE(stored.get(0, 0), token);
}

TEST_F(PasswordReset, TokenSetsPasswordOnceRevokesSessionsAndCannotBeReused) {
    std::string old_session = login(server_, "tl2@org.test");
    ASSERT_EQ(request_reset("tl2@org.test").status, 202);
    std::string token = mailed_token("tl2@org.test");
    auto ok = confirm(token, "my new long password");
    ASSERT_EQ(ok.status, 204) << ok.body;
    EXPECT_EQ(server_.as(old_session, "GET", "/api/v1/auth/me").status, 401);
    EXPECT_EQ(login_raw("tl2@org.test", "my new long password").status, 200);
    auto reused = confirm(token, "another long password");
    EXPECT_EQ(reused.status, 422);
    EXPECT_EQ(reused.json().at("error").at("details").at(0).at("field").as_string(), "token");
}

TEST_F(PasswordReset, ANewPasswordEndsTheWait) {
    for (int i = 0; i < 4; ++i)
        EXPECT_EQ(login_raw("tl2@org.test", "wrong password").status, 401);
    ASSERT_EQ(login_raw("tl2@org.test", Org::kPassword).status, 429);
    ASSERT_EQ(request_reset("tl2@org.test").status, 202);
    ASSERT_EQ(confirm(mailed_token("tl2@org.test"), "my new long password").status, 204);
    EXPECT_EQ(login_raw("tl2@org.test", "my new long password").status, 200);
}

TEST_F(PasswordReset, ExpiredTokenIsRefused) {
    ASSERT_EQ(request_reset("tl1@org.test").status, 202);
    std::string token = mailed_token("tl1@org.test");
    server_.db().exec(
        "UPDATE users SET password_reset_expires = now() - interval '1 second' "
        "WHERE id = $1::uuid",
        db::params(org_.tl1));
    EXPECT_EQ(confirm(token, "my new long password").status, 422);
    EXPECT_EQ(login_raw("tl1@org.test", Org::kPassword).status, 200);
}

TEST_F(PasswordReset, WeakPasswordIsRefusedAndTokenStaysValid) {
    ASSERT_EQ(request_reset("tl1@org.test").status, 202);
    std::string token = mailed_token("tl1@org.test");
    auto weak = confirm(token, "short");
    EXPECT_EQ(weak.status, 422);
    EXPECT_EQ(weak.json().at("error").at("details").at(0).at("field").as_string(), "new_password");
    EXPECT_EQ(confirm(token, "long enough password").status, 204);
}

}  // namespace
}  // namespace coach::test
