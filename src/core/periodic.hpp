#pragma once
// A task run every `every` on one I/O thread until stop(): the organisation's time zone check,
// the sweep of interrupted imports, the mail outbox (app.cpp). A task must not block: it runs on
// the I/O thread.
#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>

#include <chrono>
#include <functional>

namespace coach {

class Periodic {
  public:
    using Task = std::function<boost::asio::awaitable<void>()>;
    enum class First { Now, AfterAPeriod };

    Periodic(boost::asio::io_context& io, std::chrono::milliseconds every, First first, Task task);
    void start();
    void stop();  // safe from any thread

  private:
    boost::asio::awaitable<void> run();

    boost::asio::io_context& io_;
    std::chrono::milliseconds every_;
    First first_;
    Task task_;
    boost::asio::steady_timer timer_;
    bool stopping_ = false;  // I/O thread
};

}  // namespace coach
