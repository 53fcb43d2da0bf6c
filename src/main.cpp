// coach <serve|migrate|user|demo-data>: the command line.
#include "cli/commands.hpp"

#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
    CLI::App app{"Coach: coaching and performance management for contact centers"};
    app.require_subcommand(1);
    coach::cli::add_commands(app);
    CLI11_PARSE(app, argc, argv);
    return coach::cli::exit_code();
}
