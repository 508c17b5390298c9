#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/common/result.h"
#include "sbx/observe/broker_commands.h"
#include "sbx/observe/observed_message.h"

namespace sbx::inspect {

// Messages as files people can keep, grep and publish again. Both formats carry the
// destination, exchange, routing key, time, properties, headers and payload; a payload
// that is not text is written as base64 so no byte is lost.
//
// JSON lines: one object per line
//   {"time":"2024-05-01T10:00:00.123Z","destination":"queue:/orders","exchange":"",
//    "routing_key":"orders","properties":{...},"headers":{...},
//    "payload":"..." | "payload_base64":"..."}
// CSV (RFC 4180): time,destination,exchange,routing_key,properties,headers,
//   payload_encoding,payload   with properties and headers as JSON objects.
[[nodiscard]] std::string toJsonLines(const std::vector<observe::ObservedMessage>& messages);
Result<std::vector<observe::ObservedMessage>> fromJsonLines(std::string_view text);

[[nodiscard]] std::string toCsv(const std::vector<observe::ObservedMessage>& messages);
Result<std::vector<observe::ObservedMessage>> fromCsv(std::string_view text);

// The publish request that sends `message` again as it was (or to another exchange /
// topic when the caller changes the result). MQTT topics ("topic:...") publish over MQTT.
[[nodiscard]] observe::PublishRequest republishRequest(const observe::ObservedMessage& message);

[[nodiscard]] std::string base64Encode(std::string_view bytes);
Result<std::string> base64Decode(std::string_view text);

// ISO 8601 UTC with milliseconds, and back.
[[nodiscard]] std::string formatTime(std::chrono::system_clock::time_point time);
Result<std::chrono::system_clock::time_point> parseTime(std::string_view text);

}  // namespace sbx::inspect
