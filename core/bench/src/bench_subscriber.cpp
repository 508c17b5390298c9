#include "bench_subscriber.h"

#include <span>

#include "sbx/bench/payload_stamp.h"
#include "sbx/bench/topic_plan.h"

namespace sbx::bench {

BenchSubscriber::BenchSubscriber(boost::asio::io_context& io, const MqttBenchmarkOptions& options,
                                 std::uint32_t index, ClientSettings settings,
                                 const RunClock& clock)
    : options_(options),
      index_(index),
      clock_(clock),
      client_(io, std::move(settings), *this),
      heard_(publishersHeardBy(options, index)),
      latencies_(std::make_unique<LatencyHistogram>()),
      tracker_(options.publishers) {}

std::vector<std::string> BenchSubscriber::filters() const {
    if (options_.topics == TopicMode::Fanout) {
        return {publisherTopic(options_, 0)};
    }
    std::vector<std::string> topics;
    for (const auto publisher : heard_) {
        topics.push_back(publisherTopic(options_, publisher));
    }
    return topics;
}

void BenchSubscriber::onMessage(const mqtt::Publish& publish) {
    const auto now = steadyNowNs();
    const auto stamp = readStamp(std::span<const std::uint8_t>(
        reinterpret_cast<const std::uint8_t*>(publish.payload.data()), publish.payload.size()));
    if (!stamp) {
        return;  // not one of ours
    }
    if (clock_.measured(now)) {
        receivedMeasured_.fetch_add(1, std::memory_order_relaxed);
    }
    if (tracker_.record(stamp->publisher, stamp->sequence)) {
        distinct_.store(tracker_.distinct(), std::memory_order_relaxed);
        if (clock_.measured(stamp->sentNs)) {
            latencies_->record(now >= stamp->sentNs ? now - stamp->sentNs : 0);
        }
    }
}

void BenchSubscriber::onClosed(bool expected, const std::string& reason) {
    if (!expected) {
        const std::lock_guard lock(errorMutex_);
        error_ = "subscriber " + std::to_string(index_) + ": " + reason;
    }
    closed_.store(true);
}

std::string BenchSubscriber::error() const {
    const std::lock_guard lock(errorMutex_);
    return error_;
}

}  // namespace sbx::bench
