#pragma once

#include <cstdint>

namespace sbx::broker {

class BrokerContext;

// Publishes broker statistics under $SYS/broker/... as retained messages, with the
// names mosquitto uses, so existing MQTT tools can watch our broker.
class SysTopics {
public:
    explicit SysTopics(BrokerContext& context) : context_(context) {}
    void publish(std::uint32_t intervalSeconds);

private:
    BrokerContext& context_;
    std::uint64_t lastReceived_ = 0;
    std::uint64_t lastSent_ = 0;
    double receivedPerMinute_ = 0;
    double sentPerMinute_ = 0;
};

}  // namespace sbx::broker
