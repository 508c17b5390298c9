#include "child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>

namespace sbx::test {

ChildProcess::ChildProcess(const std::vector<std::string>& argv) {
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC) != 0) {
        throw std::runtime_error("pipe failed");
    }
    pid_ = ::fork();
    if (pid_ < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid_ == 0) {
        ::dup2(pipeFds[1], STDOUT_FILENO);
        std::vector<char*> args;
        for (const auto& arg : argv) {
            args.push_back(const_cast<char*>(arg.c_str()));
        }
        args.push_back(nullptr);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    ::close(pipeFds[1]);
    stdoutFd_ = pipeFds[0];
}

ChildProcess::~ChildProcess() {
    if (pid_ > 0) {
        terminate();
    }
    if (stdoutFd_ >= 0) {
        ::close(stdoutFd_);
    }
}

bool ChildProcess::waitForLines(std::size_t count, std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (lines_.size() < count) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !readSome(static_cast<int>(left.count()))) {
            return lines_.size() >= count;
        }
    }
    return true;
}

std::string ChildProcess::readLineContaining(const std::string& text,
                                             std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        while (nextSearched_ < lines_.size()) {
            const auto& line = lines_[nextSearched_++];
            if (line.find(text) != std::string::npos) {
                return line;
            }
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0 || !readSome(static_cast<int>(left.count()))) {
            return "";
        }
    }
}

void ChildProcess::kill() {
    if (pid_ <= 0) {
        return;
    }
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    drain();
}

int ChildProcess::terminate() {
    if (pid_ <= 0) {
        return -1;
    }
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    drain();
    return status;
}

void ChildProcess::drain() {
    // The pipe keeps what the child wrote before it ended; read to end of file.
    while (!ended_ && readSome(1000)) {
    }
}

bool ChildProcess::readSome(int timeoutMillis) {
    if (ended_) {
        return false;
    }
    pollfd poller{stdoutFd_, POLLIN, 0};
    const int ready = ::poll(&poller, 1, timeoutMillis);
    if (ready < 0) {
        return errno == EINTR;
    }
    if (ready == 0) {
        return true;  // nothing yet; the caller checks its deadline
    }
    char buffer[65536];
    const auto n = ::read(stdoutFd_, buffer, sizeof buffer);
    if (n > 0) {
        partial_.append(buffer, static_cast<std::size_t>(n));
        splitLines();
        return true;
    }
    if (n < 0 && errno == EINTR) {
        return true;
    }
    ended_ = true;
    return false;
}

void ChildProcess::splitLines() {
    std::size_t start = 0;
    for (auto end = partial_.find('\n'); end != std::string::npos;
         end = partial_.find('\n', start)) {
        lines_.push_back(partial_.substr(start, end - start));
        start = end + 1;
    }
    // A line cut off by a kill is not complete: keep it unfinished.
    partial_.erase(0, start);
}

}  // namespace sbx::test
