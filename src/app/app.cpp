#include "app/app.hpp"

#include "auth/routes.hpp"
#include "ops/routes.hpp"
#include "users/routes.hpp"

namespace coach {

http::Router App::build_router() {
    http::Router r;
    ops::add_routes(r);
    auth::add_routes(r);
    users::add_routes(r);
    return r;
}

App::App(Config config, std::string database_url)
    : config_(std::move(config)),
      router_(build_router()),
      metrics_(router_.routes().size()),
      static_files_(http::StaticFiles::load(config_.web_dir)),
      workers_(config_.worker_threads),
      services_{config_, router_, workers_, metrics_, static_files_, throttle_, {}, database_url},
      server_(services_,
              db::ConnectOptions{std::move(database_url), "coach", config_.statement_timeout_ms}) {
    services_.pool_stats = [this] { return server_.pool_stats(); };
}

App::~App() {
    stop();
    server_.join();
    workers_.join();
}

Result<void> App::start() {
    if (auto r = server_.start(); !r)
        return r;
    if (!config_.smtp_url.empty()) {
        mail_ = std::make_unique<mail::OutboxSender>(
            server_.context(0), server_.pool(0), workers_,
            mail::SmtpSettings{config_.smtp_url, config_.mail_from}, config_.mail_poll);
        mail_->start();
    }
    return {};
}

void App::stop() {
    if (mail_)
        mail_->stop();
    server_.stop();
}

}  // namespace coach
