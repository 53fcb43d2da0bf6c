#include "core/config.hpp"

#include <charconv>
#include <cstdlib>
#include <thread>

namespace coach {
namespace {

const char* env(const char* name) {
    const char* v = std::getenv(name);
    return (v && *v) ? v : nullptr;
}

template <class T>
bool parse_number(const char* text, T& out) {
    std::string_view s(text);
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

ConfigResult config_from_env() {
    ConfigResult r;
    Config& c = r.config;
    auto fail = [&](const char* name) { r.error = std::string("invalid value for ") + name; };
    struct {
        const char* name;
        std::string* out;
    } string_vars[] = {
        {"COACH_DATABASE_URL", &c.database_url}, {"COACH_DATA_DIR", &c.data_dir},
        {"COACH_WEB_DIR", &c.web_dir},           {"COACH_LOG_LEVEL", &c.log_level},
        {"COACH_PUBLIC_URL", &c.public_url},     {"COACH_SMTP_URL", &c.smtp_url},
        {"COACH_MAIL_FROM", &c.mail_from},       {"COACH_TIMEZONE", &c.timezone},
        {"COACH_JOB_TIMES", &c.job_times},       {"COACH_METRICS_TOKEN", &c.metrics_token}};
    for (auto& var : string_vars)
        if (auto v = env(var.name))
            *var.out = v;
    if (auto v = env("COACH_ACCESS_LOG"))
        c.access_log = std::string_view(v) != "0";
    if (auto v = env("COACH_SECURE_COOKIES"))
        c.secure_cookies = std::string_view(v) == "1";
    c.jobs_enabled = true;
    if (auto v = env("COACH_JOBS"))
        c.jobs_enabled = std::string_view(v) != "0";
    if (auto v = env("COACH_LISTEN")) {
        std::string_view s(v);
        auto colon = s.rfind(':');
        if (colon == std::string_view::npos || colon == 0) {
            fail("COACH_LISTEN (expected host:port)");
        } else {
            c.listen_host = std::string(s.substr(0, colon));
            if (c.listen_host.size() > 2 && c.listen_host.front() == '[')
                c.listen_host = c.listen_host.substr(1, c.listen_host.size() - 2);
            std::string port(s.substr(colon + 1));
            if (!parse_number(port.c_str(), c.listen_port))
                fail("COACH_LISTEN (port)");
        }
    }
    struct {
        const char* name;
        unsigned* out;
    } unsigned_vars[] = {{"COACH_THREADS", &c.threads},
                         {"COACH_DB_CONNECTIONS_PER_THREAD", &c.db_connections_per_thread},
                         {"COACH_WORKER_THREADS", &c.worker_threads},
                         {"COACH_MAX_CONNECTIONS", &c.max_connections},
                         {"COACH_MAX_UPLOADS", &c.max_uploads}};
    for (auto& u : unsigned_vars)
        if (auto v = env(u.name); v && !parse_number(v, *u.out))
            fail(u.name);
    if (auto v = env("COACH_STATEMENT_TIMEOUT_MS"); v && !parse_number(v, c.statement_timeout_ms))
        fail("COACH_STATEMENT_TIMEOUT_MS");
    if (auto v = env("COACH_BCRYPT_COST");
        v && (!parse_number(v, c.bcrypt_cost) || c.bcrypt_cost < 4 || c.bcrypt_cost > 31))
        fail("COACH_BCRYPT_COST (4..31)");
    // A duration in the unit of `out` (milliseconds or seconds), more than zero.
    auto positive_duration = [&]<class Duration>(const char* name, Duration& out) {
        long long count = 0;
        if (auto v = env(name)) {
            if (parse_number(v, count) && count > 0)
                out = Duration(count);
            else
                fail(name);
        }
    };
    positive_duration("COACH_MAIL_POLL_MS", c.mail_poll);
    positive_duration("COACH_DERIVED_REFRESH_MS", c.derived_refresh_poll);
    positive_duration("COACH_SESSION_IDLE_SECONDS", c.session_idle);
    positive_duration("COACH_SESSION_ABSOLUTE_SECONDS", c.session_absolute);
    if (c.threads == 0)
        c.threads = std::max(1u, std::thread::hardware_concurrency());
    if (c.db_connections_per_thread == 0)
        c.db_connections_per_thread = 1;
    if (c.worker_threads == 0)
        c.worker_threads = 1;
    if (c.max_connections == 0)
        fail("COACH_MAX_CONNECTIONS");
    if (c.max_uploads == 0)
        fail("COACH_MAX_UPLOADS");
    if (c.public_url.empty())
        c.public_url = "http://" + c.listen_host + ":" + std::to_string(c.listen_port);
    return r;
}

std::string config_help() {
    return R"(Environment:
  COACH_DATABASE_URL               PostgreSQL URL; unset = embedded cluster under COACH_DATA_DIR
  COACH_LISTEN                     host:port to serve on (default 127.0.0.1:8080)
  COACH_DATA_DIR                   data directory: embedded cluster, uploads (default var/)
  COACH_WEB_DIR                    built web app to serve (default web/dist)
  COACH_THREADS                    I/O threads, one io_context each (default: cores)
  COACH_DB_CONNECTIONS_PER_THREAD  PostgreSQL connections per I/O thread (default 4)
  COACH_WORKER_THREADS             threads for blocking work: bcrypt, parsing (default 2)
  COACH_MAX_CONNECTIONS            client connections open at once; more are closed at once
                                   (default 1024)
  COACH_MAX_UPLOADS                file uploads (imports) at once, at most 2 per user; more get
                                   429 before their body is read (default 4)
  COACH_STATEMENT_TIMEOUT_MS       statement_timeout per connection (default 15000)
  COACH_LOG_LEVEL                  trace|debug|info|warn|error (default info)
  COACH_ACCESS_LOG                 0 to turn the per-request access log off (default 1)
  COACH_SECURE_COOKIES             1 to mark the session cookie Secure (behind TLS)
  COACH_PUBLIC_URL                 base URL used in mails (default http://COACH_LISTEN)
  COACH_SMTP_URL                   SMTP server for the mail outbox, e.g. smtp://127.0.0.1:25
  COACH_METRICS_TOKEN              secret a Prometheus scraper sends as "Authorization: Bearer"
                                   to read /metrics (unset: /metrics is not served)
  COACH_MAIL_FROM                  sender address (default coach@localhost)
  COACH_MAIL_POLL_MS               how often the mail outbox is checked (default 5000)
  COACH_DERIVED_REFRESH_MS         how often percentiles and history annotations queued by
                                   writes are refreshed (default 1000)
  COACH_SESSION_IDLE_SECONDS       idle session expiry (default 43200 = 12 h)
  COACH_SESSION_ABSOLUTE_SECONDS   absolute session expiry (default 604800 = 7 days)
  COACH_BCRYPT_COST                bcrypt cost for new hashes (default 12)
  COACH_JOBS                       0 to run no job scheduler in this instance (default 1)
  COACH_TIMEZONE                   the organisation's time zone (job times, "today", the day of
                                   a coaching session) when the setting 'timezone' is absent
                                   (default UTC)
  COACH_JOB_TIMES                  daily job times, e.g. history=01:30,retention=04:00 (jobs:
                                   overdue_sweep 00:15, dashboard_snapshots 00:30, history
                                   01:00, team_summary 01:30, percentiles 02:00, retention 03:00)
)";
}

}  // namespace coach
