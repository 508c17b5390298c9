#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstddef>
#include <string>
#include <vector>

namespace sbx::test {

// A child process that runs while the test goes on (sbx::test::runProcess only runs one
// to the end): the test reads its stdout line by line, and ends it with SIGTERM
// (terminate) or kill -9 (kill) at a moment of its choosing. stderr is inherited, so the
// child's complaints land in the test log. The destructor terminates a child still running.
class ChildProcess {
public:
    explicit ChildProcess(const std::vector<std::string>& argv);
    ~ChildProcess();
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;

    // Reads until at least `count` complete lines arrived; false on timeout or if the
    // child closed stdout (exited) first.
    bool waitForLines(std::size_t count, std::chrono::milliseconds timeout);
    // The next line (after those already returned here) that contains `text`, or "" at
    // the end of the output or on timeout.
    std::string readLineContaining(const std::string& text, std::chrono::milliseconds timeout);

    // SIGKILL, reap, then collect whatever the child wrote before it died.
    void kill();
    // SIGTERM and reap; returns the exit status as waitpid gives it.
    int terminate();

    [[nodiscard]] const std::vector<std::string>& lines() const { return lines_; }

private:
    bool readSome(int timeoutMillis);
    void splitLines();
    void drain();

    pid_t pid_ = -1;
    int stdoutFd_ = -1;
    bool ended_ = false;  // stdout reached end of file
    std::string partial_;
    std::vector<std::string> lines_;
    std::size_t nextSearched_ = 0;
};

}  // namespace sbx::test
