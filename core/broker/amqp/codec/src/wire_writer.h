#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

#include "sbx/amqp/constants.h"

namespace sbx::amqp {

// Appends fields in network byte order to a caller-owned buffer.
class WireWriter {
public:
    explicit WireWriter(std::vector<std::uint8_t>& out) : out_(out) {}

    void octet(std::uint8_t value) { out_.push_back(value); }
    void shortUint(std::uint16_t value) { bigEndian(value); }
    void longUint(std::uint32_t value) { bigEndian(value); }
    void longLongUint(std::uint64_t value) { bigEndian(value); }
    void bytes(std::span<const std::uint8_t> data) {
        out_.insert(out_.end(), data.begin(), data.end());
    }
    void bytes(std::string_view data) { out_.insert(out_.end(), data.begin(), data.end()); }

    // A shortstr cannot hold more than 255 bytes; longer text is cut rather than letting
    // the length octet wrap and corrupt the rest of the frame.
    void shortString(std::string_view text) {
        const auto clamped = text.substr(0, std::min(text.size(), kMaxShortStringSize));
        octet(static_cast<std::uint8_t>(clamped.size()));
        bytes(clamped);
    }
    void longString(std::string_view text) {
        const auto clamped = text.substr(
            0, std::min<std::size_t>(text.size(), std::numeric_limits<std::uint32_t>::max()));
        longUint(static_cast<std::uint32_t>(clamped.size()));
        bytes(clamped);
    }

    // For sizes known only after the content is written: reserve four bytes now,
    // patchLongUint them later.
    [[nodiscard]] std::size_t placeholderLongUint() {
        const auto at = out_.size();
        longUint(0);
        return at;
    }
    void patchLongUint(std::size_t at, std::uint32_t value) {
        for (std::size_t index = 0; index < 4; ++index) {
            out_[at + index] = static_cast<std::uint8_t>(value >> (8 * (3 - index)));
        }
    }

    [[nodiscard]] std::size_t size() const { return out_.size(); }
    [[nodiscard]] std::vector<std::uint8_t>& buffer() { return out_; }

private:
    template <class Unsigned>
    void bigEndian(Unsigned value) {
        for (std::size_t index = sizeof(Unsigned); index-- > 0;) {
            out_.push_back(static_cast<std::uint8_t>(value >> (8 * index)));
        }
    }

    std::vector<std::uint8_t>& out_;
};

}  // namespace sbx::amqp
