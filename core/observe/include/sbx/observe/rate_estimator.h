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
class RateEstimator {
public:
    void apply(BrokerSnapshot& snapshot);

private:
    std::chrono::system_clock::time_point previousTime_{};
    MessageCounters previousOverview_{};
    bool havePrevious_ = false;
    std::unordered_map<std::string, MessageCounters> previous_;
};

}  // namespace sbx::observe
