#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "command_context.h"
#include "commands.h"
#include "sbx/bench/amqp_benchmark.h"
#include "sbx/bench/mqtt_benchmark.h"

namespace sbx::cli {

namespace {

struct MqttBenchFlags {
    bench::MqttBenchmarkOptions options;
    std::string version = "5";
    int qos = 0;
    bool fanout = false;
    bool json = false;
};

void runMqttBench(MqttBenchFlags flags, CommandContext& context) {
    auto& options = flags.options;
    options.version =
        flags.version == "5" ? mqtt::ProtocolVersion::V5 : mqtt::ProtocolVersion::V311;
    options.qos = static_cast<std::uint8_t>(flags.qos);
    options.topics = flags.fanout ? bench::TopicMode::Fanout : bench::TopicMode::PerPublisher;

    auto report = bench::MqttBenchmark(options).run();
    if (!report) {
        context.fail(report.error().message);
        return;
    }
    context.out << (flags.json ? bench::renderJson(*report) : bench::renderText(*report));
    context.out.flush();
    if (!report->errors.empty()) {
        context.fail("connections failed during the run (see the report)");
    }
}

void addMqttBench(CLI::App& bench, CommandContext& context) {
    auto* command = bench.add_subcommand(
        "mqtt", "Load any MQTT broker: throughput, end-to-end latency, lost messages");
    auto flags = std::make_shared<MqttBenchFlags>();
    auto& o = flags->options;
    command->add_option("--host", o.host, "Broker host")->capture_default_str();
    command->add_option("--port", o.port, "Broker MQTT port")->capture_default_str();
    command->add_option("--mqtt-version", flags->version, "3.1.1 or 5")
        ->check(CLI::IsMember({"3.1.1", "5"}))
        ->capture_default_str();
    command->add_option("--publishers", o.publishers, "Publishing clients")
        ->check(CLI::Range(1U, 100000U))
        ->capture_default_str();
    command->add_option("--subscribers", o.subscribers, "Subscribing clients")
        ->check(CLI::Range(1U, 100000U))
        ->capture_default_str();
    command->add_option("--qos", flags->qos, "QoS of publishes and subscriptions")
        ->check(CLI::Range(0, 2))
        ->capture_default_str();
    command->add_option("--size", o.payloadSize, "Payload bytes (at least 16)")
        ->capture_default_str();
    command
        ->add_option("--rate", o.ratePerPublisher,
                     "Messages per second per publisher (0: flat out)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command->add_option("--duration", o.durationSeconds, "Measured seconds")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    command->add_option("--warmup", o.warmupSeconds, "Seconds published before measuring")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command->add_flag("--fanout", flags->fanout,
                      "All publishers on one topic that every subscriber hears");
    command->add_option("--threads", o.threads, "I/O threads (0: one per core)")
        ->capture_default_str();
    command
        ->add_option("--inflight", o.inflight,
                     "Unacknowledged QoS 1/2 messages per publisher (the broker's Receive "
                     "Maximum may lower it)")
        ->check(CLI::Range(1, 65535))
        ->capture_default_str();
    command->add_flag("--json", flags->json, "Print the report as JSON");
    command->callback([flags, &context] { runMqttBench(*flags, context); });
}

struct AmqpBenchFlags {
    bench::AmqpBenchmarkOptions options;
    std::string exchangeType = "direct";
    std::string flag;
    std::string queueArguments;
    std::string consumerArguments;
    bool json = false;
};

// The flags that need parsing beyond CLI11's checks; false after reporting a failure.
bool applyAmqpFlags(AmqpBenchFlags& flags, CommandContext& context) {
    auto& options = flags.options;
    auto type = bench::parseExchangeType(flags.exchangeType);
    if (!type) {
        context.fail(type.error().message);
        return false;
    }
    options.exchangeType = *type;
    for (auto [text, into] : {std::pair{&flags.queueArguments, &options.queueArguments},
                              std::pair{&flags.consumerArguments, &options.consumerArguments}}) {
        auto parsed = bench::parseAmqpArguments(*text);
        if (!parsed) {
            context.fail(parsed.error().message);
            return false;
        }
        *into = std::move(parsed).value();
    }
    options.persistent = flags.flag == "persistent";
    return true;
}

void runAmqpBench(AmqpBenchFlags flags, CommandContext& context) {
    if (!applyAmqpFlags(flags, context)) {
        return;
    }
    auto report = bench::AmqpBenchmark(flags.options).run();
    if (!report) {
        context.fail(report.error().message);
        return;
    }
    context.out << (flags.json ? bench::renderJson(*report) : bench::renderText(*report));
    context.out.flush();
    if (!report->errors.empty()) {
        context.fail("connections failed during the run (see the report)");
    }
}

void addAmqpConnectionOptions(CLI::App& command, bench::AmqpBenchmarkOptions& o) {
    command.add_option("--host", o.host, "Broker host")->capture_default_str();
    command.add_option("--port", o.port, "Broker AMQP port")->capture_default_str();
    command.add_option("--user", o.user, "User name (SASL PLAIN)")->capture_default_str();
    command.add_option("--password", o.password, "Password")->capture_default_str();
    command.add_option("--vhost", o.vhost, "Virtual host")->capture_default_str();
}

// PerfTest's short flags where CLI11 allows them (single letters).
void addAmqpLoadOptions(CLI::App& command, AmqpBenchFlags& flags) {
    auto& o = flags.options;
    command.add_option("-x,--producers", o.producers, "Producer connections")
        ->check(CLI::Range(1U, 100000U))
        ->capture_default_str();
    command.add_option("-y,--consumers", o.consumers, "Consumer connections")
        ->check(CLI::Range(1U, 100000U))
        ->capture_default_str();
    command.add_option("-q,--prefetch", o.prefetch, "basic.qos prefetch count (0: none)")
        ->capture_default_str();
    command
        .add_option("-c,--confirm", o.confirms,
                    "Publisher confirms, at most N unconfirmed per producer (0: off)")
        ->capture_default_str();
    command.add_option("-f,--flag", flags.flag, "Message flag: persistent")
        ->check(CLI::IsMember({"persistent"}));
    command.add_flag("-a,--autoack", o.autoAck, "Consume with automatic acknowledgement");
    command.add_option("-s,--size", o.payloadSize, "Message body bytes (at least 16)")
        ->capture_default_str();
    command
        .add_option("-r,--rate", o.ratePerProducer,
                    "Messages per second per producer (0: flat out)")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command.add_option("-z,--duration", o.durationSeconds, "Measured seconds")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    command.add_option("--warmup", o.warmupSeconds, "Seconds published before measuring")
        ->check(CLI::NonNegativeNumber)
        ->capture_default_str();
    command
        .add_option("-t,--type", flags.exchangeType,
                    "direct or topic (one shared queue), fanout (a queue per consumer)")
        ->check(CLI::IsMember({"direct", "fanout", "topic"}))
        ->capture_default_str();
    command.add_option("--queue-args", flags.queueArguments,
                       "Queue arguments, e.g. x-queue-type=stream,x-max-length-bytes=1000000");
    command.add_option("--consumer-args", flags.consumerArguments,
                       "basic.consume arguments, e.g. x-stream-offset=next");
    command.add_option("--threads", o.threads, "I/O threads (0: one per core)")
        ->capture_default_str();
    command.add_flag("--json", flags.json, "Print the report as JSON");
}

void addAmqpBench(CLI::App& bench, CommandContext& context) {
    auto* command = bench.add_subcommand(
        "amqp",
        "Load any AMQP 0-9-1 broker like RabbitMQ's PerfTest: throughput, confirms, latency");
    auto flags = std::make_shared<AmqpBenchFlags>();
    addAmqpConnectionOptions(*command, flags->options);
    addAmqpLoadOptions(*command, *flags);
    command->callback([flags, &context] { runAmqpBench(*flags, context); });
}

}  // namespace

void addBenchCommand(CLI::App& app, CommandContext& context) {
    auto* command = app.add_subcommand("bench", "Benchmark brokers (ours or any other)");
    command->require_subcommand(1);
    addMqttBench(*command, context);
    addAmqpBench(*command, context);
}

}  // namespace sbx::cli
