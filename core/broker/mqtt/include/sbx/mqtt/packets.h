#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sbx/mqtt/properties.h"
#include "sbx/mqtt/reason_code.h"

namespace sbx::mqtt {

enum class ProtocolVersion : std::uint8_t { V311 = 4, V5 = 5 };

enum class PacketType : std::uint8_t {
    Connect = 1,
    Connack = 2,
    Publish = 3,
    Puback = 4,
    Pubrec = 5,
    Pubrel = 6,
    Pubcomp = 7,
    Subscribe = 8,
    Suback = 9,
    Unsubscribe = 10,
    Unsuback = 11,
    Pingreq = 12,
    Pingresp = 13,
    Disconnect = 14,
    Auth = 15,
};

struct Will {
    std::string topic;
    std::string payload;
    std::uint8_t qos = 0;
    bool retain = false;
    Properties properties;  // v5 will properties
    bool operator==(const Will&) const = default;
};

struct Connect {
    ProtocolVersion version = ProtocolVersion::V5;
    bool cleanStart = true;  // "clean session" in 3.1.1
    std::uint16_t keepAlive = 0;
    std::string clientId;
    std::optional<Will> will;
    std::optional<std::string> username;
    std::optional<std::string> password;  // bytes
    Properties properties;
    bool operator==(const Connect&) const = default;
};

struct Connack {
    bool sessionPresent = false;
    std::uint8_t reasonCode = 0;  // v5 ReasonCode, or 3.1.1 ConnectReturnCode311
    Properties properties;
    bool operator==(const Connack&) const = default;
};

struct Publish {
    std::string topic;  // may be empty in v5 when a topic alias is set
    std::string payload;
    std::uint8_t qos = 0;
    bool retain = false;
    bool dup = false;
    std::uint16_t packetId = 0;  // only for QoS 1 and 2
    Properties properties;
    bool operator==(const Publish&) const = default;
};

// PUBACK, PUBREC, PUBREL and PUBCOMP share one shape.
struct PublishResponse {
    PacketType type = PacketType::Puback;
    std::uint16_t packetId = 0;
    std::uint8_t reasonCode = 0;
    Properties properties;
    bool operator==(const PublishResponse&) const = default;
};

struct SubscribeEntry {
    std::string filter;
    std::uint8_t maxQos = 0;
    bool noLocal = false;
    bool retainAsPublished = false;
    std::uint8_t retainHandling = 0;
    bool operator==(const SubscribeEntry&) const = default;
};

struct Subscribe {
    std::uint16_t packetId = 0;
    std::vector<SubscribeEntry> entries;
    Properties properties;
    bool operator==(const Subscribe&) const = default;
};

struct Suback {
    std::uint16_t packetId = 0;
    std::vector<std::uint8_t> reasonCodes;  // granted QoS or failure (0x80 in 3.1.1)
    Properties properties;
    bool operator==(const Suback&) const = default;
};

struct Unsubscribe {
    std::uint16_t packetId = 0;
    std::vector<std::string> filters;
    Properties properties;
    bool operator==(const Unsubscribe&) const = default;
};

struct Unsuback {
    std::uint16_t packetId = 0;
    std::vector<std::uint8_t> reasonCodes;  // v5 only; empty for 3.1.1
    Properties properties;
    bool operator==(const Unsuback&) const = default;
};

struct Pingreq {
    bool operator==(const Pingreq&) const = default;
};
struct Pingresp {
    bool operator==(const Pingresp&) const = default;
};

struct Disconnect {
    std::uint8_t reasonCode = 0;
    Properties properties;
    bool operator==(const Disconnect&) const = default;
};

struct Auth {
    std::uint8_t reasonCode = 0;
    Properties properties;
    bool operator==(const Auth&) const = default;
};

using Packet = std::variant<Connect, Connack, Publish, PublishResponse, Subscribe, Suback,
                            Unsubscribe, Unsuback, Pingreq, Pingresp, Disconnect, Auth>;

[[nodiscard]] PacketType packetTypeOf(const Packet& packet);

}  // namespace sbx::mqtt
