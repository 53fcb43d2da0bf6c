#include "mail/outbox_sender.hpp"

#include "core/offload.hpp"
#include "db/columns.hpp"
#include "mail/sql.hpp"

#include <spdlog/spdlog.h>
#include <boost/asio/use_awaitable.hpp>

namespace coach::mail {
namespace asio = boost::asio;
using asio::awaitable;

OutboxSender::OutboxSender(db::Pool& pool, asio::thread_pool& workers, SmtpSettings smtp)
    : pool_(pool), workers_(workers), smtp_(std::move(smtp)) {}

awaitable<void> OutboxSender::deliver() {
    auto r = co_await deliver_due();
    if (!r && r.error().code != ErrorCode::Unavailable)
        spdlog::error("mail outbox: {}", r.error().message);
}

awaitable<Result<int>> OutboxSender::deliver_due() {
    if (auto r = co_await pool_.query(sql::reclaim_stuck); !r)
        co_return r.error();
    auto claimed = co_await pool_.query(sql::claim);
    if (!claimed)
        co_return claimed.error();
    const int id_col = db::column(*claimed, "id"), to = db::column(*claimed, "to_address"),
              subject = db::column(*claimed, "subject"), body = db::column(*claimed, "body_text"),
              attempts = db::column(*claimed, "attempts");
    int sent = 0;
    for (int i = 0; i < claimed->rows(); ++i) {
        std::string id(claimed->get(i, id_col));
        Message m{std::string(claimed->get(i, to)), std::string(claimed->get(i, subject)),
                  std::string(claimed->get(i, body))};
        auto work = [smtp = smtp_, m = std::move(m)] { return send(smtp, m); };
        Result<void> delivered = co_await offload(workers_, std::move(work));
        if (delivered) {
            ++sent;
            if (auto r = co_await pool_.query(sql::mark_sent, db::params(id)); !r)
                co_return r.error();
        } else {
            // The address is not logged: mail ids identify the row for an operator.
            spdlog::warn("mail {} not delivered (attempt {}): {}", id, claimed->get(i, attempts),
                         delivered.error().message);
            auto r = co_await pool_.query(sql::mark_failed,
                                          db::params(id, delivered.error().message, kMaxAttempts));
            if (!r)
                co_return r.error();
        }
    }
    co_return sent;
}

}  // namespace coach::mail
