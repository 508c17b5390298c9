#include <CLI/CLI.hpp>
#include <ostream>

#include "command_context.h"
#include "commands.h"
#include "sbx/common/version.h"

namespace sbx::cli {

void addVersionCommand(CLI::App& app, CommandContext& context) {
    auto* command = app.add_subcommand("version", "Print the version of sbx and exit");
    command->callback([&context] { context.out << "sbx " << kVersion << '\n'; });
}

}  // namespace sbx::cli
