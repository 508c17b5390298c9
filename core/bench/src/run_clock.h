#pragma once

#include <atomic>
#include <cstdint>

namespace sbx::bench {

// The phases of one run on the steady clock, set once the clients are ready and read
// by every client thread: warm-up [start, warmupEnd), measured [warmupEnd, end).
struct RunClock {
    std::atomic<std::uint64_t> startNs{0};
    std::atomic<std::uint64_t> warmupEndNs{UINT64_MAX};
    std::atomic<std::uint64_t> endNs{UINT64_MAX};

    [[nodiscard]] bool measured(std::uint64_t ns) const {
        return ns >= warmupEndNs.load(std::memory_order_relaxed) &&
               ns < endNs.load(std::memory_order_relaxed);
    }
};

}  // namespace sbx::bench
