#pragma once

#include <cstddef>
#include <string_view>

namespace sbx::mqtt {

// Where and why a string is not an MQTT UTF-8 Encoded String, for the broker log.
struct Utf8Problem {
    std::size_t offset = 0;
    std::string_view what;
};

// Checks MQTT 5 §1.5.4 / 3.1.1 §1.5.3: well-formed UTF-8 (RFC 3629: no overlong forms,
// nothing above U+10FFFF), no U+0000 and no surrogates U+D800..U+DFFF. Control
// characters and non-characters are allowed: the spec only says SHOULD NOT for them.
// Returns true when valid; otherwise fills `problem`.
[[nodiscard]] bool checkUtf8String(std::string_view text, Utf8Problem& problem);

}  // namespace sbx::mqtt
