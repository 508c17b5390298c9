#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace sbx::mqtt {

enum class VariableByteIntegerStatus { Ok, Incomplete, TooLong };

// Decodes a variable byte integer (MQTT 5 §1.5.5) at the start of `bytes`. Shared by
// frame peeking and property parsing; `used` is the number of bytes it took (1..4).
[[nodiscard]] VariableByteIntegerStatus decodeVariableByteInteger(
    std::span<const std::uint8_t> bytes, std::uint32_t& value, std::size_t& used);

// Bounds-checked cursor over a packet body. Every read either succeeds whole or leaves
// the cursor where it was, so callers can report exactly what was missing. Inline
// because the broker calls these once per field on the hot path.
class ByteReader {
public:
    explicit ByteReader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

    [[nodiscard]] std::size_t remaining() const { return bytes_.size() - position_; }
    [[nodiscard]] bool atEnd() const { return position_ == bytes_.size(); }
    [[nodiscard]] std::size_t position() const { return position_; }

    [[nodiscard]] bool readByte(std::uint8_t& value) {
        if (remaining() < 1) {
            return false;
        }
        value = bytes_[position_++];
        return true;
    }

    [[nodiscard]] bool readTwoByteInteger(std::uint16_t& value) {
        if (remaining() < 2) {
            return false;
        }
        value = static_cast<std::uint16_t>((bytes_[position_] << 8) | bytes_[position_ + 1]);
        position_ += 2;
        return true;
    }

    [[nodiscard]] bool readFourByteInteger(std::uint32_t& value) {
        if (remaining() < 4) {
            return false;
        }
        value = (std::uint32_t{bytes_[position_]} << 24) |
                (std::uint32_t{bytes_[position_ + 1]} << 16) |
                (std::uint32_t{bytes_[position_ + 2]} << 8) | std::uint32_t{bytes_[position_ + 3]};
        position_ += 4;
        return true;
    }

    [[nodiscard]] VariableByteIntegerStatus readVariableByteInteger(std::uint32_t& value) {
        std::size_t used = 0;
        const auto status = decodeVariableByteInteger(bytes_.subspan(position_), value, used);
        if (status == VariableByteIntegerStatus::Ok) {
            position_ += used;
        }
        return status;
    }

    // The next `count` bytes, without copying them.
    [[nodiscard]] bool readBytes(std::size_t count, std::span<const std::uint8_t>& out) {
        if (remaining() < count) {
            return false;
        }
        out = bytes_.subspan(position_, count);
        position_ += count;
        return true;
    }

    // Everything not read yet (a PUBLISH payload, a list of reason codes).
    [[nodiscard]] std::span<const std::uint8_t> readRest() {
        auto rest = bytes_.subspan(position_);
        position_ = bytes_.size();
        return rest;
    }

private:
    std::span<const std::uint8_t> bytes_;
    std::size_t position_ = 0;
};

// Wire bytes seen as characters, for copying into the std::string fields of a packet.
[[nodiscard]] inline std::string_view asChars(std::span<const std::uint8_t> bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

}  // namespace sbx::mqtt
