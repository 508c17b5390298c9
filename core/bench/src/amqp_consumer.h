#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "amqp_client.h"
#include "run_clock.h"
#include "sbx/bench/amqp_benchmark_options.h"
#include "sbx/bench/latency_histogram.h"
#include "sbx/bench/sequence_tracker.h"

namespace sbx::bench {

// The queue a consumer reads and how it is bound; the owner deletes it at the end.
struct AmqpQueuePlan {
    std::string queue;
    std::string exchange;
    std::string bindingKey;
    bool owner = false;
};

// One consuming connection: declares and binds its queue (idempotent when the consumers
// share one), consumes with the run's prefetch and acknowledgement mode, and measures
// every delivery's latency from the stamp in its body. Counters read by the coordinating
// thread are atomics; the histogram and tracker are read after the I/O threads stopped.
class AmqpConsumer final : public AmqpClientListener {
public:
    AmqpConsumer(boost::asio::io_context& io, const AmqpBenchmarkOptions& options,
                 std::uint32_t index, AmqpClientSettings settings, const RunClock& clock,
                 AmqpQueuePlan plan);

    [[nodiscard]] AmqpClient& client() { return client_; }
    [[nodiscard]] const AmqpQueuePlan& plan() const { return plan_; }

    // On the client's strand: connect, basic.qos, queue.declare, queue.bind, basic.consume.
    void subscribe(const Endpoints& endpoints, std::function<void(Status)> done);
    // On the client's strand: queue.delete (the owner only), then `done`.
    void deleteQueue(std::function<void(Status)> done);

    [[nodiscard]] std::uint64_t distinct() const { return distinct_.load(); }
    [[nodiscard]] std::uint64_t receivedMeasured() const { return receivedMeasured_.load(); }
    [[nodiscard]] bool closed() const { return closed_.load(); }
    [[nodiscard]] std::string error() const;
    [[nodiscard]] const LatencyHistogram& latencies() const { return *latencies_; }
    [[nodiscard]] const SequenceTracker& tracker() const { return tracker_; }

    void onDelivery(std::uint64_t deliveryTag, std::span<const std::uint8_t> body) override;
    void onReadHandled() override;
    void onConfirm(std::uint64_t, bool, bool) override {}
    void onWritable() override {}
    void onClosed(bool expected, const std::string& reason) override;

private:
    const AmqpBenchmarkOptions& options_;
    std::uint32_t index_;
    const RunClock& clock_;
    AmqpQueuePlan plan_;
    AmqpClient client_;
    std::unique_ptr<LatencyHistogram> latencies_;  // 60 KB: keep it off the stack
    SequenceTracker tracker_;
    std::uint64_t lastTag_ = 0;
    std::uint64_t ackedTag_ = 0;

    std::atomic<std::uint64_t> distinct_{0};
    std::atomic<std::uint64_t> receivedMeasured_{0};
    std::atomic<bool> closed_{false};
    mutable std::mutex errorMutex_;
    std::string error_;
};

}  // namespace sbx::bench
