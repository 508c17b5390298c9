#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace sbx::observe {

// What happened to a message at one hop of its way through a broker.
enum class HopKind : std::uint8_t {
    Published,  // a client handed it to the broker
    Routed,     // matched `count` subscribers / queues
    Delivered,  // sent to a consumer
    Acked,      // the consumer acknowledged it
    Dropped,    // discarded by a limit (queue full, packet too large, ...)
    Expired,    // its expiry passed before delivery
};

[[nodiscard]] std::string_view toString(HopKind kind);

struct HopEvent {
    std::chrono::system_clock::time_point time;
    HopKind kind = HopKind::Published;
    std::uint64_t messageId = 0;
    std::string protocol;     // "mqtt", "amqp"
    std::string clientId;     // publisher or consumer
    std::string destination;  // topic, exchange or queue
    std::uint32_t count = 0;  // Routed: subscribers reached
    std::string detail;       // why it was dropped, ...
};

}  // namespace sbx::observe
