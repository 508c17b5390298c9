#include "event_loop_stall_meter.h"

#include <algorithm>

EventLoopStallMeter::EventLoopStallMeter(int intervalMs, QObject* parent)
    : QObject(parent), intervalMs_(intervalMs) {
    timer_.setTimerType(Qt::PreciseTimer);
    timer_.setInterval(intervalMs_);
    connect(&timer_, &QTimer::timeout, this, &EventLoopStallMeter::onTick);
    latenessMs_.reserve(1U << 20U);
}

void EventLoopStallMeter::start() {
    clock_.start();
    lastNs_ = clock_.nsecsElapsed();
    timer_.start();
}

void EventLoopStallMeter::reset() {
    latenessMs_.clear();
}

void EventLoopStallMeter::onTick() {
    const auto now = clock_.nsecsElapsed();
    const auto gapMs = static_cast<double>(now - lastNs_) / 1e6;
    lastNs_ = now;
    latenessMs_.push_back(static_cast<float>(std::max(0.0, gapMs - intervalMs_)));
}

EventLoopStallMeter::Summary EventLoopStallMeter::summary() const {
    Summary s;
    s.samples = latenessMs_.size();
    if (latenessMs_.empty()) {
        return s;
    }
    auto sorted = latenessMs_;
    std::sort(sorted.begin(), sorted.end());
    const auto at = [&sorted](double q) {
        const auto i = static_cast<std::size_t>(q * static_cast<double>(sorted.size() - 1));
        return static_cast<double>(sorted[i]);
    };
    s.p50Ms = at(0.50);
    s.p99Ms = at(0.99);
    s.p999Ms = at(0.999);
    s.maxMs = static_cast<double>(sorted.back());
    return s;
}
