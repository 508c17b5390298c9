#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "sbx/observe/broker_snapshot.h"

namespace sbx::observe {

// One entry of a message's x-death history, as RabbitMQ writes it.
struct DeathRecord {
    std::string queue;
    std::string reason;  // rejected, expired, maxlen, delivery_limit
    std::uint64_t count = 0;
    std::chrono::system_clock::time_point time{};
    std::string exchange;
    std::vector<std::string> routingKeys;
};

// A message as a browser shows it: taken from a queue without consuming it, read from a
// stream, or seen on a topic. Protocol-neutral: AMQP properties and MQTT 5 properties
// both land in `properties` under their spec names (content-type, correlation-id,
// message-id, reply-to, expiration, delivery-mode, priority, timestamp, type, user-id,
// app-id; qos, retain, response-topic, correlation-data, payload-format-indicator,
// message-expiry-interval, content-type); AMQP headers and MQTT 5 user properties land
// in `headers`.
struct ObservedMessage {
    std::string destinationId;   // where it was read
    std::uint64_t position = 0;  // stream offset, or index in the queue at peek time
    std::string exchange;        // AMQP: the exchange it was published to
    std::string routingKey;      // AMQP routing key, or the MQTT topic
    std::string payload;         // raw bytes
    std::vector<Field> properties;
    std::vector<Field> headers;
    bool redelivered = false;
    std::chrono::system_clock::time_point time{};  // when the broker received it
    std::vector<DeathRecord> deaths;               // newest first, like x-death
};

}  // namespace sbx::observe
