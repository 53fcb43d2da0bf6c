#include "cli/commands.hpp"

#include "app/app.hpp"
#include "auth/password.hpp"
#include "cli/database.hpp"
#include "cli/import_command.hpp"
#include "cli/jobs_command.hpp"
#include "cli/sql.hpp"
#include "core/log.hpp"
#include "core/malloc_tuning.hpp"
#include "core/user_enums.hpp"
#include "db/columns.hpp"
#include "demo/demo_data.hpp"
#include "demo/derived.hpp"
#include "ops/openapi.hpp"

#include <signal.h>
#include <spdlog/spdlog.h>

#include <iostream>
#include <thread>

namespace coach::cli {
namespace {

int g_exit = 0;

struct Options {
    bool demo_data = false;
    int seed = 42;
    std::string email, name, role, password;
    bool password_stdin = false;
};

Options& options() {
    static Options o;
    return o;
}

// Config + logging, or exit code 2 on a bad environment.
std::optional<Config> load_config() {
    auto c = config_from_env();
    init_logging(c.config.log_level);
    if (!c.error.empty()) {
        spdlog::error("{}", c.error);
        g_exit = 2;
        return std::nullopt;
    }
    return c.config;
}

int fail(const Error& e) {
    spdlog::error("{}", e.message);
    return 1;
}

// The command's database (COACH_DATABASE_URL or the embedded cluster), migrated; nullopt once
// the failure is logged (exit code 1).
std::optional<Database> open_migrated_database(const Config& config) {
    auto database = open_database(config);
    if (!database) {
        g_exit = fail(database.error());
        return std::nullopt;
    }
    if (auto m = migrate_database(database->url); !m) {
        g_exit = fail(m.error());
        return std::nullopt;
    }
    return std::move(*database);
}

Result<void> load_demo(const std::string& url, const Config& config, int seed) {
    auto conn = db::SyncConnection::open(url);
    if (!conn)
        return conn.error();
    auto empty = demo::database_is_empty(*conn);
    if (!empty)
        return empty.error();
    if (!*empty)
        return make_error(ErrorCode::Conflict, "the database already has users");
    spdlog::info("loading the demo organisation (seed {})", seed);
    if (auto r =
            demo::load(*conn, seed, auth::hash_password(demo::kDemoPassword, config.bcrypt_cost));
        !r)
        return r;
    return demo::derive(*conn, config.timezone);
}

std::string read_password() {
    if (!options().password_stdin)
        return options().password;
    std::string line;
    std::getline(std::cin, line);
    return line;
}

void serve() {
    auto config = load_config();
    if (!config)
        return;
    // Signals go to the waiting thread below, never to the I/O threads.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    auto database = open_migrated_database(*config);
    if (!database)
        return;
    if (options().demo_data) {
        auto conn = db::SyncConnection::open(database->url);
        auto empty = conn ? demo::database_is_empty(*conn) : Result<bool>(conn.error());
        if (empty && *empty) {
            if (auto d = load_demo(database->url, *config, options().seed); !d) {
                g_exit = fail(d.error());
                return;
            }
        }
    }
    tune_malloc_for_serving();
    App app(*config, database->url);
    if (auto s = app.start(); !s) {
        g_exit = fail(s.error());
        return;
    }
    std::string url = "http://" + config->listen_host + ":" + std::to_string(app.port());
    spdlog::info("Coach is serving on {} ({} I/O threads)", url, config->threads);
    if (options().demo_data) {
        std::cout << "\nCoach is running at " << url << "\nDemo sign-ins (password "
                  << demo::kDemoPassword << "):\n";
        for (const auto& a : demo::accounts())
            std::cout << "  " << a.role << std::string(12 - a.role.size(), ' ') << a.email << "\n";
        std::cout << "Press Ctrl-C to stop.\n" << std::endl;
    }

    int sig = 0;
    sigwait(&signals, &sig);
    spdlog::info("signal {}: finishing in-flight requests", sig);
    app.stop();
    std::thread watchdog([&] {
        timespec timeout{20, 0};
        // A second signal, or 20 s without finishing, stops at once.
        sigtimedwait(&signals, nullptr, &timeout);
        app.force_stop();
    });
    app.join();
    pthread_kill(watchdog.native_handle(), SIGTERM);
    watchdog.join();
    spdlog::info("stopped");
}

void migrate() {
    auto config = load_config();
    if (!config)
        return;
    open_migrated_database(*config);
}

void demo_data() {
    auto config = load_config();
    if (!config)
        return;
    auto database = open_migrated_database(*config);
    if (!database)
        return;
    if (auto d = load_demo(database->url, *config, options().seed); !d)
        g_exit = fail(d.error());
}

// Whether `password` meets the policy for the user of --email; if not, says why (exit code 2).
bool password_acceptable(const std::string& password) {
    if (auto bad = auth::password_policy_violation(password, options().email)) {
        spdlog::error("password: {}", *bad);
        g_exit = 2;
        return false;
    }
    return true;
}

// Runs `statement` on the command's database with `params` and the bcrypt hash of `password`
// as the last parameter; the result, or nullopt once the failure is logged (exit code 1).
std::optional<db::PgResult> exec_with_hash(const Config& config, std::string_view statement,
                                           db::Params params, const std::string& password) {
    auto database = open_database(config);
    if (!database) {
        g_exit = fail(database.error());
        return std::nullopt;
    }
    auto conn = db::SyncConnection::open(database->url);
    if (!conn) {
        g_exit = fail(conn.error());
        return std::nullopt;
    }
    params.values.push_back(auth::hash_password(password, config.bcrypt_cost));
    auto r = conn->exec(statement, params);
    if (!r) {
        g_exit = fail(r.error());
        return std::nullopt;
    }
    return std::move(*r);
}

void user_create() {
    auto config = load_config();
    if (!config)
        return;
    auto role = parse_role(options().role);
    std::string password = read_password();
    if (!role) {
        spdlog::error("--role must be ADMIN, MANAGER, TEAM_LEADER or AGENT");
        g_exit = 2;
        return;
    }
    if (!password_acceptable(password))
        return;
    auto r = exec_with_hash(*config, sql::create_user,
                            db::params(options().email, options().name, options().role), password);
    if (r)
        std::cout << r->get(0, db::column(*r, "id")) << std::endl;
}

void user_set_password() {
    auto config = load_config();
    if (!config)
        return;
    std::string password = read_password();
    if (!password_acceptable(password))
        return;
    // A new password ends every session of that user.
    auto r = exec_with_hash(*config, sql::set_password, db::params(options().email), password);
    if (r && r->empty()) {
        spdlog::error("no user with email {}", options().email);
        g_exit = 1;
    }
}

// The API description the server serves, for the web app's typed client (scripts/web-api);
// needs no database.
void print_openapi() {
    std::cout << boost::json::serialize(ops::openapi_document(App::build_router())) << '\n';
}

}  // namespace

void add_commands(CLI::App& app) {
    Options& o = options();
    auto* serve_cmd = app.add_subcommand("serve", "Serve the API and web app");
    serve_cmd->footer(config_help());
    serve_cmd->add_flag("--demo-data", o.demo_data,
                        "Load the demo organisation when the database has no users");
    serve_cmd->add_option("--seed", o.seed, "Seed of the demo organisation");
    serve_cmd->callback(serve);

    app.add_subcommand("migrate", "Apply pending database migrations")->callback(migrate);

    auto* demo_cmd = app.add_subcommand("demo-data", "Load the demo organisation (empty database)");
    demo_cmd->add_option("--seed", o.seed, "Seed (the same seed gives the same data)");
    demo_cmd->callback(demo_data);

    auto* user = app.add_subcommand("user", "Manage users");
    user->require_subcommand(1);
    auto* create = user->add_subcommand("create", "Create a user");
    create->add_option("--email", o.email)->required();
    create->add_option("--name", o.name)->required();
    create->add_option("--role", o.role, "ADMIN, MANAGER, TEAM_LEADER or AGENT")->required();
    auto* pw = create->add_option("--password", o.password);
    create->add_flag("--password-stdin", o.password_stdin, "Read the password from stdin")
        ->excludes(pw);
    create->callback(user_create);
    auto* setpw = user->add_subcommand("set-password", "Set a user's password");
    setpw->add_option("--email", o.email)->required();
    auto* pw2 = setpw->add_option("--password", o.password);
    setpw->add_flag("--password-stdin", o.password_stdin, "Read the password from stdin")
        ->excludes(pw2);
    setpw->callback(user_set_password);

    app.add_subcommand("openapi", "Print the API description (OpenAPI 3.1) and exit")
        ->callback(print_openapi);

    add_jobs_command(app);
    add_import_command(app);
}

int exit_code() {
    return g_exit;
}

}  // namespace coach::cli
