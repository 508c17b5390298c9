#include "amqp_benchmark_run.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <boost/asio/post.hpp>
#include <chrono>

#include "countdown.h"
#include "run_support.h"

namespace sbx::bench {

namespace {

namespace asio = boost::asio;

constexpr auto kCloseTimeout = std::chrono::seconds(5);

std::string uniqueQueueBase() {
    static std::atomic<unsigned> runs{0};
    return "sbx-bench-" + std::to_string(::getpid()) + "-" + std::to_string(runs.fetch_add(1));
}

}  // namespace

AmqpBenchmarkRun::AmqpBenchmarkRun(const AmqpBenchmarkOptions& options)
    : options_(options), queueBase_(uniqueQueueBase()), threads_(chooseThreads(options.threads)) {}

AmqpBenchmarkRun::~AmqpBenchmarkRun() {
    threads_.stop();
}

Result<AmqpBenchmarkReport> AmqpBenchmarkRun::execute() {
    auto resolved = resolveEndpoints(options_.host, options_.port);
    if (!resolved) {
        return resolved.error();
    }
    endpoints_ = std::move(resolved).value();
    threads_.start();
    // Consumers first, so their queues exist and hear the very first message.
    auto ready = connectConsumers();
    if (ready) {
        ready = connectProducers();
    }
    if (!ready) {
        closeAll();  // delete what was declared before giving up
        threads_.stop();
        return ready.error();
    }
    publishUntilTheEnd();
    const bool drained = drain();
    closeAll();
    threads_.stop();
    return buildReport(drained);
}

AmqpClientSettings AmqpBenchmarkRun::settingsFor(const std::string& role,
                                                 std::uint32_t index) const {
    AmqpClientSettings settings;
    settings.user = options_.user;
    settings.password = options_.password;
    settings.vhost = options_.vhost;
    settings.connectionName = queueBase_ + "-" + role + "-" + std::to_string(index);
    settings.connectTimeoutSeconds = options_.connectTimeoutSeconds;
    settings.brokerName = options_.host + ":" + std::to_string(options_.port);
    return settings;
}

AmqpQueuePlan AmqpBenchmarkRun::queueFor(std::uint32_t consumer) const {
    AmqpQueuePlan plan;
    plan.exchange = "amq." + std::string(exchangeTypeName(options_.exchangeType));
    if (queuePerConsumer(options_)) {
        plan.queue = queueBase_ + "-" + std::to_string(consumer);
        plan.owner = true;
    } else {
        plan.queue = queueBase_;
        plan.bindingKey = queueBase_;
        plan.owner = consumer == 0;
    }
    return plan;
}

AmqpRoute AmqpBenchmarkRun::route() const {
    const auto plan = queueFor(0);
    return AmqpRoute{plan.exchange, plan.bindingKey};
}

// Owners first: a queue the consumers share is declared once before the others declare
// it again and consume. (RabbitMQ 3.10 can fail a consume with stream_not_found while
// several channels declare the same new stream at once.)
Status AmqpBenchmarkRun::connectConsumers() {
    for (std::uint32_t i = 0; i < options_.consumers; ++i) {
        consumers_.push_back(std::make_unique<AmqpConsumer>(
            threads_.io(), options_, i, settingsFor("consumer", i), clock_, queueFor(i)));
    }
    for (const bool owners : {true, false}) {
        const auto count = static_cast<std::size_t>(
            std::count_if(consumers_.begin(), consumers_.end(),
                          [owners](const auto& c) { return c->plan().owner == owners; }));
        auto ready = std::make_shared<Countdown>(count);
        for (auto& consumer : consumers_) {
            if (consumer->plan().owner != owners) {
                continue;
            }
            asio::post(consumer->client().strand(), [this, c = consumer.get(), ready] {
                c->subscribe(endpoints_, [ready](const Status& status) { ready->done(status); });
            });
        }
        if (auto status =
                ready->wait(secondsToMs(options_.connectTimeoutSeconds * 2), "subscribing");
            !status) {
            return status;
        }
    }
    return {};
}

Status AmqpBenchmarkRun::connectProducers() {
    auto ready = std::make_shared<Countdown>(options_.producers);
    for (std::uint32_t i = 0; i < options_.producers; ++i) {
        producers_.push_back(std::make_unique<AmqpProducer>(
            threads_.io(), options_, i, settingsFor("producer", i), clock_, route()));
        auto* producer = producers_.back().get();
        asio::post(producer->client().strand(), [this, producer, ready] {
            producer->connect(endpoints_, [ready](const Status& status) { ready->done(status); });
        });
    }
    return ready->wait(secondsToMs(options_.connectTimeoutSeconds * 2), "connecting");
}

void AmqpBenchmarkRun::publishUntilTheEnd() {
    const auto end = startRunClock(clock_, options_.warmupSeconds, options_.durationSeconds);
    for (auto& producer : producers_) {
        asio::post(producer->client().strand(), [p = producer.get()] { p->start(); });
    }
    std::this_thread::sleep_for(std::chrono::nanoseconds(end - steadyNowNs()));

    // Stop on each producer's strand, so its counters are final once all have run.
    auto stopped = std::make_shared<Countdown>(producers_.size());
    for (auto& producer : producers_) {
        asio::post(producer->client().strand(), [p = producer.get(), stopped] {
            p->stop();
            stopped->done({});
        });
    }
    (void)stopped->wait(kCloseTimeout, "stopping");
}

std::uint64_t AmqpBenchmarkRun::expectedDeliveries() const {
    std::uint64_t sent = 0;
    for (const auto& producer : producers_) {
        sent += producer->sent();
    }
    return sent * deliveriesPerMessage(options_);
}

bool AmqpBenchmarkRun::drain() {
    const auto deadline = std::chrono::steady_clock::now() + secondsToMs(options_.drainSeconds);
    const auto expected = expectedDeliveries();
    return waitUntil(deadline, [this, expected] {
        std::uint64_t delivered = 0;
        for (const auto& consumer : consumers_) {
            if (consumer->closed()) {
                return true;  // nothing more will come; the report says why
            }
            delivered += consumer->distinct();
        }
        const bool confirmed =
            std::all_of(producers_.begin(), producers_.end(), [](const auto& producer) {
                return producer->closed() || producer->unconfirmed() == 0;
            });
        return delivered >= expected && confirmed;
    });
}

// Producers close first; then each queue's owner deletes it and every consumer closes.
void AmqpBenchmarkRun::closeAll() {
    for (auto& producer : producers_) {
        asio::post(producer->client().strand(), [p = producer.get()] { p->client().close(); });
    }
    for (auto& consumer : consumers_) {
        asio::post(consumer->client().strand(), [c = consumer.get()] {
            c->deleteQueue([c](const Status&) { c->client().close(); });
        });
    }
    (void)waitUntil(std::chrono::steady_clock::now() + kCloseTimeout, [this] {
        return std::all_of(consumers_.begin(), consumers_.end(),
                           [](const auto& c) { return c->closed(); }) &&
               std::all_of(producers_.begin(), producers_.end(),
                           [](const auto& p) { return p->closed(); });
    });
}

AmqpBenchmarkReport AmqpBenchmarkRun::buildReport(bool drained) const {
    AmqpBenchmarkReport report;
    report.options = options_;
    report.threads = threads_.count();
    report.drained = drained;
    report.measuredSeconds = options_.durationSeconds;

    std::uint64_t sentMeasured = 0;
    std::uint64_t confirmedMeasured = 0;
    for (const auto& producer : producers_) {
        report.sentTotal += producer->sent();
        report.confirmedTotal += producer->confirmed();
        report.nacked += producer->nacked();
        sentMeasured += producer->sentMeasured();
        confirmedMeasured += producer->confirmedMeasured();
        if (auto error = producer->error(); !error.empty()) {
            report.errors.push_back(error);
        }
    }
    LatencyHistogram latencies;
    std::uint64_t receivedMeasured = 0;
    for (const auto& consumer : consumers_) {
        latencies.merge(consumer->latencies());
        receivedMeasured += consumer->receivedMeasured();
        report.deliveries += consumer->tracker().distinct();
        report.duplicates += consumer->tracker().duplicates();
        if (auto error = consumer->error(); !error.empty()) {
            report.errors.push_back(error);
        }
    }
    report.expectedDeliveries = report.sentTotal * deliveriesPerMessage(options_);
    report.lost = report.expectedDeliveries > report.deliveries
                      ? report.expectedDeliveries - report.deliveries
                      : 0;
    const auto seconds = report.measuredSeconds;
    report.sent = throughputOf(sentMeasured, seconds, options_.payloadSize);
    report.confirmed = throughputOf(confirmedMeasured, seconds, options_.payloadSize);
    report.received = throughputOf(receivedMeasured, seconds, options_.payloadSize);
    report.latency = summarize(latencies);
    return report;
}

}  // namespace sbx::bench
