#pragma once

#include <atomic>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "amqp_client.h"
#include "rate_pacer.h"
#include "run_clock.h"
#include "sbx/bench/amqp_benchmark_options.h"
#include "sbx/bench/amqp_publish_template.h"

namespace sbx::bench {

// Where a producer's messages go.
struct AmqpRoute {
    std::string exchange;
    std::string routingKey;
};

// One publishing connection: stamps every message with its send time and sequence
// number, keeps the socket busy (or at most `confirms` publishes unconfirmed), or
// follows the requested rate. Counters are atomics so the coordinating thread can
// watch them.
class AmqpProducer final : public AmqpClientListener {
public:
    AmqpProducer(boost::asio::io_context& io, const AmqpBenchmarkOptions& options,
                 std::uint32_t index, AmqpClientSettings settings, const RunClock& clock,
                 AmqpRoute route);

    [[nodiscard]] AmqpClient& client() { return client_; }

    // On the client's strand: connect, then confirm.select when confirms are on.
    void connect(const Endpoints& endpoints, std::function<void(Status)> done);
    void start();
    void stop();

    [[nodiscard]] std::uint64_t sent() const { return sent_.load(); }
    [[nodiscard]] std::uint64_t sentMeasured() const { return sentMeasured_.load(); }
    [[nodiscard]] std::uint64_t confirmed() const { return confirmed_.load(); }
    [[nodiscard]] std::uint64_t confirmedMeasured() const { return confirmedMeasured_.load(); }
    [[nodiscard]] std::uint64_t nacked() const { return nacked_.load(); }
    [[nodiscard]] std::uint64_t unconfirmed() const { return unconfirmedCount_.load(); }
    [[nodiscard]] bool closed() const { return closed_.load(); }
    [[nodiscard]] std::string error() const;

    void onDelivery(std::uint64_t, std::span<const std::uint8_t>) override {}
    void onReadHandled() override {}
    void onConfirm(std::uint64_t deliveryTag, bool multiple, bool ack) override;
    void onWritable() override { pump(); }
    void onClosed(bool expected, const std::string& reason) override;

private:
    [[nodiscard]] bool hasWindow() const;
    void pump();
    void waitForNextDue();

    const AmqpBenchmarkOptions& options_;
    std::uint32_t index_;
    const RunClock& clock_;
    AmqpRoute route_;
    AmqpClient client_;
    boost::asio::steady_timer rateTimer_;
    RatePacer pacer_;
    std::optional<AmqpPublishTemplate> template_;  // once frame-max is known
    bool running_ = false;
    bool timerArmed_ = false;
    std::set<std::uint64_t> unconfirmed_;  // publish sequence numbers (confirm tags)

    std::atomic<std::uint64_t> sent_{0};
    std::atomic<std::uint64_t> sentMeasured_{0};
    std::atomic<std::uint64_t> confirmed_{0};
    std::atomic<std::uint64_t> confirmedMeasured_{0};
    std::atomic<std::uint64_t> nacked_{0};
    std::atomic<std::uint64_t> unconfirmedCount_{0};
    std::atomic<bool> closed_{false};
    mutable std::mutex errorMutex_;
    std::string error_;
};

}  // namespace sbx::bench
