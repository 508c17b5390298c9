#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "child_process.h"

namespace sbx::test {

// `sbx broker --mqtt-port 0` as a child process, and the port it reports listening on
// (0 if it did not).
struct SbxBroker {
    ChildProcess process;
    std::uint16_t port = 0;
    explicit SbxBroker(const std::string& sbxPath);
};

// `sbx broker --amqp-port 0` (MQTT on a free port too) and its AMQP port (0 if none).
struct SbxAmqpBroker {
    ChildProcess process;
    std::uint16_t port = 0;
    explicit SbxAmqpBroker(const std::string& sbxPath);
};

}  // namespace sbx::test
