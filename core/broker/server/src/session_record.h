#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "session.h"

namespace sbx::broker {

// A persistent session as the store keeps it: expiry and subscriptions (JSON, small
// and written only on connect, (un)subscribe and disconnect).
struct SessionRecord {
    std::uint32_t expiryInterval = 0;
    std::vector<SessionSubscription> subscriptions;
};

[[nodiscard]] std::string encodeSessionRecord(const SessionRecord& record);
[[nodiscard]] std::optional<SessionRecord> decodeSessionRecord(std::string_view text);

inline constexpr const char* kSessionRecordNamespace = "mqtt.session";
inline constexpr const char* kRetainedRecordNamespace = "mqtt.retained";

}  // namespace sbx::broker
