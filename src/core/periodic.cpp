#include "core/periodic.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace coach {
namespace asio = boost::asio;

Periodic::Periodic(asio::io_context& io, std::chrono::milliseconds every, First first, Task task)
    : io_(io), every_(every), first_(first), task_(std::move(task)), timer_(io) {}

void Periodic::start() {
    asio::co_spawn(io_, run(), asio::detached);
}

void Periodic::stop() {
    asio::post(io_, [this] {
        stopping_ = true;
        timer_.cancel();
    });
}

asio::awaitable<void> Periodic::run() {
    bool wait = first_ == First::AfterAPeriod;
    while (!stopping_) {
        if (wait) {
            timer_.expires_after(every_);
            boost::system::error_code ec;
            co_await timer_.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            if (stopping_)
                break;
        }
        wait = true;
        co_await task_();
    }
}

}  // namespace coach
