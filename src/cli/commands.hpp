#pragma once
// Subcommands of the `coach` binary. Each runs when CLI11 parses it and stores its exit code.
#include <CLI/App.hpp>

namespace coach::cli {

void add_commands(CLI::App& app);
int exit_code();

}  // namespace coach::cli
