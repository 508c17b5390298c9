#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sbx/broker/amqp/amqp_message.h"
#include "sbx/broker/message.h"
#include "sbx/common/result.h"
#include "sbx/observe/hop_event.h"
#include "sbx/observe/observed_message.h"

// Between the broker's own message types and the observe model's protocol-neutral ones:
// rendering for people (and back, so a browsed message can be published again as it was).
namespace sbx::broker::render {

// Field values as people read them: numbers in decimal, timestamps in ISO 8601 UTC,
// arrays as "[a, b]", tables as "{k: v}".
[[nodiscard]] std::string fieldValue(const amqp::FieldValue& value);
[[nodiscard]] std::vector<observe::Field> fieldTable(const amqp::FieldTable& table);

// Arguments typed in by people: integers become long integers, "true"/"false" booleans,
// everything else a long string.
[[nodiscard]] amqp::FieldTable argumentTable(const std::vector<observe::Field>& fields);
// Header values stay strings.
[[nodiscard]] amqp::FieldTable headerTable(const std::vector<observe::Field>& fields);

// "2024-05-01T12:00:00Z" <-> seconds since the epoch (digits alone are seconds too).
[[nodiscard]] std::string isoTime(std::chrono::system_clock::time_point time);
[[nodiscard]] std::optional<std::uint64_t> parseTimeSeconds(std::string_view text);

// AMQP basic properties under the names of observed_message.h, and back.
[[nodiscard]] std::vector<observe::Field> amqpProperties(const amqp::BasicProperties& properties);
[[nodiscard]] Result<amqp::BasicProperties> parseAmqpProperties(
    const std::vector<observe::Field>& properties, const std::vector<observe::Field>& headers);

// x-death, newest first.
[[nodiscard]] std::vector<observe::DeathRecord> deaths(const amqp::FieldTable& headers);

[[nodiscard]] observe::ObservedMessage amqpMessage(const amqp::AmqpMessage& message,
                                                   std::string destinationId,
                                                   std::uint64_t position, bool redelivered);
[[nodiscard]] observe::ObservedMessage mqttMessage(const Message& message,
                                                   std::string destinationId);

// The identities users know a message by.
[[nodiscard]] observe::MessageIds amqpIds(const amqp::BasicProperties& properties);
[[nodiscard]] observe::MessageIds mqttIds(const Message& message);

// Bytes as text when printable UTF-8-ish ASCII, else lowercase hex.
[[nodiscard]] std::string printableOrHex(std::string_view bytes);

}  // namespace sbx::broker::render
