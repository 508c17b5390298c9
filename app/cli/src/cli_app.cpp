#include "cli_app.h"

#include <CLI/CLI.hpp>
#include <iostream>

#include "command_context.h"
#include "commands.h"
#include "sbx/common/version.h"

namespace sbx::cli {

int run(int argc, char** argv) {
    CLI::App app{"sbx: the Signalbox command line (broker, benchmarks, contracts, workspaces)",
                 "sbx"};
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string("sbx ") + kVersion);

    CommandContext context{std::cout, std::cerr};
    addVersionCommand(app, context);
    addWorkspaceCommand(app, context);
    addBrokerCommand(app, context);
    addBenchCommand(app, context);
    addWatchCommand(app, context);

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        return app.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return app.exit(help);
    } catch (const CLI::Success& success) {
        return app.exit(success);
    } catch (const CLI::ParseError& error) {
        app.exit(error);
        return kExitUsage;
    }
    return context.exitCode;
}

}  // namespace sbx::cli
