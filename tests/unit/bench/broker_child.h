#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace sbx::test {

// A broker running as a child process for the length of a test, stopped with SIGTERM.
class BrokerChild {
public:
    // Starts `argv`; its stdout is readable with readLineContaining().
    explicit BrokerChild(const std::vector<std::string>& argv);
    ~BrokerChild();
    BrokerChild(const BrokerChild&) = delete;
    BrokerChild& operator=(const BrokerChild&) = delete;

    // The first stdout line containing `text`, or "" at end of output or timeout.
    std::string readLineContaining(const std::string& text, std::chrono::milliseconds timeout);

private:
    pid_t pid_ = -1;
    int stdout_ = -1;
    std::string buffered_;
};

// `sbx broker --mqtt-port 0`, and the port it reports listening on (0 if it did not).
struct SbxBroker {
    BrokerChild process;
    std::uint16_t port = 0;
    explicit SbxBroker(const std::string& sbxPath);
};

}  // namespace sbx::test
