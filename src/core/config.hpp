#pragma once
// Runtime configuration, read from the environment (listed by `coach serve --help`).
#include <chrono>
#include <string>

namespace coach {

struct Config {
    std::string database_url;                // COACH_DATABASE_URL; empty = embedded cluster
    std::string listen_host = "127.0.0.1";   // COACH_LISTEN host part
    unsigned short listen_port = 8080;       // COACH_LISTEN port part
    std::string data_dir = "var";            // COACH_DATA_DIR
    std::string web_dir = "web/dist";        // COACH_WEB_DIR
    unsigned threads = 0;                    // COACH_THREADS; 0 = one per core
    unsigned db_connections_per_thread = 4;  // COACH_DB_CONNECTIONS_PER_THREAD
    unsigned worker_threads = 2;             // COACH_WORKER_THREADS (bcrypt, parsing)
    // Memory stays bounded under any flood (docs/architecture.md, "Bounded memory"):
    unsigned max_connections = 1024;   // COACH_MAX_CONNECTIONS, open at once; more are closed
    unsigned max_uploads = 4;          // COACH_MAX_UPLOADS, file uploads at once (2 per user)
    int statement_timeout_ms = 15000;  // COACH_STATEMENT_TIMEOUT_MS
    std::string log_level = "info";    // COACH_LOG_LEVEL
    bool access_log = true;            // COACH_ACCESS_LOG=0 turns the per-request log off
    bool secure_cookies = false;       // COACH_SECURE_COOKIES=1 behind TLS
    std::string public_url;            // COACH_PUBLIC_URL (links in mails); default http://listen
    std::string smtp_url;              // COACH_SMTP_URL, e.g. smtp://127.0.0.1:2525
    // COACH_METRICS_TOKEN: /metrics answers only "Authorization: Bearer <it>"; unset, 404.
    std::string metrics_token;
    std::string mail_from = "coach@localhost";         // COACH_MAIL_FROM
    std::chrono::milliseconds mail_poll{5000};         // COACH_MAIL_POLL_MS
    std::chrono::seconds session_idle{12 * 3600};      // COACH_SESSION_IDLE_SECONDS
    std::chrono::seconds session_absolute{7 * 86400};  // COACH_SESSION_ABSOLUTE_SECONDS
    int bcrypt_cost = 12;                              // COACH_BCRYPT_COST (tests lower it)
    // COACH_JOBS: false here so in-process test servers run no scheduler unless they ask;
    // config_from_env() turns it on unless COACH_JOBS=0.
    bool jobs_enabled = false;
    std::string timezone = "UTC";  // COACH_TIMEZONE (the setting 'timezone' wins)
    // How often the API re-reads the organisation's zone (tests shorten it; no variable).
    std::chrono::milliseconds time_zone_check{60000};
    // How often imports marked running with no worker holding them (PostgreSQL or the process
    // went away mid-import) are marked FAILED (tests shorten it; no variable).
    std::chrono::milliseconds interrupted_import_check{60000};
    // COACH_DERIVED_REFRESH_MS: how often a server checks for percentiles and history
    // annotations to refresh (jobs/derived.hpp), about the delay before a change shows in them.
    std::chrono::milliseconds derived_refresh_poll{1000};
    std::string job_times;  // COACH_JOB_TIMES, e.g. "history=01:30,retention=04:00"
};

// Reads COACH_* variables over the defaults; a malformed value is an error message.
struct ConfigResult {
    Config config;
    std::string error;
};
ConfigResult config_from_env();

// Help text listing every variable, its default and meaning.
std::string config_help();

}  // namespace coach
