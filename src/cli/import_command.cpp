#include "cli/import_command.hpp"

#include "app/time_zone_watch.hpp"

#include "cli/database.hpp"
#include "cli/sql.hpp"
#include "core/log.hpp"
#include "db/columns.hpp"
#include "imports/importer.hpp"
#include "jobs/derived.hpp"

#include <fmt/format.h>
#include <spdlog/spdlog.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <boost/json.hpp>

#include <filesystem>
#include <iostream>

namespace coach::cli {
namespace {

constexpr int kFailed = 1, kUsage = 2, kPartial = 3, kRefused = 4;

struct ImportCliOptions {
    std::string file, type = "METRICS", mode = "strict", as, sheet;
    bool dry_run = false, force = false;
};

ImportCliOptions& import_options() {
    static ImportCliOptions o;
    return o;
}

[[noreturn]] void exit_with(int code) {
    throw CLI::RuntimeError(code);
}

void run() {
    auto c = config_from_env();
    init_logging(c.config.log_level);
    if (!c.error.empty()) {
        spdlog::error("{}", c.error);
        exit_with(kUsage);
    }
    const Config& config = c.config;
    const ImportCliOptions& o = import_options();
    std::error_code ec;
    if (!std::filesystem::is_regular_file(o.file, ec)) {
        spdlog::error("{}: no such file", o.file);
        exit_with(kUsage);
    }
    auto database = open_database(config);
    if (!database) {
        spdlog::error("{}", database.error().message);
        exit_with(kFailed);
    }
    if (auto m = migrate_database(database->url); !m) {
        spdlog::error("{}", m.error().message);
        exit_with(kFailed);
    }
    auto conn = db::SyncConnection::open(database->url);
    if (!conn) {
        spdlog::error("{}", conn.error().message);
        exit_with(kFailed);
    }
    auto who = o.as.empty() ? conn->exec(sql::first_admin)
                            : conn->exec(sql::importer_by_email, db::params(o.as));
    if (!who) {
        spdlog::error("{}", who.error().message);
        exit_with(kFailed);
    }
    if (who->empty()) {
        spdlog::error(o.as.empty() ? "no ADMIN user: create one with `coach user create`"
                                   : "--as: no ADMIN or MANAGER has this email");
        exit_with(kUsage);
    }

    imports::ImportOptions options;
    options.import_type = o.type;
    options.mode = o.mode == "partial" ? imports::Mode::Partial : imports::Mode::Strict;
    options.dry_run = o.dry_run;
    options.force = o.force;
    options.file_name = std::filesystem::path(o.file).filename().string();
    if (!o.sheet.empty())
        options.sheet = o.sheet;
    options.actor = {
        std::string(who->get(0, db::column(*who, "id"))),
        auth::parse_role(who->get(0, db::column(*who, "role"))).value_or(auth::Role::Admin), "",
        "coach-cli", ""};
    options.data_dir = config.data_dir;
    OrgTimeZone zone;
    if (auto z = resolve_time_zone(*conn, config.timezone, zone); !z) {
        spdlog::error("{}", z.error().message);
        exit_with(kFailed);
    }
    options.time_zone = zone.name();
    const bool tty = isatty(STDERR_FILENO) == 1;
    const auto file_size = std::filesystem::file_size(o.file, ec);
    if (tty) {
        options.progress_interval = std::chrono::milliseconds(200);
        options.on_progress = [file_size](long rows, std::size_t bytes) {
            double share = file_size ? std::min(1.0, double(bytes) / double(file_size)) : 0;
            int filled = static_cast<int>(share * 30);
            std::cerr << fmt::format("\r[{}{}] {:3.0f}%  {} rows", std::string(filled, '#'),
                                     std::string(30 - filled, ' '), share * 100, rows)
                      << std::flush;
        };
    }
    auto id = imports::run_import(database->url, options, imports::Upload{{}, o.file});
    if (tty)
        std::cerr << "\n";
    if (!id) {
        spdlog::error("{}", id.error().message);
        exit_with(id.error().code == ErrorCode::Conflict ? kRefused
                  : id.error().code == ErrorCode::ValidationFailed ||
                          id.error().code == ErrorCode::Forbidden
                      ? kUsage
                      : kFailed);
    }
    // What the import queued (percentiles, history annotations; 0031) is current when the
    // command returns, whether a server runs or not; else a server's drainer or the nightly
    // jobs refresh it.
    auto drain = db::SyncConnection::open(database->url, zone.name());
    auto drained = drain ? jobs::drain_derived(*drain) : Result<jobs::DrainOutcome>(drain.error());
    if (!drained)
        spdlog::warn("percentiles and history annotations not refreshed: {}",
                     drained.error().message);
    auto r = conn->exec(sql::import_report, db::params(*id));
    if (!r || r->empty()) {
        spdlog::error("import {}: its log cannot be read", *id);
        exit_with(kFailed);
    }
    std::string status(r->get(0, db::column(*r, "status")));
    std::cout << fmt::format("import {}: {}{}\n{}\n", *id, status, o.dry_run ? " (dry run)" : "",
                             r->get(0, db::column(*r, "error_summary")));
    auto details = boost::json::parse(r->get(0, db::column(*r, "error_details"))).as_array();
    std::size_t shown = 0;
    for (const auto& d : details) {
        if (++shown > 20) {
            std::cerr << fmt::format("... {} more errors (GET /api/v1/imports/{})\n",
                                     details.size() - 20, *id);
            break;
        }
        const auto& e = d.as_object();
        std::string column =
            e.at("column").is_string() ? std::string(e.at("column").as_string()) : std::string();
        std::cerr << fmt::format("row {}{}: {}{}\n", e.at("row").as_int64(),
                                 column.empty() ? "" : ", " + column,
                                 e.at("value").as_string().empty()
                                     ? ""
                                     : "\"" + std::string(e.at("value").as_string()) + "\" ",
                                 std::string(e.at("error").as_string()));
    }
    if (status == "FAILED")
        exit_with(kFailed);
    if (status == "PARTIAL_SUCCESS")
        exit_with(kPartial);
}

}  // namespace

void add_import_command(CLI::App& app) {
    ImportCliOptions& o = import_options();
    auto* cmd = app.add_subcommand(
        "import",
        "Import a CSV or XLSX file (metrics, users, coaching history, profiles) like the API does");
    cmd->add_option("FILE", o.file, "The file to import")->required();
    cmd->add_option("--type", o.type, "METRICS, USERS (ADMIN only), COACHING_HISTORY or PROFILES")
        ->check(CLI::IsMember({"METRICS", "USERS", "COACHING_HISTORY", "PROFILES"}));
    cmd->add_option("--mode", o.mode, "strict: any error loads nothing; partial: valid rows load")
        ->check(CLI::IsMember({"strict", "partial"}));
    cmd->add_flag("--dry-run", o.dry_run, "Check and report only; store nothing");
    cmd->add_flag("--force", o.force, "Import a file that was imported already");
    cmd->add_option("--as", o.as, "Email of the ADMIN or MANAGER importing (default: first ADMIN)");
    cmd->add_option("--sheet", o.sheet, "XLSX: the sheet to read (default: the first)");
    cmd->callback(run);
}

}  // namespace coach::cli
