#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sbx::inspect {

// What a payload looks like, so a view can pick how to show it. Images are recognised by
// their magic bytes, never by a content-type a publisher may have got wrong.
enum class PayloadKind { Empty, Json, Text, Png, Jpeg, Gif, Binary };

[[nodiscard]] std::string_view toString(PayloadKind kind);
[[nodiscard]] PayloadKind detectPayload(std::string_view payload);
[[nodiscard]] bool isImage(PayloadKind kind);

// Valid UTF-8 without control characters other than tab, CR and LF.
[[nodiscard]] bool isText(std::string_view payload);

// The payload indented by two spaces per level, or nothing when it is not JSON.
[[nodiscard]] std::optional<std::string> prettyJson(std::string_view payload);

// 16 bytes a line: offset, hex bytes, printable ASCII. At most `maxBytes` are shown.
[[nodiscard]] std::string hexDump(std::string_view payload, std::size_t maxBytes = 64 * 1024);

}  // namespace sbx::inspect
