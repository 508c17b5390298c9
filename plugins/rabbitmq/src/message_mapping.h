#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "amqp_client.h"
#include "sbx/observe/observed_message.h"

namespace sbx::rabbitmq {

// One message of POST /api/queues/{vhost}/{queue}/get: payload (string or base64),
// properties under the names of observed_message.h, headers, x-death records.
[[nodiscard]] observe::ObservedMessage messageFromManagement(const nlohmann::json& message,
                                                             const std::string& destinationId,
                                                             std::uint64_t position);

// A message received over AMQP (a stream read); `position` is its stream offset.
[[nodiscard]] observe::ObservedMessage messageFromDelivery(const AmqpDelivery& delivery,
                                                           const std::string& destinationId,
                                                           std::uint64_t position);

// Standard base64 without line breaks (the management API's payload_encoding "base64").
[[nodiscard]] std::string decodeBase64(std::string_view text);

}  // namespace sbx::rabbitmq
