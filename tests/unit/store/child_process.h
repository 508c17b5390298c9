#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace sbx::store::test {

// A child process whose stdout the test reads line by line while it runs, and which the
// test can kill -9 at a moment of its choosing (sbx::test::runProcess only runs to the
// end). stderr is inherited, so the child's complaints land in the test log.
class ChildProcess {
public:
    explicit ChildProcess(const std::vector<std::string>& argv);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Reads until at least `count` complete lines arrived; false on timeout or if the
    // child closed stdout (exited) first.
    bool waitForLines(std::size_t count, std::chrono::milliseconds timeout);

    // SIGKILL, reap, then collect whatever the child wrote before it died.
    void kill();

    [[nodiscard]] const std::vector<std::string>& lines() const { return lines_; }

private:
    bool readSome(int timeoutMillis);
    void splitLines();

    pid_t pid_ = -1;
    int stdoutFd_ = -1;
    std::string partial_;
    std::vector<std::string> lines_;
};

}  // namespace sbx::store::test
