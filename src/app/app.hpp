#pragma once
// The composition root: the route table of every module, the shared services and the server.
// Used by `coach serve` and by the integration tests (which run it in-process).
#include "app/time_zone_watch.hpp"
#include "auth/login_throttle.hpp"
#include "core/periodic.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/server.hpp"
#include "http/services.hpp"
#include "http/static_files.hpp"
#include "http/upload_slots.hpp"
#include "jobs/scheduler.hpp"
#include "mail/outbox_sender.hpp"

#include <boost/asio/thread_pool.hpp>

#include <atomic>

namespace coach {

class App {
  public:
    App(Config config, std::string database_url);
    ~App();

    Result<void> start();
    void stop();
    void force_stop() { server_.force_stop(); }
    void join() { server_.join(); }
    unsigned short port() const { return server_.port(); }
    const http::Router& router() const { return router_; }
    const Config& config() const { return config_; }
    // Every module's routes (also what `coach openapi` describes).
    static http::Router build_router();

  private:
    Config config_;
    http::Router router_;
    http::Metrics metrics_;
    http::StaticFiles static_files_;
    auth::LoginThrottle throttle_;
    http::UploadSlots uploads_;
    OrgTimeZone time_zone_;  // before server_: its pools read it
    boost::asio::thread_pool workers_;
    boost::asio::thread_pool long_work_;
    http::Services services_;
    http::Server server_;
    std::unique_ptr<Periodic> time_zone_watch_;
    std::unique_ptr<Periodic> interrupted_imports_;
    // Drains derived_refresh_queue (jobs/derived.hpp).
    std::unique_ptr<Periodic> derived_refresh_;
    std::unique_ptr<mail::OutboxSender> mail_;  // when COACH_SMTP_URL is set
    std::unique_ptr<Periodic> mail_poll_;       // delivers mail_ every COACH_MAIL_POLL_MS
    std::unique_ptr<jobs::Scheduler> jobs_;     // unless COACH_JOBS=0
    // jobs_ once started, for the zone checks on the I/O threads (woken by a zone change).
    std::atomic<jobs::Scheduler*> scheduler_{nullptr};
};

}  // namespace coach
