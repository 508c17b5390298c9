#include "broker_child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>

namespace sbx::test {

BrokerChild::BrokerChild(const std::vector<std::string>& argv) {
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
    stdout_ = pipeFds[0];
}

BrokerChild::~BrokerChild() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
    if (stdout_ >= 0) {
        ::close(stdout_);
    }
}

std::string BrokerChild::readLineContaining(const std::string& text,
                                            std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        for (auto end = buffered_.find('\n'); end != std::string::npos;
             end = buffered_.find('\n')) {
            auto line = buffered_.substr(0, end);
            buffered_.erase(0, end + 1);
            if (line.find(text) != std::string::npos) {
                return line;
            }
        }
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        pollfd fd{stdout_, POLLIN, 0};
        if (left.count() <= 0 || ::poll(&fd, 1, static_cast<int>(left.count())) <= 0) {
            return "";
        }
        char chunk[4096];
        const auto n = ::read(stdout_, chunk, sizeof chunk);
        if (n <= 0) {
            return "";
        }
        buffered_.append(chunk, static_cast<std::size_t>(n));
    }
}

SbxBroker::SbxBroker(const std::string& sbxPath)
    : process({sbxPath, "broker", "--mqtt-port", "0", "--sys-interval", "0"}) {
    const auto line = process.readLineContaining("listening mqtt ", std::chrono::seconds(20));
    const auto colon = line.rfind(':');
    if (colon != std::string::npos) {
        port = static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
    }
}

}  // namespace sbx::test
