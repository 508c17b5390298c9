#include "broker_child.h"

namespace sbx::test {

namespace {

// "listening <protocol> 127.0.0.1:PORT" -> PORT, or 0 when the line never came.
std::uint16_t listeningPort(ChildProcess& process, const std::string& protocol) {
    const auto line =
        process.readLineContaining("listening " + protocol + " ", std::chrono::seconds(20));
    const auto colon = line.rfind(':');
    if (colon == std::string::npos) {
        return 0;
    }
    return static_cast<std::uint16_t>(std::stoi(line.substr(colon + 1)));
}

}  // namespace

SbxBroker::SbxBroker(const std::string& sbxPath)
    : process({sbxPath, "broker", "--mqtt-port", "0", "--sys-interval", "0"}) {
    port = listeningPort(process, "mqtt");
}

SbxAmqpBroker::SbxAmqpBroker(const std::string& sbxPath)
    : process({sbxPath, "broker", "--mqtt-port", "0", "--amqp-port", "0", "--sys-interval", "0"}) {
    port = listeningPort(process, "amqp");
}

}  // namespace sbx::test
