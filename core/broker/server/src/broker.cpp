#include "sbx/broker/broker.h"

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <future>
#include <thread>

#include "broker_context.h"
#include "embedded_source.h"
#include "listener.h"
#include "state_loader.h"
#include "sys_topics.h"

namespace sbx::broker {

struct Broker::Impl {
    explicit Impl(const BrokerConfig& brokerConfig, LogHub& logHub)
        : config(brokerConfig), log(logHub), housekeepingTimer(io), sysTimer(io) {}

    Status start();
    Status openStore();
    Status openListeners();
    void scheduleHousekeeping();
    void scheduleSys();
    void stop();

    BrokerConfig config;
    LogHub& log;
    std::unique_ptr<store::DurableStore> store;
    std::unique_ptr<BrokerContext> context;
    boost::asio::io_context io;
    std::optional<boost::asio::executor_work_guard<boost::asio::io_context::executor_type>> work;
    std::vector<std::thread> threads;
    ConnectionTracker connections;
    std::vector<std::unique_ptr<Listener>> listeners;
    std::vector<ListeningEndpoint> endpoints;
    boost::asio::steady_timer housekeepingTimer;
    boost::asio::steady_timer sysTimer;
    std::unique_ptr<SysTopics> sys;
    std::unique_ptr<EmbeddedSource> source;
    bool stopped = false;
};

Status Broker::Impl::openStore() {
    if (config.dataDir.empty()) {
        return {};
    }
    store::DurableStore::Options options;
    options.durability = config.durability;
    auto opened = store::DurableStore::open(config.dataDir, options);
    if (!opened) {
        return opened.error();
    }
    store = std::move(opened).value();
    return {};
}

Status Broker::Impl::openListeners() {
    const auto maxSockets = config.limits.maxConnections + config.limits.maxConnections / 10 + 16;
    auto add = [&](const char* protocol, std::uint16_t port, Listener::Factory factory) -> Status {
        auto listener = Listener::open(io, config.bindAddress, port, std::move(factory),
                                       connections, maxSockets);
        if (!listener) {
            return listener.error();
        }
        endpoints.push_back({protocol, config.bindAddress, (*listener)->port()});
        listeners.push_back(std::move(listener).value());
        return {};
    };
    auto* ctx = context.get();
    if (config.mqttPort) {
        auto status = add("mqtt", *config.mqttPort, [ctx](Strand strand, auto socket) {
            return makeTcpConnection(*ctx, std::move(strand), std::move(socket));
        });
        if (!status) {
            return status;
        }
    }
    if (config.amqpPort) {
        auto status = add("amqp", *config.amqpPort, [ctx](Strand strand, auto socket) {
            return makeTcpConnection(*ctx, std::move(strand), std::move(socket),
                                     WireProtocol::Amqp);
        });
        if (!status) {
            return status;
        }
    }
    if (config.wsPort) {
        auto status = add("ws", *config.wsPort, [ctx](Strand strand, auto socket) {
            return makeWebSocketConnection(*ctx, std::move(strand), std::move(socket));
        });
        if (!status) {
            return status;
        }
    }
    return {};
}

Status Broker::Impl::start() {
    if (auto status = openStore(); !status) {
        return status;
    }
    context = std::make_unique<BrokerContext>(config, log, store.get());
    if (auto status = loadPersistedState(*context); !status) {
        return status;
    }
    if (auto status = openListeners(); !status) {
        return status;
    }
    sys = std::make_unique<SysTopics>(*context);
    source = std::make_unique<EmbeddedSource>(*context, endpoints);
    work.emplace(io.get_executor());
    for (auto& listener : listeners) {
        listener->start();
    }
    scheduleHousekeeping();
    if (config.sysIntervalSeconds > 0) {
        boost::asio::post(io, [this] { sys->publish(config.sysIntervalSeconds); });
        scheduleSys();
    }
    const auto count =
        config.threads > 0 ? config.threads : std::max(2U, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < count; ++i) {
        threads.emplace_back([this] { io.run(); });
    }
    for (const auto& endpoint : endpoints) {
        context->logMessage(LogLevel::Info, "listening " + endpoint.protocol + " " +
                                                endpoint.address + ":" +
                                                std::to_string(endpoint.port));
    }
    return {};
}

void Broker::Impl::scheduleHousekeeping() {
    housekeepingTimer.expires_after(std::chrono::milliseconds(250));
    housekeepingTimer.async_wait([this](const boost::system::error_code& error) {
        if (error) {
            return;
        }
        context->registry.housekeeping(std::chrono::steady_clock::now());
        const auto now = amqp::Clock::now();
        std::uint64_t held = 0;
        for (auto& [name, host] : context->amqpHosts) {
            host->tick(now);
            held += host->heldBytes();
        }
        context->amqpMemoryAlarm.update(held);
        scheduleHousekeeping();
    });
}

void Broker::Impl::scheduleSys() {
    sysTimer.expires_after(std::chrono::seconds(config.sysIntervalSeconds));
    sysTimer.async_wait([this](const boost::system::error_code& error) {
        if (error) {
            return;
        }
        sys->publish(config.sysIntervalSeconds);
        scheduleSys();
    });
}

void Broker::Impl::stop() {
    if (stopped) {
        return;
    }
    stopped = true;
    if (!threads.empty()) {
        // Close listeners and timers on the io threads, where they are used.
        std::promise<void> closed;
        boost::asio::post(io, [this, &closed] {
            for (auto& listener : listeners) {
                listener->stop();
            }
            housekeepingTimer.cancel();
            sysTimer.cancel();
            closed.set_value();
        });
        closed.get_future().wait();
        connections.abortAll();
        work.reset();
        // Give connections a moment to run their close handlers, then stop.
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        while (connections.openCount() > 0 && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        io.stop();
        for (auto& thread : threads) {
            thread.join();
        }
        threads.clear();
    }
    if (store) {
        if (auto status = store->flush(); !status) {
            log.log(LogLevel::Error, "broker", "store flush failed: " + status.error().describe());
        }
    }
    if (context) {
        context->logMessage(LogLevel::Info, "stopped");
    }
}

Result<std::unique_ptr<Broker>> Broker::start(const BrokerConfig& config, LogHub& log) {
    auto impl = std::make_unique<Impl>(config, log);
    if (auto status = impl->start(); !status) {
        impl->stop();
        return status.error();
    }
    return std::unique_ptr<Broker>(new Broker(std::move(impl)));
}

Broker::Broker(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Broker::~Broker() {
    stop();
}

void Broker::stop() {
    impl_->stop();
}

const std::vector<ListeningEndpoint>& Broker::endpoints() const {
    return impl_->endpoints;
}

observe::HopEventBus& Broker::hopEvents() {
    return impl_->context->hops;
}

observe::BrokerSource& Broker::source() {
    return *impl_->source;
}

BrokerStatsSnapshot Broker::stats() const {
    const auto& context = *impl_->context;
    const auto& c = context.counters;
    BrokerStatsSnapshot s;
    s.uptimeSeconds =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::steady_clock::now() - context.startedAt)
                                       .count());
    s.clientsConnected = c.clientsConnected.load();
    s.connections = context.clients.size();
    s.clientsTotal = context.registry.size();
    s.clientsMaximum = c.clientsMaximum.load();
    s.messagesReceived = c.messagesReceived.load();
    s.messagesSent = c.messagesSent.load();
    s.messagesDropped = c.messagesDropped.load();
    s.messagesExpired = c.messagesExpired.load();
    s.publishReceived = c.publishReceived.load();
    s.publishSent = c.publishSent.load();
    s.bytesReceived = c.bytesReceived.load();
    s.bytesSent = c.bytesSent.load();
    s.subscriptions = context.router.subscriptionCount();
    s.retainedMessages = context.router.retainedCount();
    s.storedMessages = c.storedMessages.load();
    return s;
}

}  // namespace sbx::broker
