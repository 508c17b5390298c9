#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/amqp/basic_properties.h"
#include "sbx/amqp/field_table.h"
#include "sbx/common/result.h"
#include "sbx/observe/observed_message.h"

// AMQP field tables and basic properties as the observe model shows them, and back, so a
// browsed message can be published again as it was: numbers in decimal, timestamps ISO 8601
// UTC, property names of observed_message.h. Shared by the embedded broker's source and the
// RabbitMQ connector, so both show a message the same way.
namespace sbx::amqp_fields {

[[nodiscard]] std::string fieldValue(const amqp::FieldValue& value);
// A string field's text, any other value rendered; empty for a missing field.
[[nodiscard]] std::string fieldText(const amqp::FieldValue* value);
[[nodiscard]] std::vector<observe::Field> fieldTable(const amqp::FieldTable& table);

// Arguments typed in by people: integers become long integers, "true"/"false" booleans,
// everything else a long string.
[[nodiscard]] amqp::FieldTable argumentTable(const std::vector<observe::Field>& fields);
// Header values stay strings.
[[nodiscard]] amqp::FieldTable headerTable(const std::vector<observe::Field>& fields);

// "2024-05-01T12:00:00Z" <-> seconds since the epoch (digits alone are seconds too).
[[nodiscard]] std::string isoTime(std::chrono::system_clock::time_point time);
[[nodiscard]] std::optional<std::uint64_t> parseTimeSeconds(std::string_view text);

[[nodiscard]] std::vector<observe::Field> amqpProperties(const amqp::BasicProperties& properties);
[[nodiscard]] Result<amqp::BasicProperties> parseAmqpProperties(
    const std::vector<observe::Field>& properties, const std::vector<observe::Field>& headers);

// x-death, newest first.
[[nodiscard]] std::vector<observe::DeathRecord> deaths(const amqp::FieldTable& headers);

// Bytes as text when printable, else lowercase hex.
[[nodiscard]] std::string printableOrHex(std::string_view bytes);

}  // namespace sbx::amqp_fields
