#include "run_support.h"

#include <algorithm>
#include <boost/asio/ip/tcp.hpp>

#include "sbx/bench/payload_stamp.h"

namespace sbx::bench {

namespace asio = boost::asio;

std::uint64_t secondsToNs(double seconds) {
    return static_cast<std::uint64_t>(seconds * 1e9);
}

std::chrono::milliseconds secondsToMs(double seconds) {
    return std::chrono::milliseconds(static_cast<std::int64_t>(seconds * 1000));
}

unsigned chooseThreads(unsigned requested) {
    return requested > 0 ? requested : std::max(1U, std::thread::hardware_concurrency());
}

Result<Endpoints> resolveEndpoints(const std::string& host, std::uint16_t port) {
    asio::io_context resolving;
    asio::ip::tcp::resolver resolver(resolving);
    boost::system::error_code error;
    const auto results = resolver.resolve(host, std::to_string(port), error);
    if (error || results.empty()) {
        return Error{ErrorCode::NotFound,
                     "cannot resolve " + host + ": " + (error ? error.message() : "no address")};
    }
    Endpoints endpoints;
    for (const auto& entry : results) {
        endpoints.push_back(entry.endpoint());
    }
    return endpoints;
}

std::uint64_t startRunClock(RunClock& clock, double warmupSeconds, double durationSeconds) {
    const auto start = steadyNowNs();
    const auto warmupEnd = start + secondsToNs(warmupSeconds);
    const auto end = warmupEnd + secondsToNs(durationSeconds);
    clock.startNs.store(start);
    clock.warmupEndNs.store(warmupEnd);
    clock.endNs.store(end);
    return end;
}

Throughput throughputOf(std::uint64_t messages, double seconds, std::size_t payloadSize) {
    Throughput figures;
    figures.messages = messages;
    figures.messagesPerSecond = static_cast<double>(messages) / seconds;
    figures.megabytesPerSecond = figures.messagesPerSecond * static_cast<double>(payloadSize) / 1e6;
    return figures;
}

LatencySummary summarize(const LatencyHistogram& latencies) {
    LatencySummary summary;
    summary.samples = latencies.count();
    summary.minNs = latencies.min();
    summary.p50Ns = latencies.valueAtPercentile(50);
    summary.p95Ns = latencies.valueAtPercentile(95);
    summary.p99Ns = latencies.valueAtPercentile(99);
    summary.p999Ns = latencies.valueAtPercentile(99.9);
    summary.maxNs = latencies.max();
    summary.meanNs = latencies.mean();
    return summary;
}

}  // namespace sbx::bench
