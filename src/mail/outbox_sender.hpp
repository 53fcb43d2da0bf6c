#pragma once
// Delivers mail_outbox rows over SMTP. Claims due rows with FOR UPDATE SKIP LOCKED (several
// instances never send the same mail), sends on the worker pool, marks SENT or schedules a
// retry with exponential backoff (FAILED after kMaxAttempts). Reset-link bodies are blanked
// once delivered so tokens do not stay at rest. Rows stuck in SENDING (a crash mid-send) go
// back to PENDING after ten minutes.
#include "db/pool.hpp"
#include "mail/smtp.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

namespace coach::mail {

inline constexpr int kMaxAttempts = 5;

class OutboxSender {
  public:
    OutboxSender(boost::asio::io_context& io, db::Pool& pool, boost::asio::thread_pool& workers,
                 SmtpSettings smtp, std::chrono::milliseconds poll_every);
    void start();
    void stop();  // safe from any thread

    // One pass: claims due mail, sends it, records the outcome; returns how many were sent.
    boost::asio::awaitable<Result<int>> deliver_due();

  private:
    boost::asio::awaitable<void> run();

    boost::asio::io_context& io_;
    db::Pool& pool_;
    boost::asio::thread_pool& workers_;
    SmtpSettings smtp_;
    std::chrono::milliseconds poll_every_;
    boost::asio::steady_timer timer_;
    bool stopping_ = false;
};

}  // namespace coach::mail
