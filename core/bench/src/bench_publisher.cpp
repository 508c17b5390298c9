#include "bench_publisher.h"

#include <chrono>

#include "sbx/bench/topic_plan.h"

namespace sbx::bench {

namespace {

// Bytes queued per write: large enough to amortise the system call, small enough that
// a message does not wait long behind its predecessors.
constexpr std::size_t kBatchBytes = std::size_t{64} * 1024;

}  // namespace

BenchPublisher::BenchPublisher(boost::asio::io_context& io, const MqttBenchmarkOptions& options,
                               std::uint32_t index, ClientSettings settings, const RunClock& clock)
    : options_(options),
      index_(index),
      clock_(clock),
      client_(io, std::move(settings), *this),
      rateTimer_(client_.strand()),
      pacer_(options.ratePerPublisher, clock),
      template_(publisherTopic(options, index), options.payloadSize, options.qos, options.version) {
}

void BenchPublisher::start() {
    running_ = true;
    pump();
}

void BenchPublisher::stop() {
    running_ = false;
    rateTimer_.cancel();
}

void BenchPublisher::pump() {
    if (!running_ || !client_.open()) {
        return;
    }
    auto now = steadyNowNs();
    if (now >= clock_.endNs.load(std::memory_order_relaxed)) {
        running_ = false;
        return;
    }
    auto left = pacer_.allowance(now, sent_.load(std::memory_order_relaxed));
    auto& out = client_.pending();
    while (left > 0 && out.size() < kBatchBytes && (options_.qos == 0 || client_.hasWindow())) {
        const auto sequence = sent_.load(std::memory_order_relaxed);
        const auto packetId = options_.qos > 0 ? client_.takePacketId(options_.qos) : 0;
        template_.appendTo(out, PayloadStamp{now, index_, static_cast<std::uint32_t>(sequence)},
                           packetId);
        sent_.store(sequence + 1, std::memory_order_relaxed);
        if (clock_.measured(now)) {
            sentMeasured_.fetch_add(1, std::memory_order_relaxed);
        }
        --left;
        now = steadyNowNs();
    }
    inflight_.store(client_.inflight(), std::memory_order_relaxed);
    client_.flush();
    if (left == 0 && pacer_.limited()) {
        waitForNextDue();
    }
}

void BenchPublisher::waitForNextDue() {
    if (timerArmed_) {
        return;
    }
    timerArmed_ = true;
    rateTimer_.expires_after(
        std::chrono::nanoseconds(pacer_.delayUntilDue(steadyNowNs(), sent_.load())));
    rateTimer_.async_wait([this](const boost::system::error_code& error) {
        timerArmed_ = false;
        if (!error) {
            pump();
        }
    });
}

void BenchPublisher::onMessage(const mqtt::Publish&) {}

void BenchPublisher::onPublishDone(std::uint8_t reasonCode) {
    if (reasonCode >= 0x80) {
        rejected_.fetch_add(1, std::memory_order_relaxed);
    }
    inflight_.store(client_.inflight(), std::memory_order_relaxed);
    pump();
}

void BenchPublisher::onClosed(bool expected, const std::string& reason) {
    running_ = false;
    rateTimer_.cancel();
    if (!expected) {
        const std::lock_guard lock(errorMutex_);
        error_ = "publisher " + std::to_string(index_) + ": " + reason;
    }
    closed_.store(true);
}

std::string BenchPublisher::error() const {
    const std::lock_guard lock(errorMutex_);
    return error_;
}

}  // namespace sbx::bench
