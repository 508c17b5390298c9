#include <CLI/CLI.hpp>
#include <memory>
#include <ostream>

#include "command_context.h"
#include "commands.h"
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

}  // namespace

void addBenchCommand(CLI::App& app, CommandContext& context) {
    auto* command = app.add_subcommand("bench", "Benchmark brokers (ours or any other)");
    command->require_subcommand(1);
    addMqttBench(*command, context);
}

}  // namespace sbx::cli
