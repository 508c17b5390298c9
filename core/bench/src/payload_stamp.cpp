#include "sbx/bench/payload_stamp.h"

#include <chrono>

namespace sbx::bench {

namespace {

void writeBigEndian(std::uint64_t value, std::size_t bytes, std::uint8_t* into) {
    for (std::size_t i = 0; i < bytes; ++i) {
        into[i] = static_cast<std::uint8_t>(value >> (8 * (bytes - 1 - i)));
    }
}

std::uint64_t readBigEndian(const std::uint8_t* from, std::size_t bytes) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < bytes; ++i) {
        value = (value << 8) | from[i];
    }
    return value;
}

}  // namespace

void writeStamp(const PayloadStamp& stamp, std::span<std::uint8_t> into) {
    if (into.size() < kPayloadStampSize) {
        return;
    }
    writeBigEndian(stamp.sentNs, 8, into.data());
    writeBigEndian(stamp.publisher, 4, into.data() + 8);
    writeBigEndian(stamp.sequence, 4, into.data() + 12);
}

std::optional<PayloadStamp> readStamp(std::span<const std::uint8_t> payload) {
    if (payload.size() < kPayloadStampSize) {
        return std::nullopt;
    }
    PayloadStamp stamp;
    stamp.sentNs = readBigEndian(payload.data(), 8);
    stamp.publisher = static_cast<std::uint32_t>(readBigEndian(payload.data() + 8, 4));
    stamp.sequence = static_cast<std::uint32_t>(readBigEndian(payload.data() + 12, 4));
    return stamp;
}

std::uint64_t steadyNowNs() {
    return static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(
                                          std::chrono::steady_clock::now().time_since_epoch())
                                          .count());
}

}  // namespace sbx::bench
