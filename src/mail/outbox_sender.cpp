#include "mail/outbox_sender.hpp"

#include "core/offload.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace coach::mail {
namespace asio = boost::asio;
using asio::awaitable;

namespace {

constexpr std::string_view kReclaimStuck = R"sql(
UPDATE mail_outbox SET status = 'PENDING'
 WHERE status = 'SENDING' AND updated_at < now() - interval '10 minutes')sql";

constexpr std::string_view kClaim = R"sql(
UPDATE mail_outbox SET status = 'SENDING', attempts = attempts + 1
 WHERE id IN (SELECT id FROM mail_outbox
               WHERE status = 'PENDING' AND next_attempt_at <= now()
               ORDER BY next_attempt_at
               LIMIT 20
                 FOR UPDATE SKIP LOCKED)
RETURNING id, to_address, subject, body_text, attempts)sql";

constexpr std::string_view kSent = R"sql(
UPDATE mail_outbox
   SET status = 'SENT', sent_at = now(), last_error = NULL,
       body_text = CASE WHEN kind = 'password_reset' THEN '[delivered; removed]' ELSE body_text END
 WHERE id = $1::uuid)sql";

// Backoff: 1, 2, 4, 8 minutes; then FAILED.
constexpr std::string_view kFailed = R"sql(
UPDATE mail_outbox
   SET status = CASE WHEN attempts >= $3::int THEN 'FAILED'::mail_status ELSE 'PENDING' END,
       next_attempt_at = now() + make_interval(mins => power(2, attempts - 1)::int),
       last_error = $2
 WHERE id = $1::uuid)sql";

}  // namespace

OutboxSender::OutboxSender(asio::io_context& io, db::Pool& pool, asio::thread_pool& workers,
                           SmtpSettings smtp, std::chrono::milliseconds poll_every)
    : io_(io),
      pool_(pool),
      workers_(workers),
      smtp_(std::move(smtp)),
      poll_every_(poll_every),
      timer_(io) {}

void OutboxSender::start() {
    asio::co_spawn(io_, run(), asio::detached);
}

void OutboxSender::stop() {
    asio::post(io_, [this] {
        stopping_ = true;
        timer_.cancel();
    });
}

awaitable<void> OutboxSender::run() {
    while (!stopping_) {
        auto r = co_await deliver_due();
        if (!r && r.error().code != ErrorCode::Unavailable)
            spdlog::error("mail outbox: {}", r.error().message);
        if (stopping_)
            break;
        timer_.expires_after(poll_every_);
        boost::system::error_code ec;
        co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
    }
}

awaitable<Result<int>> OutboxSender::deliver_due() {
    if (auto r = co_await pool_.query(kReclaimStuck); !r)
        co_return r.error();
    auto claimed = co_await pool_.query(kClaim);
    if (!claimed)
        co_return claimed.error();
    int sent = 0;
    for (int i = 0; i < claimed->rows(); ++i) {
        std::string id(claimed->get(i, 0));
        Message m{std::string(claimed->get(i, 1)), std::string(claimed->get(i, 2)),
                  std::string(claimed->get(i, 3))};
        auto work = [smtp = smtp_, m = std::move(m)] { return send(smtp, m); };
        Result<void> delivered = co_await offload(workers_, std::move(work));
        if (delivered) {
            ++sent;
            if (auto r = co_await pool_.query(kSent, db::params(id)); !r)
                co_return r.error();
        } else {
            // The address is not logged: mail ids identify the row for an operator.
            spdlog::warn("mail {} not delivered (attempt {}): {}", id, claimed->get(i, 4),
                         delivered.error().message);
            auto r = co_await pool_.query(kFailed,
                                          db::params(id, delivered.error().message, kMaxAttempts));
            if (!r)
                co_return r.error();
        }
    }
    co_return sent;
}

}  // namespace coach::mail
