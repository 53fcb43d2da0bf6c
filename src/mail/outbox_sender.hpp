#pragma once
// Delivers mail_outbox rows over SMTP. Claims due rows with FOR UPDATE SKIP LOCKED (several
// instances never send the same mail), sends on the worker pool, marks SENT or schedules a
// retry with exponential backoff (FAILED after kMaxAttempts). Reset-link bodies are blanked
// once delivered so tokens do not stay at rest. Rows stuck in SENDING (a crash mid-send) go
// back to PENDING after ten minutes.
#include "db/pool.hpp"
#include "mail/smtp.hpp"

#include <boost/asio/awaitable.hpp>
#include <boost/asio/thread_pool.hpp>

namespace coach::mail {

inline constexpr int kMaxAttempts = 5;

class OutboxSender {
  public:
    OutboxSender(db::Pool& pool, boost::asio::thread_pool& workers, SmtpSettings smtp);

    // One pass: claims due mail, sends it, records the outcome; returns how many were sent.
    boost::asio::awaitable<Result<int>> deliver_due();
    // deliver_due(), its failure logged (an outage is not: the next pass tries again). App runs
    // it every COACH_MAIL_POLL_MS (a core/periodic.hpp task).
    boost::asio::awaitable<void> deliver();

  private:
    db::Pool& pool_;
    boost::asio::thread_pool& workers_;
    SmtpSettings smtp_;
};

}  // namespace coach::mail
