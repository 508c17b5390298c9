#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <memory>
#include <ostream>

#include "command_context.h"
#include "commands.h"
#include "sbx/broker/broker.h"
#include "sbx/common/log_hub.h"
#include "sbx/management/http_server.h"

namespace sbx::cli {

namespace {

// Flags given on the command line; each overrides the config file when set.
struct BrokerFlags {
    std::string configFile;
    std::optional<std::string> dataDir;
    std::optional<std::string> bind;
    std::optional<std::uint16_t> mqttPort;
    std::optional<std::uint16_t> wsPort;
    std::optional<std::uint16_t> amqpPort;
    std::optional<std::uint16_t> httpPort;  // the management API; off when absent
    std::optional<std::string> durability;
    std::optional<std::uint32_t> sysInterval;
    std::optional<unsigned> threads;
    std::optional<std::uint32_t> maxConnections;
    std::optional<std::uint32_t> maxPacketSize;
    std::optional<std::uint16_t> maxInflight;
    std::optional<std::uint32_t> maxQueued;
    std::optional<std::uint32_t> maxTopicLength;
    std::optional<std::uint32_t> maxTopicLevels;
    std::string logLevel = "info";
};

template <typename T>
void override(const std::optional<T>& flag, T& into) {
    if (flag) {
        into = *flag;
    }
}

Result<broker::BrokerConfig> buildConfig(const BrokerFlags& flags) {
    broker::BrokerConfig config;
    if (!flags.configFile.empty()) {
        auto loaded = broker::loadBrokerConfig(flags.configFile);
        if (!loaded) {
            return loaded.error();
        }
        config = std::move(loaded).value();
    }
    if (flags.dataDir) {
        config.dataDir = *flags.dataDir;
    }
    override(flags.bind, config.bindAddress);
    if (flags.mqttPort) {
        config.mqttPort = *flags.mqttPort;
    }
    if (flags.wsPort) {
        config.wsPort = *flags.wsPort;
    }
    if (flags.amqpPort) {
        config.amqpPort = *flags.amqpPort;
    }
    if (flags.durability) {
        if (*flags.durability == "synced") {
            config.durability = store::Durability::Synced;
        } else if (*flags.durability == "relaxed") {
            config.durability = store::Durability::Relaxed;
        } else {
            return Error{ErrorCode::InvalidArgument, "--durability must be synced or relaxed"};
        }
    }
    override(flags.sysInterval, config.sysIntervalSeconds);
    override(flags.threads, config.threads);
    auto& limits = config.limits;
    override(flags.maxConnections, limits.maxConnections);
    override(flags.maxPacketSize, limits.maxPacketSize);
    override(flags.maxInflight, limits.maxInflight);
    override(flags.maxQueued, limits.maxQueued);
    override(flags.maxTopicLength, limits.maxTopicLength);
    override(flags.maxTopicLevels, limits.maxTopicLevels);
    if (limits.maxInflight == 0) {
        return Error{ErrorCode::InvalidArgument, "--max-inflight must be at least 1"};
    }
    return config;
}

void logToStderr(LogHub& hub, LogLevel minimum) {
    hub.subscribe([minimum](const LogRecord& record) {
        if (record.level < minimum) {
            return;
        }
        const auto seconds = std::chrono::system_clock::to_time_t(record.time);
        std::tm utc{};
        gmtime_r(&seconds, &utc);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
        std::fprintf(stderr, "%s %s %s: %s\n", stamp, std::string(toString(record.level)).c_str(),
                     record.source.c_str(), record.message.c_str());
    });
}

// Blocks SIGINT and SIGTERM in every thread (the broker's threads inherit the mask),
// so the main thread alone receives them with sigwait.
sigset_t blockStopSignals() {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    return signals;
}

void runBroker(const BrokerFlags& flags, CommandContext& context) {
    auto config = buildConfig(flags);
    if (!config) {
        context.fail(config.error());
        return;
    }
    const auto level = parseLogLevel(flags.logLevel);
    if (!level) {
        context.fail("--log-level must be one of trace, debug, info, warning, error");
        return;
    }
    LogHub log;
    logToStderr(log, *level);
    const auto signals = blockStopSignals();
    auto broker = broker::Broker::start(*config, log);
    if (!broker) {
        context.fail(broker.error());
        return;
    }
    for (const auto& endpoint : (*broker)->endpoints()) {
        context.out << "listening " << endpoint.protocol << ' ' << endpoint.address << ':'
                    << endpoint.port << '\n';
    }
    std::unique_ptr<management::HttpServer> http;
    if (flags.httpPort) {
        auto started = management::HttpServer::start(
            (*broker)->source(), management::HttpServerOptions{.bindAddress = config->bindAddress,
                                                               .port = *flags.httpPort});
        if (!started) {
            (*broker)->stop();
            context.fail(started.error());
            return;
        }
        http = std::move(started).value();
        context.out << "listening http " << http->address() << ':' << http->port() << '\n';
    }
    context.out.flush();
    int received = 0;
    sigwait(&signals, &received);
    log.log(
        LogLevel::Info, "broker",
        std::string("received ") + (received == SIGINT ? "SIGINT" : "SIGTERM") + ", shutting down");
    if (http) {
        http->stop();
    }
    (*broker)->stop();
}

}  // namespace

void addBrokerCommand(CLI::App& app, CommandContext& context) {
    auto* command = app.add_subcommand(
        "broker", "Run the Signalbox broker headless (MQTT 3.1.1/5.0 over TCP and WebSocket)");
    auto flags = std::make_shared<BrokerFlags>();
    command->add_option("--config", flags->configFile, "JSON config file (flags override it)")
        ->check(CLI::ExistingFile);
    command->add_option("--data-dir", flags->dataDir,
                        "Folder for persistent sessions and retained messages (none: in memory)");
    command->add_option("--bind", flags->bind, "Address to listen on (default 127.0.0.1)");
    command->add_option("--mqtt-port", flags->mqttPort, "MQTT port (default 1883; 0 picks one)");
    command->add_option("--ws-port", flags->wsPort, "MQTT over WebSocket port (0 picks one)");
    command->add_option("--amqp-port", flags->amqpPort, "AMQP 0-9-1 port (0 picks one)");
    command->add_option("--http-port", flags->httpPort,
                        "Management API (HTTP, WebSocket events, /metrics) port (0 picks one)");
    command->add_option("--durability", flags->durability,
                        "synced (fsync before acknowledging, default) or relaxed");
    command->add_option("--sys-interval", flags->sysInterval,
                        "Seconds between $SYS updates (default 10; 0 disables)");
    command->add_option("--threads", flags->threads, "I/O threads (default: one per core)");
    command->add_option("--max-connections", flags->maxConnections, "Most clients at once");
    command->add_option("--max-packet-size", flags->maxPacketSize, "Largest packet in bytes");
    command->add_option("--max-inflight", flags->maxInflight,
                        "Unacknowledged QoS 1/2 messages per client and direction");
    command->add_option("--max-queued", flags->maxQueued, "Messages queued per session");
    command->add_option("--max-topic-length", flags->maxTopicLength, "Longest topic in bytes");
    command->add_option("--max-topic-levels", flags->maxTopicLevels, "Most levels in a topic");
    command->add_option("--log-level", flags->logLevel,
                        "trace, debug, info (default), warning or error");
    command->callback([flags, &context] { runBroker(*flags, context); });
}

}  // namespace sbx::cli
