#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "mqtt_client.h"
#include "run_clock.h"
#include "sbx/bench/benchmark_options.h"
#include "sbx/bench/latency_histogram.h"
#include "sbx/bench/sequence_tracker.h"

namespace sbx::bench {

// One subscribing client: reads the stamp of every message, records its latency and
// which (publisher, sequence) pairs arrived. The histogram and tracker belong to the
// client's strand; read them only after the I/O threads have stopped.
class BenchSubscriber final : public ClientListener {
public:
    BenchSubscriber(boost::asio::io_context& io, const MqttBenchmarkOptions& options,
                    std::uint32_t index, ClientSettings settings, const RunClock& clock);

    [[nodiscard]] MqttClient& client() { return client_; }
    [[nodiscard]] const std::vector<std::uint32_t>& heard() const { return heard_; }
    [[nodiscard]] std::vector<std::string> filters() const;

    [[nodiscard]] std::uint64_t distinct() const { return distinct_.load(); }
    [[nodiscard]] std::uint64_t receivedMeasured() const { return receivedMeasured_.load(); }
    [[nodiscard]] bool closed() const { return closed_.load(); }
    [[nodiscard]] std::string error() const;

    // After the I/O threads have stopped.
    [[nodiscard]] const LatencyHistogram& latencies() const { return *latencies_; }
    [[nodiscard]] const SequenceTracker& tracker() const { return tracker_; }

    void onMessage(const mqtt::Publish& publish) override;
    void onPublishDone(std::uint8_t) override {}
    void onWritable() override {}
    void onClosed(bool expected, const std::string& reason) override;

private:
    const MqttBenchmarkOptions& options_;
    std::uint32_t index_;
    const RunClock& clock_;
    MqttClient client_;
    std::vector<std::uint32_t> heard_;
    std::unique_ptr<LatencyHistogram> latencies_;
    SequenceTracker tracker_;

    std::atomic<std::uint64_t> distinct_{0};
    std::atomic<std::uint64_t> receivedMeasured_{0};
    std::atomic<bool> closed_{false};
    mutable std::mutex errorMutex_;
    std::string error_;
};

}  // namespace sbx::bench
