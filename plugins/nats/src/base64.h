#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sbx::nats {

// Standard base64 (with or without padding), as the JetStream API carries message bodies
// and header blocks; nullopt for anything else.
[[nodiscard]] std::optional<std::string> decodeBase64(std::string_view text);

}  // namespace sbx::nats
