#include "benchmark_run.h"

#include <unistd.h>

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <chrono>

#include "countdown.h"
#include "sbx/bench/payload_stamp.h"

namespace sbx::bench {

namespace {

namespace asio = boost::asio;
using std::chrono::milliseconds;

constexpr auto kPollInterval = milliseconds(10);
constexpr auto kCloseTimeout = std::chrono::seconds(5);

std::uint64_t secondsToNs(double seconds) {
    return static_cast<std::uint64_t>(seconds * 1e9);
}

milliseconds secondsToMs(double seconds) {
    return milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

unsigned chooseThreads(unsigned requested) {
    return requested > 0 ? requested : std::max(1U, std::thread::hardware_concurrency());
}

// Polls `done` until it holds or the deadline passes; true when it held.
template <typename Predicate>
bool waitUntil(std::chrono::steady_clock::time_point deadline, Predicate done) {
    while (!done()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            return false;
        }
        std::this_thread::sleep_for(kPollInterval);
    }
    return true;
}

Throughput throughputOf(std::uint64_t messages, double seconds, std::size_t payloadSize) {
    Throughput figures;
    figures.messages = messages;
    figures.messagesPerSecond = static_cast<double>(messages) / seconds;
    figures.megabytesPerSecond = figures.messagesPerSecond * static_cast<double>(payloadSize) / 1e6;
    return figures;
}

}  // namespace

BenchmarkRun::BenchmarkRun(const MqttBenchmarkOptions& options)
    : options_(options),
      threadCount_(chooseThreads(options.threads)),
      io_(static_cast<int>(threadCount_)) {}

BenchmarkRun::~BenchmarkRun() {
    stopThreads();
}

Result<MqttBenchmarkReport> BenchmarkRun::execute() {
    auto resolved = resolve();
    if (!resolved) {
        return resolved.error();
    }
    endpoints_ = std::move(resolved).value();
    work_.emplace(io_.get_executor());
    for (unsigned i = 0; i < threadCount_; ++i) {
        threads_.emplace_back([this] { io_.run(); });
    }
    // Subscribers first, so they hear the very first message.
    auto ready = connectSubscribers();
    if (ready) {
        ready = connectPublishers();
    }
    if (!ready) {
        stopThreads();  // before anything a pending handler refers to goes away
        return ready.error();
    }
    publishUntilTheEnd();
    const bool drained = drain();
    disconnectAll();
    stopThreads();
    return buildReport(drained);
}

Result<Endpoints> BenchmarkRun::resolve() const {
    asio::io_context resolving;
    asio::ip::tcp::resolver resolver(resolving);
    boost::system::error_code error;
    const auto results = resolver.resolve(options_.host, std::to_string(options_.port), error);
    if (error || results.empty()) {
        return Error{ErrorCode::NotFound, "cannot resolve " + options_.host + ": " +
                                              (error ? error.message() : "no address")};
    }
    Endpoints endpoints;
    for (const auto& entry : results) {
        endpoints.push_back(entry.endpoint());
    }
    return endpoints;
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
        subscribers_.push_back(
            std::make_unique<BenchSubscriber>(io_, options_, i, settingsFor("sub", i), clock_));
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
        publishers_.push_back(
            std::make_unique<BenchPublisher>(io_, options_, i, settingsFor("pub", i), clock_));
        auto* publisher = publishers_.back().get();
        asio::post(publisher->client().strand(), [this, publisher, ready] {
            publisher->client().connect(endpoints_,
                                        [ready](const Status& status) { ready->done(status); });
        });
    }
    return ready->wait(secondsToMs(options_.connectTimeoutSeconds * 2), "connecting");
}

void BenchmarkRun::publishUntilTheEnd() {
    const auto start = steadyNowNs();
    const auto warmupEnd = start + secondsToNs(options_.warmupSeconds);
    const auto end = warmupEnd + secondsToNs(options_.durationSeconds);
    clock_.startNs.store(start);
    clock_.warmupEndNs.store(warmupEnd);
    clock_.endNs.store(end);
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

void BenchmarkRun::stopThreads() {
    work_.reset();
    io_.stop();
    for (auto& thread : threads_) {
        thread.join();
    }
    threads_.clear();
}

MqttBenchmarkReport BenchmarkRun::buildReport(bool drained) const {
    MqttBenchmarkReport report;
    report.options = options_;
    report.threads = threadCount_;
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
    report.latency.samples = latencies.count();
    report.latency.minNs = latencies.min();
    report.latency.p50Ns = latencies.valueAtPercentile(50);
    report.latency.p99Ns = latencies.valueAtPercentile(99);
    report.latency.p999Ns = latencies.valueAtPercentile(99.9);
    report.latency.maxNs = latencies.max();
    report.latency.meanNs = latencies.mean();
    return report;
}

}  // namespace sbx::bench
