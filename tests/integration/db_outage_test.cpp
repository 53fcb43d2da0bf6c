// PostgreSQL stopped and restarted while coach runs: 503 with Retry-After during the outage,
// then recovery without restarting coach. Uses a cluster of its own.
#include "auth/password.hpp"
#include "db/migrations_data.hpp"
#include "db/migrator.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <thread>

namespace coach::test {
namespace {

TEST(DatabaseOutage, RequestsGet503ThenTheServerRecoversByItself) {
    const char* base = std::getenv("COACH_TEST_DATA_DIR");
    auto cluster = db::EmbeddedCluster::start(db::ClusterOptions{
        std::string(base ? base : "build/test-data") + "-outage", "coach_outage", true});
    ASSERT_TRUE(cluster) << cluster.error().message;
    {
        auto conn = db::SyncConnection::open(cluster->url());
        ASSERT_TRUE(conn) << conn.error().message;
        (void)conn->exec_script("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
        ASSERT_TRUE(db::migrate(*conn, db::embedded_migrations()));
        ASSERT_TRUE(
            conn->exec("INSERT INTO users (email, name, role, password_hash) VALUES "
                       "('admin@org.test', 'Ada', 'ADMIN', $1)",
                       db::params(auth::hash_password(Org::kPassword, 4))));
    }
    App app(test_config(), cluster->url());
    ASSERT_TRUE(app.start());
    auto get_me = [&](const std::string& token) {
        RequestOptions o;
        o.token = token;
        return http_request(app.port(), "GET", "/api/v1/auth/me", o);
    };
    RequestOptions login_body;
    login_body.body = R"({"email": "admin@org.test", "password": "correct horse battery"})";
    auto signed_in = http_request(app.port(), "POST", "/api/v1/auth/login", login_body);
    ASSERT_EQ(signed_in.status, 200) << signed_in.body;
    std::string token(signed_in.json().at("token").as_string());
    ASSERT_EQ(get_me(token).status, 200);

    cluster->stop();
    for (int i = 0; i < 3; ++i) {  // every request during the outage, not only the first
        auto down = get_me(token);
        EXPECT_EQ(down.status, 503) << down.body;
        EXPECT_EQ(down.error_code(), "unavailable");
        EXPECT_FALSE(down.headers["retry-after"].empty());
    }
    auto ready = http_request(app.port(), "GET", "/readyz");
    EXPECT_EQ(ready.status, 503);
    EXPECT_EQ(http_request(app.port(), "GET", "/healthz").status, 200);  // alive, not ready

    // A coach started during the outage starts all the same (its time zone is read later).
    App late(test_config(), cluster->url());
    ASSERT_TRUE(late.start());
    EXPECT_EQ(http_request(late.port(), "GET", "/healthz").status, 200);
    EXPECT_EQ(http_request(late.port(), "GET", "/readyz").status, 503);

    ASSERT_TRUE(cluster->restart());
    EXPECT_EQ(get_me(token).status, 200);
    EXPECT_EQ(http_request(app.port(), "GET", "/readyz").status, 200);
    EXPECT_EQ(http_request(late.port(), "GET", "/readyz").status, 200);
    late.stop();
    late.join();
    app.stop();
    app.join();
}

}  // namespace
}  // namespace coach::test
