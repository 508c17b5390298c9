#pragma once

#include <cstdint>
#include <string>

#include "sbx/common/error.h"
#include "sbx/mqtt/packets.h"

namespace sbx::mqtt_connector {

// Why the broker at `peer` refused our CONNECT, in words a user can act on and with the
// ErrorCode the connector API asks for (wrong password: Unauthenticated, not authorized:
// PermissionDenied, an MQTT version the broker does not speak: Unsupported ...).
// Mosquitto answers a wrong password with "not authorized", not "bad user name or
// password": with a password given, that counts as Unauthenticated too.
[[nodiscard]] Error connackRefusal(std::uint8_t code, mqtt::ProtocolVersion version,
                                   const std::string& peer, const std::string& username,
                                   bool gavePassword);

// A refused PUBLISH or SUBSCRIBE (an MQTT 5 reason code >= 0x80, 0x80 in 3.1.1).
[[nodiscard]] Error requestRefusal(std::uint8_t code, const std::string& what,
                                   const std::string& peer);

}  // namespace sbx::mqtt_connector
