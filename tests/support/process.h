#pragma once

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace sbx::test {

struct ProcessResult {
    int exitCode = -1;  // -1 when killed by a signal or timed out
    bool timedOut = false;
    std::string out;
    std::string err;
};

struct ProcessOptions {
    std::map<std::string, std::string> env;  // added to (or replacing in) the environment
    std::chrono::milliseconds timeout{std::chrono::seconds(60)};
    std::string workingDirectory;
};

// Runs a program to completion, capturing stdout and stderr; kills it after the timeout.
ProcessResult runProcess(const std::vector<std::string>& argv, const ProcessOptions& options = {});

}  // namespace sbx::test
