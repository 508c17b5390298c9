#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "sbx/common/result.h"
#include "sbx/mqtt/packets.h"

namespace sbx::bench {

// PerPublisher: publisher i publishes on "sbx/bench/<i>" and the publishers are shared
// out among the subscribers (each message reaches one subscriber when there are at
// least as many publishers). Fanout: one topic, and every subscriber gets every message.
enum class TopicMode { PerPublisher, Fanout };

struct MqttBenchmarkOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 1883;
    mqtt::ProtocolVersion version = mqtt::ProtocolVersion::V5;
    std::uint32_t publishers = 1;
    std::uint32_t subscribers = 1;
    std::uint8_t qos = 0;
    std::size_t payloadSize = 100;  // bytes, at least the 16-byte stamp
    TopicMode topics = TopicMode::PerPublisher;
    double ratePerPublisher = 0;  // messages per second; 0 publishes flat out
    double durationSeconds = 5;   // measured, after the warm-up
    double warmupSeconds = 1;     // published but not measured
    unsigned threads = 0;         // I/O threads; 0 uses one per core
    std::uint16_t inflight = 64;  // unacknowledged QoS 1/2 messages per publisher
    double drainSeconds = 5;      // how long to wait for stragglers at the end
    double connectTimeoutSeconds = 10;
};

// Refuses options that cannot run, saying which and why.
[[nodiscard]] Status validate(const MqttBenchmarkOptions& options);

[[nodiscard]] std::string versionName(mqtt::ProtocolVersion version);  // "3.1.1" or "5"

}  // namespace sbx::bench
