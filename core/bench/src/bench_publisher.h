#pragma once

#include <atomic>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <mutex>
#include <string>

#include "mqtt_client.h"
#include "rate_pacer.h"
#include "run_clock.h"
#include "sbx/bench/benchmark_options.h"
#include "sbx/bench/publish_template.h"

namespace sbx::bench {

// One publishing client: stamps every message with its send time and sequence number,
// keeps the in-flight window full (QoS 1/2) or the socket busy (QoS 0), or follows the
// requested rate. Counters are atomics so the coordinating thread can watch them.
class BenchPublisher final : public ClientListener {
public:
    BenchPublisher(boost::asio::io_context& io, const MqttBenchmarkOptions& options,
                   std::uint32_t index, ClientSettings settings, const RunClock& clock);

    [[nodiscard]] MqttClient& client() { return client_; }

    // On the client's strand.
    void start();
    void stop();

    [[nodiscard]] std::uint64_t sent() const { return sent_.load(); }
    [[nodiscard]] std::uint64_t sentMeasured() const { return sentMeasured_.load(); }
    [[nodiscard]] std::uint32_t inflight() const { return inflight_.load(); }
    [[nodiscard]] std::uint64_t rejected() const { return rejected_.load(); }
    [[nodiscard]] bool closed() const { return closed_.load(); }
    [[nodiscard]] std::string error() const;

    void onMessage(const mqtt::Publish& publish) override;
    void onPublishDone(std::uint8_t reasonCode) override;
    void onWritable() override { pump(); }
    void onClosed(bool expected, const std::string& reason) override;

private:
    void pump();
    void waitForNextDue();

    const MqttBenchmarkOptions& options_;
    std::uint32_t index_;
    const RunClock& clock_;
    MqttClient client_;
    boost::asio::steady_timer rateTimer_;
    RatePacer pacer_;
    PublishTemplate template_;
    bool running_ = false;
    bool timerArmed_ = false;

    std::atomic<std::uint64_t> sent_{0};
    std::atomic<std::uint64_t> sentMeasured_{0};
    std::atomic<std::uint32_t> inflight_{0};
    std::atomic<std::uint64_t> rejected_{0};
    std::atomic<bool> closed_{false};
    mutable std::mutex errorMutex_;
    std::string error_;
};

}  // namespace sbx::bench
