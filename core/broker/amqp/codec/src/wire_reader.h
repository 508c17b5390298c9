#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace sbx::amqp {

// Bounds-checked cursor over a frame payload, in network byte order. Every read either
// succeeds whole or leaves the cursor where it was. Inline: the broker reads a handful of
// fields per publish on the hot path.
class WireReader {
public:
    explicit WireReader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

    [[nodiscard]] std::size_t remaining() const { return bytes_.size() - position_; }
    [[nodiscard]] bool atEnd() const { return position_ == bytes_.size(); }

    [[nodiscard]] bool octet(std::uint8_t& value) {
        if (remaining() < 1) {
            return false;
        }
        value = bytes_[position_++];
        return true;
    }

    [[nodiscard]] bool shortUint(std::uint16_t& value) { return bigEndian(value); }
    [[nodiscard]] bool longUint(std::uint32_t& value) { return bigEndian(value); }
    [[nodiscard]] bool longLongUint(std::uint64_t& value) { return bigEndian(value); }

    // The next `count` bytes, without copying them.
    [[nodiscard]] bool bytes(std::size_t count, std::span<const std::uint8_t>& out) {
        if (remaining() < count) {
            return false;
        }
        out = bytes_.subspan(position_, count);
        position_ += count;
        return true;
    }

    // Octet length, then up to 255 bytes.
    [[nodiscard]] bool shortString(std::string& value) {
        const auto start = position_;
        std::uint8_t length = 0;
        std::span<const std::uint8_t> text;
        if (!octet(length) || !bytes(length, text)) {
            position_ = start;
            return false;
        }
        value.assign(asChars(text));
        return true;
    }

    // Four-byte length, then that many bytes.
    [[nodiscard]] bool longString(std::string& value) {
        const auto start = position_;
        std::uint32_t length = 0;
        std::span<const std::uint8_t> text;
        if (!longUint(length) || !bytes(length, text)) {
            position_ = start;
            return false;
        }
        value.assign(asChars(text));
        return true;
    }

    [[nodiscard]] static std::string_view asChars(std::span<const std::uint8_t> bytes) {
        return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
    }

private:
    template <class Unsigned>
    [[nodiscard]] bool bigEndian(Unsigned& value) {
        if (remaining() < sizeof(Unsigned)) {
            return false;
        }
        Unsigned result = 0;
        for (std::size_t index = 0; index < sizeof(Unsigned); ++index) {
            result = static_cast<Unsigned>((result << 8) | bytes_[position_ + index]);
        }
        position_ += sizeof(Unsigned);
        value = result;
        return true;
    }

    std::span<const std::uint8_t> bytes_;
    std::size_t position_ = 0;
};

}  // namespace sbx::amqp
