#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "sbx/common/result.h"
#include "sbx/mqtt/packets.h"
#include "sbx/observe/broker_commands.h"
#include "sbx/observe/observed_message.h"

namespace sbx::mqtt_connector {

// A received PUBLISH as the browser shows it, with the MQTT 5 properties under the names
// observed_message.h gives them (qos, retain, response-topic, correlation-data,
// payload-format-indicator, message-expiry-interval, content-type) and user properties
// as headers, the way the embedded broker renders its MQTT messages.
[[nodiscard]] observe::ObservedMessage renderMessage(const mqtt::Publish& publish,
                                                     std::chrono::system_clock::time_point time);

// The PUBLISH a request asks for (its properties and headers by the same names). MQTT
// 3.1.1 carries no properties: asking for some there is an error that says so.
[[nodiscard]] Result<mqtt::Publish> publishFor(const observe::PublishRequest& request,
                                               mqtt::ProtocolVersion version);

// Bytes as text when they are printable, else as hex (correlation data).
[[nodiscard]] std::string printableOrHex(std::string_view bytes);

}  // namespace sbx::mqtt_connector
