#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "sbx/broker/message.h"

namespace sbx::broker {

// How one delivery of a message to one client looks on the wire.
struct PublishParams {
    std::uint8_t qos = 0;
    bool retain = false;
    bool dup = false;
    std::uint16_t packetId = 0;
    const std::vector<std::uint32_t>* subscriptionIds = nullptr;
};

enum class SendResult { Sent, TooLarge, Backlogged, Closed };

// The connection side a session writes to while its client is online. Thread-safe:
// sessions call it from whichever thread routed the message.
class SessionLink {
public:
    virtual ~SessionLink() = default;
    // `droppable` (QoS 0) messages are refused with Backlogged when the client reads
    // too slowly, so one slow subscriber cannot grow the broker's memory.
    virtual SendResult sendPublish(const Message& message, const PublishParams& params,
                                   bool droppable) = 0;
    virtual void sendPubrel(std::uint16_t packetId) = 0;
    // How many unacknowledged QoS>0 messages the client accepts (its Receive Maximum,
    // capped by ours).
    [[nodiscard]] virtual std::uint16_t sendWindow() const = 0;
    // Ends the connection (v5: DISCONNECT with `reason`, e.g. 0x8E session taken over).
    virtual void disconnect(std::uint8_t reason) = 0;
};

}  // namespace sbx::broker
