#pragma once

#include <chrono>
#include <string>
#include <unordered_map>

#include "sbx/observe/broker_snapshot.h"

namespace sbx::observe {

// Turns the cumulative counters of consecutive snapshots into per-second rates: fills
// `rates` of the overview and of every destination from the counters it saw last time.
// A destination seen for the first time (or whose counters went back, i.e. it was
// recreated) gets zero rates. Not thread-safe: one estimator per snapshot stream.
//
// With a `window`, the baseline only moves once a window has passed: snapshots taken
// sooner get the rates of the last full window, so rates do not depend on how many
// callers take snapshots (two views polling the same source each see 1 s rates, not
// the noise of the few milliseconds between their calls).
class RateEstimator {
public:
    explicit RateEstimator(std::chrono::milliseconds window = std::chrono::milliseconds(0))
        : window_(window) {}

    void apply(BrokerSnapshot& snapshot);

private:
    void reuse(BrokerSnapshot& snapshot) const;

    std::chrono::milliseconds window_;
    MessageRates lastOverviewRates_{};
    std::unordered_map<std::string, MessageRates> lastRates_;
    std::chrono::system_clock::time_point previousTime_{};
    MessageCounters previousOverview_{};
    bool havePrevious_ = false;
    std::unordered_map<std::string, MessageCounters> previous_;
};

}  // namespace sbx::observe
