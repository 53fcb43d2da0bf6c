#include "app/app.hpp"

#include "account/routes.hpp"
#include "analytics/routes.hpp"
#include "audit/routes.hpp"
#include "auth/authenticate.hpp"
#include "auth/password.hpp"
#include "dashboards/routes.hpp"
#include "history/routes.hpp"
#include "imports/importer.hpp"
#include "imports/routes.hpp"
#include "jobs/derived.hpp"
#include "jobs/routes.hpp"
#include "metrics/routes.hpp"
#include "notes/routes.hpp"
#include "notifications/routes.hpp"
#include "ops/routes.hpp"
#include "sessions/routes.hpp"
#include "settings/routes.hpp"
#include "users/routes.hpp"

#include <spdlog/spdlog.h>

namespace coach {

namespace {

// check_time_zone(), then a wake-up for the scheduler when the zone (or the clock) changed: in
// the new zone a job's run time may have passed (jobs/schedule.hpp).
boost::asio::awaitable<void> check_time_zone_and_wake(db::Pool& pool, OrgTimeZone& zone,
                                                      const std::string& fallback,
                                                      const std::atomic<jobs::Scheduler*>& jobs) {
    const std::uint64_t before = zone.generation();
    co_await check_time_zone(pool, zone, fallback);
    if (jobs::Scheduler* scheduler = jobs.load(); scheduler && zone.generation() != before)
        scheduler->wake();
}

}  // namespace

http::Router App::build_router() {
    http::Router r;
    ops::add_routes(r);
    account::add_routes(r);
    users::add_routes(r);
    jobs::add_routes(r);
    metrics::add_routes(r);
    history::add_routes(r);
    dashboards::add_routes(r);
    analytics::add_routes(r);
    imports::add_routes(r);
    settings::add_routes(r);
    audit::add_routes(r);
    sessions::add_routes(r);
    notes::add_routes(r);
    notifications::add_routes(r);
    return r;
}

App::App(Config config, std::string database_url)
    : config_(std::move(config)),
      router_(build_router()),
      metrics_(router_.routes().size()),
      static_files_(http::StaticFiles::load(config_.web_dir)),
      uploads_(config_.max_uploads),
      workers_(config_.worker_threads),
      long_work_(http::kLongWorkThreads),
      services_{config_,   router_,  workers_, long_work_, metrics_,     static_files_,
                throttle_, uploads_, {},       {},         database_url, time_zone_},
      server_(services_,
              db::ConnectOptions{std::move(database_url), "coach", config_.statement_timeout_ms,
                                 std::chrono::milliseconds(5000), &time_zone_}) {
    services_.authenticate = auth::authenticate;  // http calls auth without including it
    if (!auth::load_common_passwords())
        spdlog::warn("no list of common passwords at {}: passwords are not checked against one",
                     auth::kCommonPasswordsFile);
    services_.pool_stats = [this] { return server_.pool_stats(); };
    services_.refresh_time_zone = [this](db::Pool& pool) {
        return check_time_zone_and_wake(pool, time_zone_, config_.timezone, scheduler_);
    };
}

App::~App() {
    stop();
    server_.join();
    workers_.join();
    long_work_.join();
}

Result<void> App::start() {
    // The zone before the first pooled connection opens. PostgreSQL may be down at start (the
    // server then answers 503 until it is back): the watcher below retries every minute.
    auto conn = db::SyncConnection::open(services_.database_url);
    Result<void> zone =
        conn ? resolve_time_zone(*conn, config_.timezone, time_zone_) : Result<void>(conn.error());
    if (!zone)
        spdlog::warn("the organisation's time zone is not known yet ({}): UTC until it is",
                     zone.error().message);
    if (auto r = server_.start(); !r)
        return r;
    time_zone_watch_ = std::make_unique<Periodic>(
        server_.context(0), config_.time_zone_check, Periodic::First::AfterAPeriod, [this] {
            return check_time_zone_and_wake(server_.pool(0), time_zone_, config_.timezone,
                                            scheduler_);
        });
    time_zone_watch_->start();
    // Imports left running by a crash, or by a PostgreSQL outage that stopped them from
    // recording their failure, become FAILED 'interrupted': at start, and every minute after
    // (docs/domain.md, "Imports").
    interrupted_imports_ = std::make_unique<Periodic>(
        server_.context(0), config_.interrupted_import_check, Periodic::First::Now, [this] {
            return imports::sweep_interrupted_imports(server_.pool(0), long_work_,
                                                      services_.database_url, time_zone_.name());
        });
    interrupted_imports_->start();
    // Percentiles and history annotations queued by writes, refreshed within a tick or so
    // (docs/architecture.md, "Derived data"); at start also a ranking of another day.
    derived_refresh_ = std::make_unique<Periodic>(
        server_.context(0), config_.derived_refresh_poll, Periodic::First::Now, [this] {
            return jobs::drain_derived_when_due(server_.pool(0), long_work_, services_.database_url,
                                                time_zone_.name());
        });
    derived_refresh_->start();
    if (!config_.smtp_url.empty()) {
        mail_ = std::make_unique<mail::OutboxSender>(
            server_.pool(0), workers_, mail::SmtpSettings{config_.smtp_url, config_.mail_from});
        mail_poll_ =
            std::make_unique<Periodic>(server_.context(0), config_.mail_poll, Periodic::First::Now,
                                       [this] { return mail_->deliver(); });
        mail_poll_->start();
    }
    auto jobs = jobs::Scheduler::create(server_.context(0), services_.database_url, config_);
    if (!jobs)
        return jobs.error();
    if ((jobs_ = std::move(*jobs))) {
        jobs_->start();
        scheduler_ = jobs_.get();
    }
    return {};
}

void App::stop() {
    if (jobs_)
        jobs_->stop();
    if (mail_poll_)
        mail_poll_->stop();
    if (time_zone_watch_)
        time_zone_watch_->stop();
    if (interrupted_imports_)
        interrupted_imports_->stop();
    if (derived_refresh_)
        derived_refresh_->stop();
    server_.stop();
}

}  // namespace coach
