#include "command_context.h"

#include <ostream>

#include "cli_app.h"

namespace sbx::cli {

void CommandContext::fail(const Error& error) {
    fail(error.describe());
}

void CommandContext::fail(const std::string& message) {
    err << "sbx: error: " << message << '\n';
    exitCode = kExitFailure;
}

}  // namespace sbx::cli
