#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "sbx/broker/message.h"
#include "sbx/mqtt/packets.h"
#include "session_link.h"

namespace sbx::broker {

// How the topic appears on the wire for one delivery: the name, an alias that also
// carries the name (first use), or an alias alone.
struct TopicOnWire {
    bool sendName = true;
    std::optional<std::uint16_t> alias;
};

// Writes a PUBLISH straight from a routed Message, without building an mqtt::Publish
// (which would copy the payload once per subscriber). Message expiry is written as the
// time left (MQTT 5 §3.3.2.3.3).
void encodeOutboundPublish(const Message& message, const PublishParams& params,
                           mqtt::ProtocolVersion version, const TopicOnWire& topic,
                           std::chrono::system_clock::time_point now,
                           std::vector<std::uint8_t>& out);

// Exact size of that packet, for the client's Maximum Packet Size.
[[nodiscard]] std::size_t outboundPublishSize(const Message& message, const PublishParams& params,
                                              mqtt::ProtocolVersion version,
                                              const TopicOnWire& topic,
                                              std::chrono::system_clock::time_point now);

}  // namespace sbx::broker
