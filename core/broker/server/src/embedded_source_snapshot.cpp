#include <algorithm>

#include "broker_context.h"
#include "embedded_source.h"
#include "embedded_source_render.h"
#include "sbx/common/version.h"
#include "session.h"

namespace sbx::broker {

namespace {

std::string queueId(std::string_view vhost, std::string_view name) {
    std::string id = "queue:";
    id.append(vhost).append("/").append(name);
    return id;
}

std::string exchangeId(std::string_view vhost, std::string_view name) {
    std::string id = "exchange:";
    id.append(vhost).append("/").append(name);
    return id;
}

// What left the queue other than by acknowledgement, each message counted once (dead
// letters are a subset of these: they died of one of these causes).
std::uint64_t droppedOf(const amqp::QueueStats& stats) {
    return stats.expired + stats.dropped + stats.rejectedPublishes + stats.rejected;
}

observe::Destination describeQueue(const amqp::Queue& queue) {
    const auto& settings = queue.settings();
    const auto stats = queue.stats();
    observe::Destination d;
    d.id = queueId(settings.vhost, settings.name);
    d.kind = queue.type() == amqp::QueueType::Stream ? observe::DestinationKind::Stream
                                                     : observe::DestinationKind::Queue;
    d.vhost = settings.vhost;
    d.name = settings.name;
    d.type = std::string(amqp::toString(queue.type()));
    d.durable = settings.durable;
    d.autoDelete = settings.autoDelete;
    d.exclusive = settings.exclusive;
    d.messagesReady = stats.ready;
    d.messagesUnacked = stats.unacked;
    d.bytes = stats.totalBytes();
    d.consumers = static_cast<std::uint32_t>(stats.consumers);
    d.counters = {stats.published, stats.delivered, stats.acked, stats.redelivered,
                  droppedOf(stats)};
    if (!settings.arguments.empty()) {
        d.arguments = render::fieldTable(settings.arguments);
    }
    d.deadLetterExchange = settings.parsed.deadLetterExchange.value_or("");
    d.deadLetterRoutingKey = settings.parsed.deadLetterRoutingKey.value_or("");
    return d;
}

observe::Destination describeExchange(std::string_view vhost, const amqp::Exchange& exchange) {
    observe::Destination d;
    d.id = exchangeId(vhost, exchange.name);
    d.kind = observe::DestinationKind::Exchange;
    d.vhost = std::string(vhost);
    d.name = exchange.name;
    d.type = std::string(amqp::toString(exchange.type));
    d.durable = exchange.durable;
    d.autoDelete = exchange.autoDelete;
    d.internal = exchange.internal;
    if (!exchange.arguments.empty()) {
        d.arguments = render::fieldTable(exchange.arguments);
    }
    return d;
}

observe::Destination describeTopic(TopicRecord&& record) {
    observe::Destination d;
    d.id = "topic:" + record.topic;
    d.kind = observe::DestinationKind::Topic;
    d.name = std::move(record.topic);
    d.type = "topic";
    d.counters.published = record.messages;
    d.counters.delivered = record.deliveries;
    d.lastValue = std::move(record.lastValue);
    d.lastValueTruncated = record.lastValueTruncated;
    d.retained = record.retained;
    d.lastMessageTime = record.lastTime;
    return d;
}

}  // namespace

Result<observe::BrokerSnapshot> EmbeddedSource::snapshot() {
    observe::BrokerSnapshot snapshot;
    snapshot.time = std::chrono::system_clock::now();
    for (auto& [name, host] : context_.amqpHosts) {
        addVhost(*host, snapshot);
    }
    addTopics(snapshot);
    addClients(snapshot);
    addOverview(snapshot);
    std::lock_guard lock(ratesMutex_);
    rates_.apply(snapshot);
    return snapshot;
}

void EmbeddedSource::addOverview(observe::BrokerSnapshot& snapshot) const {
    auto& o = snapshot.overview;
    const auto& c = context_.counters;
    o.name = "embedded";
    o.product = std::string("Signalbox ") + kVersion;
    o.uptimeSeconds =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::seconds>(
                                       std::chrono::steady_clock::now() - context_.startedAt)
                                       .count());
    o.connections = static_cast<std::uint64_t>(
        std::count_if(snapshot.clients.begin(), snapshot.clients.end(),
                      [](const observe::Client& client) { return client.connected; }));
    o.counters.published = c.messagesReceived.load(std::memory_order_relaxed);
    o.counters.delivered = c.messagesSent.load(std::memory_order_relaxed);
    o.counters.dropped = c.messagesDropped.load(std::memory_order_relaxed) +
                         c.messagesExpired.load(std::memory_order_relaxed);
    for (const auto& d : snapshot.destinations) {
        if (d.kind == observe::DestinationKind::Queue ||
            d.kind == observe::DestinationKind::Stream) {
            o.messagesReady += d.messagesReady;
            o.messagesUnacked += d.messagesUnacked;
            o.counters.acked += d.counters.acked;
            o.counters.redelivered += d.counters.redelivered;
            o.counters.dropped += d.counters.dropped;
        }
    }
    for (const auto& [name, host] : context_.amqpHosts) {
        o.vhosts.push_back(name);
    }
    for (const auto& endpoint : endpoints_) {
        o.listeners.push_back(
            {endpoint.protocol, endpoint.address + ":" + std::to_string(endpoint.port)});
    }
}

void EmbeddedSource::addVhost(amqp::VirtualHost& host, observe::BrokerSnapshot& snapshot) const {
    const std::string& vhost = host.name();
    auto exchanges = host.exchanges();
    auto queues = host.queues();
    snapshot.destinations.reserve(snapshot.destinations.size() + exchanges.size() + queues.size());
    for (const auto& exchange : exchanges) {
        snapshot.destinations.push_back(describeExchange(vhost, exchange));
    }
    for (const auto& queue : queues) {
        snapshot.destinations.push_back(describeQueue(*queue));
    }
    for (auto& binding : host.bindings()) {
        observe::Binding b;
        b.vhost = vhost;
        b.source = std::move(binding.source);
        b.destinationId = binding.destinationKind == amqp::DestinationKind::Queue
                              ? queueId(vhost, binding.destination)
                              : exchangeId(vhost, binding.destination);
        b.routingKey = std::move(binding.routingKey);
        b.arguments = render::fieldTable(binding.arguments);
        snapshot.bindings.push_back(std::move(b));
    }
}

void EmbeddedSource::addTopics(observe::BrokerSnapshot& snapshot) const {
    auto topics = context_.topics.all();
    snapshot.destinations.reserve(snapshot.destinations.size() + topics.size());
    for (auto& record : topics) {
        snapshot.destinations.push_back(describeTopic(std::move(record)));
    }
}

void EmbeddedSource::addClients(observe::BrokerSnapshot& snapshot) const {
    for (const auto& entry : context_.clients.all()) {
        observe::Client client = entry->describe();
        if (client.protocol == "mqtt") {
            if (auto session = context_.registry.findByClientId(client.name)) {
                for (const auto& s : session->subscriptions()) {
                    observe::ClientSubscription sub;
                    sub.destinationId =
                        "topic:" + (s.shareGroup.empty()
                                        ? s.filter
                                        : "$share/" + s.shareGroup + "/" + s.filter);
                    sub.qos = s.options.maxQos;
                    client.subscriptions.push_back(std::move(sub));
                }
            }
        }
        snapshot.clients.push_back(std::move(client));
    }
    addOfflineSessions(snapshot);
}

// MQTT persistent sessions whose client is away: no directory entry, but they hold
// subscriptions and queue messages, so they are clients to look at (and to end).
void EmbeddedSource::addOfflineSessions(observe::BrokerSnapshot& snapshot) const {
    for (const auto& session : context_.registry.all()) {
        if (session->online()) {
            continue;
        }
        observe::Client client;
        client.id = "mqtt:" + session->clientId();
        client.name = session->clientId();
        client.protocol = "mqtt";
        client.connected = false;
        for (const auto& s : session->subscriptions()) {
            observe::ClientSubscription sub;
            sub.destinationId =
                "topic:" +
                (s.shareGroup.empty() ? s.filter : "$share/" + s.shareGroup + "/" + s.filter);
            sub.qos = s.options.maxQos;
            client.subscriptions.push_back(std::move(sub));
        }
        snapshot.clients.push_back(std::move(client));
    }
}

}  // namespace sbx::broker
