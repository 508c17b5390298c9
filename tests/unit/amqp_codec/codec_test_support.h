#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/amqp/codec.h"
#include "sbx/amqp/content_header.h"
#include "sbx/amqp/frame.h"

namespace sbx::amqp::test {

using Bytes = std::vector<std::uint8_t>;

// Big-endian integers, length-prefixed strings and concatenation, to write wire bytes
// by hand in tests.
[[nodiscard]] Bytes u8(std::uint8_t value);
[[nodiscard]] Bytes u16(std::uint16_t value);
[[nodiscard]] Bytes u32(std::uint32_t value);
[[nodiscard]] Bytes u64(std::uint64_t value);
[[nodiscard]] Bytes shortStr(std::string_view text);
[[nodiscard]] Bytes longStr(std::string_view text);
[[nodiscard]] Bytes cat(std::initializer_list<Bytes> parts);
// A whole frame: type, channel, size, payload, frame end.
[[nodiscard]] Bytes frame(std::uint8_t type, std::uint16_t channel, const Bytes& payload);

[[nodiscard]] Bytes encodeMethod(const Method& method, std::uint16_t channel = 1);

// Peeks `bytes` (which must be exactly one complete method frame) and decodes it; a test
// failure when it does not decode.
[[nodiscard]] Method decodeMethodOk(const Bytes& bytes);

// Checks that `arguments` of (classId, methodId) are refused with `code`.
void expectMethodRefused(std::uint16_t classId, std::uint16_t methodId, const Bytes& arguments,
                         ReplyCode code);

// A file of tests/unit/amqp_codec/golden, written by pika 1.2.0.
[[nodiscard]] Bytes readGolden(std::string_view name);
[[nodiscard]] Bytes readFile(const std::string& path);

// One instance of every Method alternative, each field set to a value other than its
// default, so a field that is lost or swapped shows.
[[nodiscard]] std::vector<Method> everyMethodSample();

}  // namespace sbx::amqp::test
