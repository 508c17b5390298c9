#pragma once

namespace CLI {
class App;
}

namespace sbx::cli {

struct CommandContext;

// One function per top-level subcommand; each adds itself to the app.
void addVersionCommand(CLI::App& app, CommandContext& context);
void addWorkspaceCommand(CLI::App& app, CommandContext& context);
void addBrokerCommand(CLI::App& app, CommandContext& context);
void addBenchCommand(CLI::App& app, CommandContext& context);
void addWatchCommand(CLI::App& app, CommandContext& context);

}  // namespace sbx::cli
