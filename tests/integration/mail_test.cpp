// The mail outbox delivered to a real SMTP listener: reset mails arrive with their link,
// failures are retried with backoff and end FAILED, delivered reset bodies are blanked.
#include "mail/outbox_sender.hpp"
#include "support/smtp_listener.hpp"
#include "support/test_server.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace coach::test {
namespace {
using namespace std::chrono_literals;

Config mail_config(const SmtpListener& smtp) {
    Config c = test_config();
    c.smtp_url = smtp.url();
    c.mail_from = "coach@coach.test";
    c.mail_poll = 100ms;
    return c;
}

TEST(Mail, PasswordResetMailReachesTheSmtpServer) {
    SmtpListener smtp;
    TestServer server(mail_config(smtp));
    create_org(server.db());
    RequestOptions o;
    o.body = R"({"email": "tl2@org.test"})";
    ASSERT_EQ(server.request("POST", "/api/v1/auth/password-reset", o).status, 202);
    ASSERT_TRUE(eventually([&] { return smtp.received().size() == 1; }));
    ReceivedMail m = smtp.received().front();
    EXPECT_EQ(m.from, "<coach@coach.test>");
    ASSERT_EQ(m.to.size(), 1u);
    EXPECT_EQ(m.to[0], "<tl2@org.test>");
    EXPECT_NE(m.data.find("Subject: Reset your Coach password"), std::string::npos);
    EXPECT_NE(m.data.find("http://coach.test/reset-password?token="), std::string::npos);
    ASSERT_TRUE(eventually([&] {
        auto r = server.db().exec("SELECT status::text FROM mail_outbox");
        return r.rows() == 1 && r.get(0, 0) == "SENT";
    }));
    auto row = server.db().exec("SELECT body_text, attempts, sent_at IS NOT NULL FROM mail_outbox");
    EXPECT_EQ(row.get(0, 0), "[delivered; removed]");
    EXPECT_EQ(row.get_int(0, 1), 1);
    EXPECT_TRUE(row.get_bool(0, 2));
}

TEST(Mail, RejectedMailIsRetriedWithBackoffThenFailed) {
    SmtpListener smtp;
    smtp.reject_recipients(true);
    TestServer server(mail_config(smtp));
    server.db().exec(
        "INSERT INTO mail_outbox (to_address, subject, body_text, kind) "
        "VALUES ('x@org.test', 'Hello', 'Body', 'test')");
    ASSERT_TRUE(eventually([&] {
        return server.db().exec("SELECT attempts FROM mail_outbox").get_int(0, 0) == 1 &&
               server.db().exec("SELECT status::text FROM mail_outbox").get(0, 0) == "PENDING";
    }));
    // First retry one minute later (2^0); the error is kept for the operator.
    auto r = server.db().exec(
        "SELECT round(extract(epoch FROM next_attempt_at - updated_at)), last_error "
        "FROM mail_outbox");
    EXPECT_EQ(r.get_int(0, 0), 60);
    EXPECT_NE(r.get(0, 1).find("SMTP delivery failed"), std::string::npos);
    // Make every retry due at once: after kMaxAttempts the row is FAILED and stays.
    for (int i = 0; i < mail::kMaxAttempts; ++i) {
        server.db().exec("UPDATE mail_outbox SET next_attempt_at = now() WHERE status = 'PENDING'");
        eventually([&] {
            return server.db().exec("SELECT attempts FROM mail_outbox").get_int(0, 0) >= i + 2 ||
                   server.db().exec("SELECT status::text FROM mail_outbox").get(0, 0) == "FAILED";
        });
    }
    auto done = server.db().exec("SELECT status::text, attempts FROM mail_outbox");
    EXPECT_EQ(done.get(0, 0), "FAILED");
    EXPECT_EQ(done.get_int(0, 1), mail::kMaxAttempts);
    EXPECT_TRUE(smtp.received().empty());
}

}  // namespace
}  // namespace coach::test
