#include "sbx/observe/rate_estimator.h"

namespace sbx::observe {
namespace {

// A counter that went back means the thing was recreated: no meaningful rate.
double perSecond(std::uint64_t now, std::uint64_t before, double seconds) {
    if (now < before || seconds <= 0)
        return 0;
    return static_cast<double>(now - before) / seconds;
}

MessageRates ratesBetween(const MessageCounters& now, const MessageCounters& before,
                          double seconds) {
    return {perSecond(now.published, before.published, seconds),
            perSecond(now.delivered, before.delivered, seconds),
            perSecond(now.acked, before.acked, seconds),
            perSecond(now.redelivered, before.redelivered, seconds)};
}

}  // namespace

void RateEstimator::reuse(BrokerSnapshot& snapshot) const {
    snapshot.overview.rates = lastOverviewRates_;
    for (Destination& destination : snapshot.destinations) {
        const auto found = lastRates_.find(destination.id);
        if (found != lastRates_.end()) {
            destination.rates = found->second;
        }
    }
}

void RateEstimator::apply(BrokerSnapshot& snapshot) {
    if (havePrevious_ && window_.count() > 0 && snapshot.time >= previousTime_ &&
        snapshot.time - previousTime_ < window_) {
        reuse(snapshot);
        return;
    }
    const double seconds =
        havePrevious_ ? std::chrono::duration<double>(snapshot.time - previousTime_).count() : 0;
    if (havePrevious_) {
        snapshot.overview.rates =
            ratesBetween(snapshot.overview.counters, previousOverview_, seconds);
    }
    std::unordered_map<std::string, MessageCounters> current;
    current.reserve(snapshot.destinations.size());
    for (Destination& destination : snapshot.destinations) {
        auto before = previous_.find(destination.id);
        if (havePrevious_ && before != previous_.end()) {
            destination.rates = ratesBetween(destination.counters, before->second, seconds);
        }
        current.emplace(destination.id, destination.counters);
    }
    // Forget destinations that are gone, so a recreated one starts from zero.
    previous_ = std::move(current);
    if (window_.count() > 0) {
        lastOverviewRates_ = snapshot.overview.rates;
        lastRates_.clear();
        for (const Destination& destination : snapshot.destinations) {
            lastRates_.emplace(destination.id, destination.rates);
        }
    }
    previousOverview_ = snapshot.overview.counters;
    previousTime_ = snapshot.time;
    havePrevious_ = true;
}

}  // namespace sbx::observe
