#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace sbx::bench {

// What a benchmark payload carries in its first 16 bytes (big-endian), so a subscriber
// can compute end-to-end latency and detect lost or repeated messages.
struct PayloadStamp {
    std::uint64_t sentNs = 0;  // steady clock, nanoseconds since its epoch
    std::uint32_t publisher = 0;
    std::uint32_t sequence = 0;
    bool operator==(const PayloadStamp&) const = default;
};

inline constexpr std::size_t kPayloadStampSize = 16;

void writeStamp(const PayloadStamp& stamp, std::span<std::uint8_t> into);
[[nodiscard]] std::optional<PayloadStamp> readStamp(std::span<const std::uint8_t> payload);

// Now on the clock the stamps use.
[[nodiscard]] std::uint64_t steadyNowNs();

}  // namespace sbx::bench
