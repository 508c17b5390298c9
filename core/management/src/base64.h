#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sbx::management {

// RFC 4648 base64 with padding: how payloads that are not UTF-8 travel in JSON.
std::string encodeBase64(std::string_view bytes);
// Nothing when `text` is not base64 (wrong characters or length).
std::optional<std::string> decodeBase64(std::string_view text);

// Well-formed UTF-8 (no overlongs, surrogates or code points past U+10FFFF).
bool isValidUtf8(std::string_view text);

}  // namespace sbx::management
