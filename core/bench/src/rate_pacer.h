#pragma once

#include <cstdint>

#include "run_clock.h"

namespace sbx::bench {

// The schedule of a publisher held to a rate: how many messages are due by now (so a
// late timer catches up rather than drifting) and when the next one is due. A rate of 0
// means flat out: everything is always due.
class RatePacer {
public:
    RatePacer(double ratePerSecond, const RunClock& clock) : rate_(ratePerSecond), clock_(clock) {}

    [[nodiscard]] bool limited() const { return rate_ > 0; }

    // Messages that may go now, given `sent` so far.
    [[nodiscard]] std::uint64_t allowance(std::uint64_t nowNs, std::uint64_t sent) const {
        if (!limited()) {
            return UINT64_MAX;
        }
        const auto elapsed = static_cast<double>(nowNs - clock_.startNs.load());
        const auto due = static_cast<std::uint64_t>(elapsed * rate_ / 1e9) + 1;
        return due > sent ? due - sent : 0;
    }

    // Nanoseconds from `nowNs` until message number `sent` is due (0 when it is).
    [[nodiscard]] std::uint64_t delayUntilDue(std::uint64_t nowNs, std::uint64_t sent) const {
        const auto dueNs = clock_.startNs.load() +
                           static_cast<std::uint64_t>(static_cast<double>(sent) * 1e9 / rate_);
        return dueNs > nowNs ? dueNs - nowNs : 0;
    }

private:
    double rate_;
    const RunClock& clock_;
};

}  // namespace sbx::bench
