#include "amqp_producer.h"

#include <chrono>

namespace sbx::bench {

namespace {

// Bytes queued per write: large enough to amortise the system call, small enough that
// a message does not wait long behind its predecessors.
constexpr std::size_t kBatchBytes = std::size_t{64} * 1024;

}  // namespace

AmqpProducer::AmqpProducer(boost::asio::io_context& io, const AmqpBenchmarkOptions& options,
                           std::uint32_t index, AmqpClientSettings settings, const RunClock& clock,
                           AmqpRoute route)
    : options_(options),
      index_(index),
      clock_(clock),
      route_(std::move(route)),
      client_(io, std::move(settings), *this),
      rateTimer_(client_.strand()),
      pacer_(options.ratePerProducer, clock) {}

void AmqpProducer::connect(const Endpoints& endpoints, std::function<void(Status)> done) {
    client_.connect(endpoints, [this, done = std::move(done)](const Status& connected) {
        if (!connected) {
            done(connected);
            return;
        }
        template_.emplace(AmqpClient::kChannel, route_.exchange, route_.routingKey,
                          options_.payloadSize, options_.persistent, client_.frameMax());
        if (options_.confirms == 0) {
            done(Status{});
            return;
        }
        client_.call(amqp::ConfirmSelect{}, [done](const Result<amqp::Method>& reply) {
            done(reply ? Status{} : Status(reply.error()));
        });
    });
}

void AmqpProducer::start() {
    running_ = true;
    pump();
}

void AmqpProducer::stop() {
    running_ = false;
    rateTimer_.cancel();
}

bool AmqpProducer::hasWindow() const {
    return options_.confirms == 0 || unconfirmed_.size() < options_.confirms;
}

void AmqpProducer::pump() {
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
    while (left > 0 && out.size() < kBatchBytes && hasWindow()) {
        const auto sequence = sent_.load(std::memory_order_relaxed);
        template_->appendTo(out, PayloadStamp{now, index_, static_cast<std::uint32_t>(sequence)});
        if (options_.confirms > 0) {
            unconfirmed_.insert(sequence + 1);  // confirm tags count publishes from 1
        }
        sent_.store(sequence + 1, std::memory_order_relaxed);
        if (clock_.measured(now)) {
            sentMeasured_.fetch_add(1, std::memory_order_relaxed);
        }
        --left;
        now = steadyNowNs();
    }
    unconfirmedCount_.store(unconfirmed_.size(), std::memory_order_relaxed);
    client_.flush();
    if (left == 0 && pacer_.limited()) {
        waitForNextDue();
    }
}

void AmqpProducer::waitForNextDue() {
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

void AmqpProducer::onConfirm(std::uint64_t deliveryTag, bool multiple, bool ack) {
    const auto first = multiple ? unconfirmed_.begin() : unconfirmed_.find(deliveryTag);
    const auto last = multiple ? unconfirmed_.upper_bound(deliveryTag)
                               : (first == unconfirmed_.end() ? first : std::next(first));
    const auto count = static_cast<std::uint64_t>(std::distance(first, last));
    unconfirmed_.erase(first, last);
    unconfirmedCount_.store(unconfirmed_.size(), std::memory_order_relaxed);
    if (ack) {
        confirmed_.fetch_add(count, std::memory_order_relaxed);
        if (clock_.measured(steadyNowNs())) {
            confirmedMeasured_.fetch_add(count, std::memory_order_relaxed);
        }
    } else {
        nacked_.fetch_add(count, std::memory_order_relaxed);
    }
    pump();
}

void AmqpProducer::onClosed(bool expected, const std::string& reason) {
    running_ = false;
    rateTimer_.cancel();
    if (!expected) {
        const std::lock_guard lock(errorMutex_);
        error_ = "producer " + std::to_string(index_) + ": " + reason;
    }
    closed_.store(true);
}

std::string AmqpProducer::error() const {
    const std::lock_guard lock(errorMutex_);
    return error_;
}

}  // namespace sbx::bench
