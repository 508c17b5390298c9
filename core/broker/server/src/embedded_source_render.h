#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sbx/amqp/observe_fields.h"
#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/message.h"
#include "sbx/common/result.h"
#include "sbx/observe/hop_event.h"
#include "sbx/observe/observed_message.h"

// Between the broker's own message types and the observe model's protocol-neutral ones:
// rendering for people (and back, so a browsed message can be published again as it was).
namespace sbx::broker::render {

// Fields, properties, x-death and times, as the RabbitMQ connector shows them too.
using amqp_fields::amqpProperties;
using amqp_fields::argumentTable;
using amqp_fields::deaths;
using amqp_fields::fieldTable;
using amqp_fields::fieldText;
using amqp_fields::fieldValue;
using amqp_fields::headerTable;
using amqp_fields::isoTime;
using amqp_fields::parseAmqpProperties;
using amqp_fields::parseTimeSeconds;
using amqp_fields::printableOrHex;

[[nodiscard]] observe::ObservedMessage amqpMessage(const amqp::AmqpMessage& message,
                                                   std::string destinationId,
                                                   std::uint64_t position, bool redelivered);
[[nodiscard]] observe::ObservedMessage mqttMessage(const Message& message,
                                                   std::string destinationId);

// The identities users know a message by.
[[nodiscard]] observe::MessageIds amqpIds(const amqp::BasicProperties& properties);
[[nodiscard]] observe::MessageIds mqttIds(const Message& message);

}  // namespace sbx::broker::render
