#pragma once

#include <cstdint>
#include <span>
#include <variant>
#include <vector>

#include "sbx/amqp/decode_error.h"
#include "sbx/amqp/methods.h"

namespace sbx::amqp {

using MethodDecodeResult = std::variant<Method, DecodeError>;

// Decodes the arguments of one method (the method frame payload after its class and
// method ids). Refuses, with the code RabbitMQ closes the connection with:
//   NOT_IMPLEMENTED (540)  a class or method id it does not know;
//   FRAME_ERROR (501)      arguments that end early, or bytes left after the last one
//                          (RabbitMQ: "cannot decode");
//   SYNTAX_ERROR (502)     a field table with an unknown type tag or nested too deep.
// Unused bits of a bit octet are ignored, as RabbitMQ does.
[[nodiscard]] MethodDecodeResult decodeMethod(std::uint16_t classId, std::uint16_t methodId,
                                              std::span<const std::uint8_t> arguments);

// The same for a whole method frame payload: class id, method id, arguments. A payload
// shorter than the two ids is a FRAME_ERROR.
[[nodiscard]] MethodDecodeResult decodeMethodFrame(std::span<const std::uint8_t> payload);

// Appends one method frame. Short strings longer than 255 bytes are cut to 255.
void encodeMethodFrame(std::uint16_t channel, const Method& method, std::vector<std::uint8_t>& out);

}  // namespace sbx::amqp
