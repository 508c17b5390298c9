#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sbx/broker/message.h"
#include "session.h"

namespace sbx::broker {

// Compact binary forms for the durable store: a versioned, length-prefixed layout
// (not JSON) because payloads are bytes and this runs once per persisted message.
[[nodiscard]] std::string encodeMessageBlob(const Message& message);
[[nodiscard]] std::optional<Message> decodeMessageBlob(std::string_view blob);

[[nodiscard]] std::string encodeQueuedBlob(const OutboundMessage& entry);
[[nodiscard]] std::optional<OutboundMessage> decodeQueuedBlob(std::string_view blob);

}  // namespace sbx::broker
