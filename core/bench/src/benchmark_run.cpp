#include "benchmark_run.h"

#include <unistd.h>

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <chrono>

#include "countdown.h"
#include "run_support.h"
#include "sbx/bench/payload_stamp.h"

namespace sbx::bench {

namespace {

namespace asio = boost::asio;

constexpr auto kCloseTimeout = std::chrono::seconds(5);

}  // namespace

BenchmarkRun::BenchmarkRun(const MqttBenchmarkOptions& options)
    : options_(options), threads_(chooseThreads(options.threads)) {}

BenchmarkRun::~BenchmarkRun() {
    threads_.stop();
}

Result<MqttBenchmarkReport> BenchmarkRun::execute() {
    auto resolved = resolve();
    if (!resolved) {
        return resolved.error();
    }
    endpoints_ = std::move(resolved).value();
    threads_.start();
    // Subscribers first, so they hear the very first message.
    auto ready = connectSubscribers();
    if (ready) {
        ready = connectPublishers();
    }
    if (!ready) {
        threads_.stop();  // before anything a pending handler refers to goes away
        return ready.error();
    }
    publishUntilTheEnd();
    const bool drained = drain();
    disconnectAll();
    threads_.stop();
    return buildReport(drained);
}

Result<Endpoints> BenchmarkRun::resolve() const {
    return resolveEndpoints(options_.host, options_.port);
}

ClientSettings BenchmarkRun::settingsFor(const std::string& role, std::uint32_t index) const {
    ClientSettings settings;
    settings.clientId =
        "sbx-bench-" + std::to_string(::getpid()) + "-" + role + "-" + std::to_string(index);
    settings.version = options_.version;
    settings.inflight = options_.inflight;
    settings.connectTimeoutSeconds = options_.connectTimeoutSeconds;
    settings.brokerName = options_.host + ":" + std::to_string(options_.port);
    return settings;
}

Status BenchmarkRun::connectSubscribers() {
    auto ready = std::make_shared<Countdown>(options_.subscribers);
    for (std::uint32_t i = 0; i < options_.subscribers; ++i) {
        subscribers_.push_back(std::make_unique<BenchSubscriber>(threads_.io(), options_, i,
                                                                 settingsFor("sub", i), clock_));
        auto* subscriber = subscribers_.back().get();
        asio::post(subscriber->client().strand(), [this, subscriber, ready] {
            subscriber->client().connect(
                endpoints_, [this, subscriber, ready](const Status& status) {
                    if (!status) {
                        ready->done(status);
                        return;
                    }
                    subscriber->client().subscribe(
                        subscriber->filters(), options_.qos,
                        [ready](const Status& subscribed) { ready->done(subscribed); });
                });
        });
    }
    return ready->wait(secondsToMs(options_.connectTimeoutSeconds * 2), "subscribing");
}

Status BenchmarkRun::connectPublishers() {
    auto ready = std::make_shared<Countdown>(options_.publishers);
    for (std::uint32_t i = 0; i < options_.publishers; ++i) {
        publishers_.push_back(std::make_unique<BenchPublisher>(threads_.io(), options_, i,
                                                               settingsFor("pub", i), clock_));
        auto* publisher = publishers_.back().get();
        asio::post(publisher->client().strand(), [this, publisher, ready] {
            publisher->client().connect(endpoints_,
                                        [ready](const Status& status) { ready->done(status); });
        });
    }
    return ready->wait(secondsToMs(options_.connectTimeoutSeconds * 2), "connecting");
}

void BenchmarkRun::publishUntilTheEnd() {
    const auto end = startRunClock(clock_, options_.warmupSeconds, options_.durationSeconds);
    for (auto& publisher : publishers_) {
        asio::post(publisher->client().strand(), [p = publisher.get()] { p->start(); });
    }
    std::this_thread::sleep_for(std::chrono::nanoseconds(end - steadyNowNs()));

    // Stop on each publisher's strand, so its counters are final once all have run.
    auto stopped = std::make_shared<Countdown>(publishers_.size());
    for (auto& publisher : publishers_) {
        asio::post(publisher->client().strand(), [p = publisher.get(), stopped] {
            p->stop();
            stopped->done({});
        });
    }
    (void)stopped->wait(kCloseTimeout, "stopping");
}

std::uint64_t BenchmarkRun::expectedBy(const BenchSubscriber& subscriber) const {
    std::uint64_t expected = 0;
    for (const auto publisher : subscriber.heard()) {
        expected += publishers_[publisher]->sent();
    }
    return expected;
}

bool BenchmarkRun::drain() {
    const auto deadline = std::chrono::steady_clock::now() + secondsToMs(options_.drainSeconds);
    return waitUntil(deadline, [this] {
        const bool delivered =
            std::all_of(subscribers_.begin(), subscribers_.end(), [this](const auto& subscriber) {
                return subscriber->closed() || subscriber->distinct() >= expectedBy(*subscriber);
            });
        const bool acknowledged =
            std::all_of(publishers_.begin(), publishers_.end(), [](const auto& publisher) {
                return publisher->closed() || publisher->inflight() == 0;
            });
        return delivered && acknowledged;
    });
}

void BenchmarkRun::disconnectAll() {
    for (auto& subscriber : subscribers_) {
        asio::post(subscriber->client().strand(),
                   [s = subscriber.get()] { s->client().disconnect(); });
    }
    for (auto& publisher : publishers_) {
        asio::post(publisher->client().strand(),
                   [p = publisher.get()] { p->client().disconnect(); });
    }
    (void)waitUntil(std::chrono::steady_clock::now() + kCloseTimeout, [this] {
        return std::all_of(subscribers_.begin(), subscribers_.end(),
                           [](const auto& s) { return s->closed(); }) &&
               std::all_of(publishers_.begin(), publishers_.end(),
                           [](const auto& p) { return p->closed(); });
    });
}

MqttBenchmarkReport BenchmarkRun::buildReport(bool drained) const {
    MqttBenchmarkReport report;
    report.options = options_;
    report.threads = threads_.count();
    report.drained = drained;
    report.measuredSeconds = options_.durationSeconds;
    report.inflightUsed = options_.inflight;

    std::uint64_t sentMeasured = 0;
    for (const auto& publisher : publishers_) {
        report.publishedTotal += publisher->sent();
        sentMeasured += publisher->sentMeasured();
        report.rejected += publisher->rejected();
        report.inflightUsed = std::min(report.inflightUsed, publisher->client().window());
        if (auto error = publisher->error(); !error.empty()) {
            report.errors.push_back(error);
        }
    }
    LatencyHistogram latencies;
    std::uint64_t receivedMeasured = 0;
    for (const auto& subscriber : subscribers_) {
        latencies.merge(subscriber->latencies());
        receivedMeasured += subscriber->receivedMeasured();
        const auto expected = expectedBy(*subscriber);
        const auto delivered = subscriber->tracker().distinct();
        report.expectedDeliveries += expected;
        report.deliveries += delivered;
        report.lost += expected > delivered ? expected - delivered : 0;
        report.duplicates += subscriber->tracker().duplicates();
        if (auto error = subscriber->error(); !error.empty()) {
            report.errors.push_back(error);
        }
    }
    report.published = throughputOf(sentMeasured, report.measuredSeconds, options_.payloadSize);
    report.received = throughputOf(receivedMeasured, report.measuredSeconds, options_.payloadSize);
    report.latency = summarize(latencies);
    return report;
}

}  // namespace sbx::bench
