#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/amqp/binding.h"
#include "sbx/broker/amqp/exchange.h"
#include "sbx/broker/amqp/exchange_declare.h"
#include "sbx/broker/amqp/queue.h"
#include "sbx/broker/amqp/queue_declare.h"

namespace sbx::broker {

// How AMQP entities sit in the DurableStore. Records (namespace, key -> value) hold the
// topology, one per durable exchange, queue and binding; each value carries its vhost
// and name, so keys only need to be unique. A durable queue's persistent messages are a
// store message queue keyed by message id (ids grow in publish order), and the ones
// delivered at least once get an empty entry with the same id in a second queue.
//
// Values are AMQP field tables (the codec's own wire form) with a version entry: they
// hold field tables anyway (arguments, headers) and need no second binary format.
inline constexpr std::string_view kAmqpExchangeNamespace = "amqp.exchange";
inline constexpr std::string_view kAmqpQueueNamespace = "amqp.queue";
inline constexpr std::string_view kAmqpBindingNamespace = "amqp.binding";
inline constexpr std::string_view kAmqpMessagesPrefix = "amqp.messages/";
inline constexpr std::string_view kAmqpDeliveredPrefix = "amqp.delivered/";

struct StoredAmqpExchange {
    std::string vhost;
    amqp::ExchangeDeclare declare;
};

struct StoredAmqpQueue {
    std::string vhost;
    amqp::QueueDeclare declare;
};

struct StoredAmqpBinding {
    std::string vhost;
    amqp::Binding binding;
};

// Record keys: the vhost (with '%' and '/' escaped), '/', then the entity's own key.
[[nodiscard]] std::string amqpRecordKey(std::string_view vhost, std::string_view name);
[[nodiscard]] std::string amqpBindingKey(std::string_view vhost, const amqp::Binding& binding);
// Store message queue names.
[[nodiscard]] std::string amqpMessageQueue(std::string_view vhost, std::string_view queue);
[[nodiscard]] std::string amqpDeliveredQueue(std::string_view vhost, std::string_view queue);

[[nodiscard]] std::string encodeAmqpExchange(std::string_view vhost,
                                             const amqp::Exchange& exchange);
[[nodiscard]] std::optional<StoredAmqpExchange> decodeAmqpExchange(std::string_view value);

[[nodiscard]] std::string encodeAmqpQueue(const amqp::QueueSettings& queue);
[[nodiscard]] std::optional<StoredAmqpQueue> decodeAmqpQueue(std::string_view value);

[[nodiscard]] std::string encodeAmqpBinding(std::string_view vhost, const amqp::Binding& binding);
[[nodiscard]] std::optional<StoredAmqpBinding> decodeAmqpBinding(std::string_view value);

// Everything a restart must give back: routing info, properties (headers with x-death,
// expiration), body, id and the publish time TTLs count from; for a stream's message
// also its offset, so that offsets stay stable across restarts.
struct StoredAmqpMessage {
    amqp::AmqpMessage message;
    std::optional<std::int64_t> streamOffset;
};

[[nodiscard]] std::string encodeAmqpMessage(const amqp::AmqpMessage& message,
                                            std::optional<std::int64_t> streamOffset = {});
[[nodiscard]] std::optional<StoredAmqpMessage> decodeStoredAmqpMessage(std::string_view blob);
[[nodiscard]] std::optional<amqp::AmqpMessage> decodeAmqpMessage(std::string_view blob);

}  // namespace sbx::broker
