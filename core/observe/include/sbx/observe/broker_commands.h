#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sbx/observe/broker_snapshot.h"

namespace sbx::observe {

// Publish one message. AMQP: to `exchange` in `vhost` with `routingKey`. MQTT: set
// `protocol` to "mqtt" and `routingKey` to the topic; `qos` and `retain` apply.
// Properties and headers use the names of ObservedMessage, so a browsed message can be
// published again as it was.
struct PublishRequest {
    std::string protocol = "amqp";
    std::string vhost = "/";
    std::string exchange;
    std::string routingKey;
    std::string payload;
    std::vector<Field> properties;
    std::vector<Field> headers;
    std::uint8_t qos = 0;
    bool retain = false;
};

// Read up to `maxCount` messages without consuming them. Queues: from the head. Streams:
// from `streamOffset` ("first", "last", "next", a number, or an ISO 8601 / epoch-ms
// time), default "first". Topics: the retained message, if any.
struct PeekRequest {
    std::string destinationId;
    std::size_t maxCount = 100;
    std::string streamOffset;
    // The user agreed to a peek that takes messages and puts them back (RabbitMQ classic
    // and quorum queues only offer get-and-requeue: order changes, messages are marked
    // redelivered). Without it such sources refuse with the reason.
    bool allowRequeue = false;
};

// Declare an exchange or a queue (kind Exchange / Queue / Stream).
struct DeclareRequest {
    DestinationKind kind = DestinationKind::Queue;
    std::string vhost = "/";
    std::string name;
    std::string type;  // exchange type; ignored for queues
    bool durable = true;
    bool autoDelete = false;
    std::vector<Field> arguments;  // values are parsed: numbers become integers
};

struct BindRequest {
    std::string vhost = "/";
    std::string source;         // exchange
    std::string destinationId;  // queue or exchange id
    std::string routingKey;
    std::vector<Field> arguments;
};

// Move messages from a (dead-letter) queue back to where they came from (the exchange
// and routing keys of their newest x-death entry), or to `target` (a destination id)
// when given. Each batch is published before it is removed from the source, with
// confirms, so an interruption duplicates nothing and loses nothing: a message is either
// still in the source or already in its destination.
struct RedriveRequest {
    std::string sourceId;
    std::optional<std::string> targetId;
    std::size_t maxCount = SIZE_MAX;  // all
    std::size_t batchSize = 100;
};

struct RedriveResult {
    std::uint64_t moved = 0;
    std::uint64_t remaining = 0;  // left in the source (new arrivals, or stopped early)
};

}  // namespace sbx::observe
