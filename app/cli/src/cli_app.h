#pragma once

namespace sbx::cli {

// Exit codes every sbx subcommand keeps, so scripts can rely on them.
enum ExitCode : int { kExitOk = 0, kExitFailure = 1, kExitUsage = 2 };

// Parses the command line, runs the chosen subcommand and returns the exit code.
int run(int argc, char** argv);

}  // namespace sbx::cli
