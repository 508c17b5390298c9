#pragma once

#include <cstddef>

#include "byte_reader.h"

namespace sbx::mqtt {

// Counts the length-prefixed strings (each followed by `trailingBytes`) left in `reader`,
// so a decoder can reserve its vector once. Stops quietly at the first entry that does
// not fit: the decoding pass reports that one precisely.
[[nodiscard]] inline std::size_t countLengthPrefixedEntries(ByteReader reader,
                                                            std::size_t trailingBytes) {
    std::size_t count = 0;
    std::uint16_t length = 0;
    std::span<const std::uint8_t> skipped;
    while (reader.readTwoByteInteger(length) && reader.readBytes(length + trailingBytes, skipped)) {
        ++count;
    }
    return count;
}

}  // namespace sbx::mqtt
