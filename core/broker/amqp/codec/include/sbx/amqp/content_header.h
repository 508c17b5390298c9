#pragma once

#include <cstdint>
#include <span>
#include <variant>
#include <vector>

#include "sbx/amqp/basic_properties.h"
#include "sbx/amqp/constants.h"
#include "sbx/amqp/decode_error.h"

namespace sbx::amqp {

// The payload of a content header frame (§4.2.6): which class the content belongs to,
// the total body size that the body frames add up to, and the properties. Only class
// basic carries content.
struct ContentHeader {
    std::uint16_t classId = kBasicClass;
    std::uint64_t bodySize = 0;
    BasicProperties properties;
    bool operator==(const ContentHeader&) const = default;
};

using ContentHeaderDecodeResult = std::variant<ContentHeader, DecodeError>;

// Decodes a content header frame payload. Property flags follow the continuation rule:
// while bit 0 of a flag word is set, another flag word follows; a flag for a property
// basic does not have (bit 1 of the first word, any bit of a later word) is a
// SYNTAX_ERROR. A class other than basic is an UNEXPECTED_FRAME (no other class has
// content), a weight other than 0 a SYNTAX_ERROR, missing or extra bytes a FRAME_ERROR.
[[nodiscard]] ContentHeaderDecodeResult decodeContentHeader(std::span<const std::uint8_t> payload);

// Appends a content header frame for class basic.
void encodeContentHeaderFrame(std::uint16_t channel, std::uint64_t bodySize,
                              const BasicProperties& properties, std::vector<std::uint8_t>& out);

// The property flag word encodeContentHeaderFrame writes for `properties`.
[[nodiscard]] std::uint16_t propertyFlags(const BasicProperties& properties);

}  // namespace sbx::amqp
