#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "sbx/observe/broker_snapshot.h"

namespace sbx::rabbitmq {

// The management API's answers that one snapshot is made of (each a JSON array, except
// overview; nodes may be null when the user lacks the 'monitoring' tag).
struct ManagementAnswers {
    nlohmann::json overview;
    nlohmann::json nodes;
    nlohmann::json vhosts;
    nlohmann::json exchanges;
    nlohmann::json queues;
    nlohmann::json bindings;
    nlohmann::json connections;
    nlohmann::json channels;
    nlohmann::json consumers;
};

// The `columns` each list asks for, so a broker with thousands of queues answers with
// what the snapshot uses and nothing else (no backing_queue_status, garbage_collection...).
extern const char* const kQueueColumns;
extern const char* const kExchangeColumns;
extern const char* const kConnectionColumns;
extern const char* const kChannelColumns;

// RabbitMQ's objects in the observe model: queues (streams as kind Stream) and exchanges
// with their counters and RabbitMQ's own rates, bindings, connections with their
// consumers; dead-letter exchanges from arguments or policies, and the queues that
// receive their dead letters marked `deadLetters`.
[[nodiscard]] observe::BrokerSnapshot mapSnapshot(const ManagementAnswers& answers,
                                                  const std::string& sourceName);

// Queue or exchange arguments as fields ("x-message-ttl" = "100").
[[nodiscard]] std::vector<observe::Field> jsonFields(const nlohmann::json& object);
// A JSON value as people read it (strings without quotes).
[[nodiscard]] std::string jsonText(const nlohmann::json& value);

}  // namespace sbx::rabbitmq
