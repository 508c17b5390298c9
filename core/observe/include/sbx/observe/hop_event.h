#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace sbx::observe {

// What happened to a message at one hop of its way through a broker.
enum class HopKind : std::uint8_t {
    Published,     // a client handed it to the broker
    Routed,        // matched `count` subscribers / queues
    Delivered,     // sent to a consumer
    Acked,         // the consumer acknowledged it
    Dropped,       // discarded by a limit (queue full, packet too large, ...)
    Expired,       // its expiry passed before delivery
    Nacked,        // the consumer rejected it (basic.nack / basic.reject) without requeue
    Requeued,      // put back into its queue (nack/reject with requeue, consumer gone)
    DeadLettered,  // republished to a dead-letter exchange; `detail` says why
    Returned,      // unroutable mandatory message returned to its publisher
};

// The identities a message carries, so a trace can be found by what users know.
struct MessageIds {
    std::string messageId;        // AMQP message-id property
    std::string correlationId;    // AMQP correlation-id, or MQTT 5 correlation data as text
    std::string traceparent;      // W3C trace context (AMQP header / MQTT user property)
    std::string correlationData;  // MQTT 5 correlation data, hex when not printable
    friend bool operator==(const MessageIds&, const MessageIds&) = default;
};

[[nodiscard]] std::string_view toString(HopKind kind);

struct HopEvent {
    std::chrono::system_clock::time_point time;
    HopKind kind = HopKind::Published;
    std::uint64_t messageId = 0;  // the broker's own id, the same at every hop
    std::string protocol;         // "mqtt", "amqp"
    std::string clientId;         // publisher or consumer
    std::string destination;      // topic, exchange or queue
    std::uint32_t count = 0;      // Routed: subscribers reached
    std::string detail;           // why it was dropped, ...
    std::string vhost;            // AMQP
    std::string routingKey;       // AMQP routing key or MQTT topic
    MessageIds ids;               // set on Published (and DeadLettered); later hops share messageId
    // DeadLettered: the dead-letter exchange (`routingKey` is then the dead-letter routing
    // key and `destination` the queue the message left) and the broker id the dead letter
    // carries from here on (its hops in the dead-letter queue use that id; a dead letter's
    // first hop, Routed, points back here with the same field).
    std::string target;
    std::uint64_t linkedMessageId = 0;
};

}  // namespace sbx::observe
