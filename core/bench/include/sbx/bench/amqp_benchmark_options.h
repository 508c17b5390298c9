#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/common/result.h"

namespace sbx::bench {

// Where producers publish, as PerfTest's --type: amq.direct or amq.topic with the queue
// name as routing key (one queue that the consumers share), or amq.fanout (a queue per
// consumer, each bound to the exchange, so every consumer gets every message).
enum class AmqpExchangeType { Direct, Fanout, Topic };

// One queue or consumer argument as given on the command line ("x-queue-type=stream").
// It goes on the wire as a long integer when the value is one, else as a long string,
// as PerfTest's --queue-args does.
struct AmqpArgument {
    std::string name;
    std::string value;
    bool operator==(const AmqpArgument&) const = default;
};

// A load in the terms of RabbitMQ's PerfTest (its flag in brackets).
struct AmqpBenchmarkOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 5672;
    std::string user = "guest";
    std::string password = "guest";
    std::string vhost = "/";
    std::uint32_t producers = 1;    // -x
    std::uint32_t consumers = 1;    // -y
    std::uint16_t prefetch = 0;     // -q: basic.qos per consumer; 0 sends none (no limit)
    std::uint32_t confirms = 0;     // -c: unconfirmed publishes per producer; 0: no confirms
    bool persistent = false;        // -f persistent: delivery mode 2, durable queues
    bool autoAck = false;           // -a; otherwise each read's deliveries are acked at once
    std::size_t payloadSize = 100;  // -s, at least the 16-byte stamp
    double ratePerProducer = 0;     // -r, messages per second; 0 publishes flat out
    double durationSeconds = 5;     // -z, measured, after the warm-up
    double warmupSeconds = 1;       // published but not measured
    double drainSeconds = 5;        // how long to wait for stragglers at the end
    AmqpExchangeType exchangeType = AmqpExchangeType::Direct;
    std::vector<AmqpArgument> queueArguments;     // -qa, e.g. x-queue-type=stream
    std::vector<AmqpArgument> consumerArguments;  // basic.consume, e.g. x-stream-offset=next
    unsigned threads = 0;                         // I/O threads; 0 uses one per core
    double connectTimeoutSeconds = 10;
};

// Refuses options that cannot run, saying which and why.
[[nodiscard]] Status validate(const AmqpBenchmarkOptions& options);

// "name=value,name=value" (empty text: none). Refuses an entry without '=' or a name.
[[nodiscard]] Result<std::vector<AmqpArgument>> parseAmqpArguments(std::string_view text);
[[nodiscard]] Result<AmqpExchangeType> parseExchangeType(std::string_view name);
[[nodiscard]] std::string_view exchangeTypeName(AmqpExchangeType type);  // "direct", ...

// x-queue-type=stream: every consumer of the stream reads every message.
[[nodiscard]] bool usesStreams(const AmqpBenchmarkOptions& options);
// Fanout gives each consumer its own queue; otherwise the consumers share one.
[[nodiscard]] bool queuePerConsumer(const AmqpBenchmarkOptions& options);
// How many deliveries each published message should make: one per consumer when each
// consumer has its own queue or reads a stream, else one.
[[nodiscard]] std::uint32_t deliveriesPerMessage(const AmqpBenchmarkOptions& options);

}  // namespace sbx::bench
