#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace sbx::mqtt {

// Largest value a variable byte integer can hold (MQTT 5 §1.5.5).
inline constexpr std::uint32_t kMaxVariableByteInteger = 268'435'455;
inline constexpr std::size_t kMaxTwoByteLength = 0xFFFF;

[[nodiscard]] constexpr std::size_t variableByteIntegerSize(std::uint32_t value) {
    return value < 128u ? 1 : value < 16'384u ? 2 : value < 2'097'152u ? 3 : 4;
}

// A string field carries a two-byte length, so longer text cannot be sent. Packets that
// came off the wire never hold longer strings; for hand-built ones the excess is cut
// (the same way in both sinks, so encodedSize stays exact).
[[nodiscard]] constexpr std::string_view clampToTwoByteLength(std::string_view text) {
    return text.size() > kMaxTwoByteLength ? text.substr(0, kMaxTwoByteLength) : text;
}

// The two encoder sinks share one interface so every packet is written by one template:
// ByteWriter appends the bytes, SizeCounter only adds up how many there would be. That
// is what keeps encodedSize() equal to what encodePacket() appends.
class ByteWriter {
public:
    explicit ByteWriter(std::vector<std::uint8_t>& out) : out_(out) {}

    void byte(std::uint8_t value) { out_.push_back(value); }
    void twoByteInteger(std::uint16_t value) {
        out_.push_back(static_cast<std::uint8_t>(value >> 8));
        out_.push_back(static_cast<std::uint8_t>(value));
    }
    void fourByteInteger(std::uint32_t value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out_.push_back(static_cast<std::uint8_t>(value >> shift));
        }
    }
    void variableByteInteger(std::uint32_t value);
    // Raw bytes with no length (a PUBLISH payload).
    void bytes(std::string_view data) { out_.insert(out_.end(), data.begin(), data.end()); }
    // A UTF-8 string or binary data field: two-byte length, then the bytes.
    void lengthPrefixed(std::string_view data) {
        const auto clamped = clampToTwoByteLength(data);
        twoByteInteger(static_cast<std::uint16_t>(clamped.size()));
        bytes(clamped);
    }

private:
    std::vector<std::uint8_t>& out_;
};

class SizeCounter {
public:
    void byte(std::uint8_t) { size_ += 1; }
    void twoByteInteger(std::uint16_t) { size_ += 2; }
    void fourByteInteger(std::uint32_t) { size_ += 4; }
    void variableByteInteger(std::uint32_t value) { size_ += variableByteIntegerSize(value); }
    void bytes(std::string_view data) { size_ += data.size(); }
    void lengthPrefixed(std::string_view data) { size_ += 2 + clampToTwoByteLength(data).size(); }

    [[nodiscard]] std::size_t size() const { return size_; }

private:
    std::size_t size_ = 0;
};

}  // namespace sbx::mqtt
