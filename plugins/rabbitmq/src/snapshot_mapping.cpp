#include "snapshot_mapping.h"

#include <map>
#include <set>
#include <utility>

#include "destination_ref.h"

namespace sbx::rabbitmq {

const char* const kQueueColumns =
    "name,vhost,type,durable,auto_delete,exclusive,arguments,policy,effective_policy_definition,"
    "messages,messages_ready,messages_unacknowledged,message_bytes,consumers,"
    "message_stats.publish,message_stats.publish_details.rate,"
    "message_stats.deliver_get,message_stats.deliver_get_details.rate,"
    "message_stats.ack,message_stats.ack_details.rate,"
    "message_stats.redeliver,message_stats.redeliver_details.rate";
const char* const kExchangeColumns =
    "name,vhost,type,durable,auto_delete,internal,arguments,"
    "message_stats.publish_in,message_stats.publish_in_details.rate,"
    "message_stats.publish_out,message_stats.publish_out_details.rate";
const char* const kConnectionColumns =
    "name,user_provided_name,client_properties.connection_name,protocol,peer_host,peer_port,"
    "user,vhost,connected_at,channels,recv_oct,send_oct,state";
const char* const kChannelColumns =
    "name,connection_details.name,message_stats.publish,message_stats.deliver_get";

namespace {

using nlohmann::json;

const json& member(const json& object, std::string_view key) {
    static const json kNull;
    if (!object.is_object()) {
        return kNull;
    }
    auto found = object.find(key);
    return found == object.end() ? kNull : *found;
}

std::uint64_t count(const json& object, std::string_view key) {
    const auto& value = member(object, key);
    if (value.is_number_unsigned()) {
        return value.get<std::uint64_t>();
    }
    if (value.is_number_integer()) {
        const auto signedValue = value.get<std::int64_t>();
        return signedValue < 0 ? 0 : static_cast<std::uint64_t>(signedValue);
    }
    if (value.is_number_float()) {
        const auto real = value.get<double>();
        return real < 0 ? 0 : static_cast<std::uint64_t>(real);
    }
    return 0;
}

double rate(const json& stats, std::string_view key) {
    const auto& details = member(stats, std::string(key) + "_details");
    const auto& value = member(details, "rate");
    return value.is_number() ? value.get<double>() : 0.0;
}

std::string text(const json& object, std::string_view key) {
    const auto& value = member(object, key);
    return value.is_string() ? value.get<std::string>() : std::string();
}

bool flag(const json& object, std::string_view key) {
    const auto& value = member(object, key);
    return value.is_boolean() && value.get<bool>();
}

// A setting from the queue's arguments ("x-dead-letter-exchange") or else its effective
// policy ("dead-letter-exchange"); arguments win, as in RabbitMQ.
std::optional<std::string> setting(const json& queue, std::string_view argument,
                                   std::string_view policyKey) {
    const auto& fromArgument = member(member(queue, "arguments"), argument);
    if (fromArgument.is_string()) {
        return fromArgument.get<std::string>();
    }
    const auto& fromPolicy = member(member(queue, "effective_policy_definition"), policyKey);
    if (fromPolicy.is_string()) {
        return fromPolicy.get<std::string>();
    }
    return std::nullopt;
}

observe::Destination mapQueue(const json& queue) {
    observe::Destination d;
    d.vhost = text(queue, "vhost");
    d.name = text(queue, "name");
    d.id = queueId(d.vhost, d.name);
    d.type = text(queue, "type");
    d.kind =
        d.type == "stream" ? observe::DestinationKind::Stream : observe::DestinationKind::Queue;
    d.durable = flag(queue, "durable");
    d.autoDelete = flag(queue, "auto_delete");
    d.exclusive = flag(queue, "exclusive");
    d.messagesReady = member(queue, "messages_ready").is_number() ? count(queue, "messages_ready")
                                                                  : count(queue, "messages");
    d.messagesUnacked = count(queue, "messages_unacknowledged");
    d.bytes = count(queue, "message_bytes");
    d.consumers = static_cast<std::uint32_t>(count(queue, "consumers"));
    const auto& stats = member(queue, "message_stats");
    d.counters.published = count(stats, "publish");
    d.counters.delivered = count(stats, "deliver_get");
    d.counters.acked = count(stats, "ack");
    d.counters.redelivered = count(stats, "redeliver");
    d.rates.published = rate(stats, "publish");
    d.rates.delivered = rate(stats, "deliver_get");
    d.rates.acked = rate(stats, "ack");
    d.rates.redelivered = rate(stats, "redeliver");
    d.arguments = jsonFields(member(queue, "arguments"));
    if (auto policy = text(queue, "policy"); !policy.empty()) {
        d.arguments.push_back({"policy", policy});
    }
    if (auto dlx = setting(queue, "x-dead-letter-exchange", "dead-letter-exchange")) {
        d.deadLetterExchange = *dlx;
        d.deadLetterRoutingKey =
            setting(queue, "x-dead-letter-routing-key", "dead-letter-routing-key").value_or("");
    }
    return d;
}

observe::Destination mapExchange(const json& exchange) {
    observe::Destination d;
    d.kind = observe::DestinationKind::Exchange;
    d.vhost = text(exchange, "vhost");
    d.name = text(exchange, "name");
    d.id = exchangeId(d.vhost, d.name);
    d.type = text(exchange, "type");
    d.durable = flag(exchange, "durable");
    d.autoDelete = flag(exchange, "auto_delete");
    d.internal = flag(exchange, "internal");
    d.arguments = jsonFields(member(exchange, "arguments"));
    const auto& stats = member(exchange, "message_stats");
    d.counters.published = count(stats, "publish_in");
    d.counters.delivered = count(stats, "publish_out");
    d.rates.published = rate(stats, "publish_in");
    d.rates.delivered = rate(stats, "publish_out");
    return d;
}

observe::Binding mapBinding(const json& binding) {
    observe::Binding b;
    b.vhost = text(binding, "vhost");
    b.source = text(binding, "source");
    const auto destination = text(binding, "destination");
    b.destinationId = text(binding, "destination_type") == "exchange"
                          ? exchangeId(b.vhost, destination)
                          : queueId(b.vhost, destination);
    b.routingKey = text(binding, "routing_key");
    b.arguments = jsonFields(member(binding, "arguments"));
    return b;
}

// "AMQP 0-9-1" -> ("amqp", "0-9-1"); "MQTT 3.1.1" -> ("mqtt", "3.1.1").
std::pair<std::string, std::string> splitProtocol(const std::string& protocol) {
    const auto space = protocol.find(' ');
    std::string name = protocol.substr(0, space);
    for (char& c : name) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return {name, space == std::string::npos ? std::string() : protocol.substr(space + 1)};
}

observe::Client mapConnection(const json& connection) {
    observe::Client c;
    c.id = text(connection, "name");
    c.name = text(connection, "user_provided_name");
    if (c.name.empty()) {
        c.name = text(member(connection, "client_properties"), "connection_name");
    }
    if (c.name.empty()) {
        c.name = c.id;
    }
    std::tie(c.protocol, c.protocolVersion) = splitProtocol(text(connection, "protocol"));
    c.remoteAddress =
        text(connection, "peer_host") + ":" + std::to_string(count(connection, "peer_port"));
    c.user = text(connection, "user");
    c.vhost = text(connection, "vhost");
    c.connectedAt = std::chrono::system_clock::time_point(
        std::chrono::milliseconds(count(connection, "connected_at")));
    c.channels = static_cast<std::uint32_t>(count(connection, "channels"));
    c.bytesIn = count(connection, "recv_oct");
    c.bytesOut = count(connection, "send_oct");
    return c;
}

observe::BrokerOverview mapOverview(const ManagementAnswers& answers,
                                    const std::string& sourceName) {
    const auto& overview = answers.overview;
    observe::BrokerOverview o;
    o.name = sourceName;
    auto product = text(overview, "product_name");
    auto version = text(overview, "product_version");
    o.product = (product.empty() ? std::string("RabbitMQ") : product) + " " +
                (version.empty() ? text(overview, "rabbitmq_version") : version);
    const auto& totals = member(overview, "queue_totals");
    o.messagesReady = count(totals, "messages_ready");
    o.messagesUnacked = count(totals, "messages_unacknowledged");
    o.connections = count(member(overview, "object_totals"), "connections");
    const auto& stats = member(overview, "message_stats");
    o.counters.published = count(stats, "publish");
    o.counters.delivered = count(stats, "deliver_get");
    o.counters.acked = count(stats, "ack");
    o.counters.redelivered = count(stats, "redeliver");
    o.counters.dropped = count(stats, "drop_unroutable") + count(stats, "return_unroutable");
    o.rates.published = rate(stats, "publish");
    o.rates.delivered = rate(stats, "deliver_get");
    o.rates.acked = rate(stats, "ack");
    o.rates.redelivered = rate(stats, "redeliver");
    if (answers.nodes.is_array() && !answers.nodes.empty()) {
        o.uptimeSeconds = count(answers.nodes.front(), "uptime") / 1000;
    }
    if (answers.vhosts.is_array()) {
        for (const auto& vhost : answers.vhosts) {
            o.vhosts.push_back(text(vhost, "name"));
        }
    }
    for (const auto& listener : member(overview, "listeners")) {
        o.listeners.push_back(
            {text(listener, "protocol"),
             text(listener, "ip_address") + ":" + std::to_string(count(listener, "port"))});
    }
    return o;
}

// Queues that receive dead letters: bound (directly or through exchange-to-exchange
// bindings) to an exchange some queue dead-letters to, or, for dead-lettering through the
// default exchange, named by the dead-letter routing key.
void markDeadLetterQueues(observe::BrokerSnapshot& snapshot) {
    std::set<std::string> deadLetterExchanges;  // exchange ids
    std::set<std::string> deadLetterQueues;     // queue ids
    for (const auto& d : snapshot.destinations) {
        if (d.deadLetterExchange.empty() && d.deadLetterRoutingKey.empty()) {
            continue;
        }
        if (d.deadLetterExchange.empty()) {
            if (!d.deadLetterRoutingKey.empty()) {
                deadLetterQueues.insert(queueId(d.vhost, d.deadLetterRoutingKey));
            }
        } else {
            deadLetterExchanges.insert(exchangeId(d.vhost, d.deadLetterExchange));
        }
    }
    std::multimap<std::string, std::string> routes;  // exchange id -> destination id
    for (const auto& b : snapshot.bindings) {
        routes.emplace(exchangeId(b.vhost, b.source), b.destinationId);
    }
    std::vector<std::string> pending(deadLetterExchanges.begin(), deadLetterExchanges.end());
    std::set<std::string> seen(deadLetterExchanges);
    while (!pending.empty()) {
        const auto exchange = pending.back();
        pending.pop_back();
        auto [begin, end] = routes.equal_range(exchange);
        for (auto it = begin; it != end; ++it) {
            if (it->second.starts_with("exchange:")) {
                if (seen.insert(it->second).second) {
                    pending.push_back(it->second);
                }
            } else {
                deadLetterQueues.insert(it->second);
            }
        }
    }
    for (auto& d : snapshot.destinations) {
        if (d.kind != observe::DestinationKind::Exchange && deadLetterQueues.contains(d.id)) {
            d.deadLetters = true;
        }
    }
}

void addClients(const ManagementAnswers& answers, observe::BrokerSnapshot& snapshot) {
    std::map<std::string, std::size_t> byName;
    if (answers.connections.is_array()) {
        for (const auto& connection : answers.connections) {
            byName[text(connection, "name")] = snapshot.clients.size();
            snapshot.clients.push_back(mapConnection(connection));
        }
    }
    if (answers.channels.is_array()) {
        for (const auto& channel : answers.channels) {
            auto found = byName.find(text(member(channel, "connection_details"), "name"));
            if (found == byName.end()) {
                continue;
            }
            auto& client = snapshot.clients[found->second];
            const auto& stats = member(channel, "message_stats");
            client.messagesIn += count(stats, "publish");
            client.messagesOut += count(stats, "deliver_get");
        }
    }
    if (answers.consumers.is_array()) {
        for (const auto& consumer : answers.consumers) {
            const auto& channel = member(consumer, "channel_details");
            auto found = byName.find(text(channel, "connection_name"));
            if (found == byName.end()) {
                continue;
            }
            const auto& queue = member(consumer, "queue");
            observe::ClientSubscription s;
            s.destinationId = queueId(text(queue, "vhost"), text(queue, "name"));
            s.tag = text(consumer, "consumer_tag");
            s.prefetch = static_cast<std::uint32_t>(count(consumer, "prefetch_count"));
            s.autoAck = member(consumer, "ack_required").is_boolean() &&
                        !member(consumer, "ack_required").get<bool>();
            snapshot.clients[found->second].subscriptions.push_back(std::move(s));
        }
    }
}

}  // namespace

std::string jsonText(const json& value) {
    if (value.is_string()) {
        return value.get<std::string>();
    }
    if (value.is_null()) {
        return {};
    }
    return value.dump();
}

std::vector<observe::Field> jsonFields(const json& object) {
    std::vector<observe::Field> out;
    if (!object.is_object()) {
        return out;
    }
    for (const auto& [name, value] : object.items()) {
        out.push_back({name, jsonText(value)});
    }
    return out;
}

observe::BrokerSnapshot mapSnapshot(const ManagementAnswers& answers,
                                    const std::string& sourceName) {
    observe::BrokerSnapshot snapshot;
    snapshot.time = std::chrono::system_clock::now();
    snapshot.overview = mapOverview(answers, sourceName);
    if (answers.exchanges.is_array()) {
        for (const auto& exchange : answers.exchanges) {
            snapshot.destinations.push_back(mapExchange(exchange));
        }
    }
    if (answers.queues.is_array()) {
        for (const auto& queue : answers.queues) {
            snapshot.destinations.push_back(mapQueue(queue));
        }
    }
    if (answers.bindings.is_array()) {
        for (const auto& binding : answers.bindings) {
            snapshot.bindings.push_back(mapBinding(binding));
        }
    }
    markDeadLetterQueues(snapshot);
    addClients(answers, snapshot);
    return snapshot;
}

}  // namespace sbx::rabbitmq
