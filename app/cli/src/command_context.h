#pragma once

#include <iosfwd>
#include <string>

#include "sbx/common/error.h"

namespace sbx::cli {

// What a subcommand may touch: its output streams and its exit code. Passing this
// explicitly keeps commands free of globals and testable with string streams.
struct CommandContext {
    std::ostream& out;
    std::ostream& err;
    int exitCode = 0;

    void fail(const Error& error);
    void fail(const std::string& message);
};

}  // namespace sbx::cli
