#include "monitor_mapping.h"

#include <set>

#include "nats_time.h"

namespace sbx::nats {

namespace {

using nlohmann::json;
using observe::Destination;
using observe::DestinationKind;

// A member of an object, or null: the const operator[] must not see a missing key.
const json& member(const json& object, const char* key) {
    static const json kNull;
    if (!object.is_object()) {
        return kNull;
    }
    const auto found = object.find(key);
    return found == object.end() ? kNull : *found;
}

std::uint64_t number(const json& object, const char* key) {
    if (!object.is_object()) {
        return 0;
    }
    const auto found = object.find(key);
    if (found == object.end() || !found->is_number()) {
        return 0;
    }
    return found->is_number_unsigned() || found->is_number_integer()
               ? found->get<std::uint64_t>()
               : static_cast<std::uint64_t>(found->get<double>());
}

std::string text(const json& object, const char* key) {
    if (!object.is_object()) {
        return {};
    }
    const auto found = object.find(key);
    if (found == object.end()) {
        return {};
    }
    return found->is_string() ? found->get<std::string>() : found->dump();
}

void addArgument(Destination& destination, const std::string& name, const std::string& value) {
    if (!value.empty() && value != "null") {
        destination.arguments.push_back({name, value});
    }
}

// Go durations in nanoseconds, as "30s" for people.
std::string nanosAsSeconds(std::uint64_t nanos) {
    if (nanos == 0) {
        return {};
    }
    if (nanos % 1000000000 == 0) {
        return std::to_string(nanos / 1000000000) + " s";
    }
    return std::to_string(nanos / 1000000) + " ms";
}

Destination mapStream(const json& detail) {
    const auto& state = member(detail, "state");
    const auto& config = member(detail, "config");
    Destination stream;
    stream.name = text(detail, "name");
    stream.id = streamId(stream.name);
    stream.kind = DestinationKind::Stream;
    stream.type = "stream";
    stream.durable = text(config, "storage") != "memory";
    stream.messagesReady = number(state, "messages");
    stream.bytes = number(state, "bytes");
    stream.consumers = static_cast<std::uint32_t>(number(state, "consumer_count"));
    // Sequences only grow (a purge does not reset them): what ever entered the stream.
    stream.counters.published = number(state, "last_seq");
    addArgument(stream, "first_seq", std::to_string(number(state, "first_seq")));
    addArgument(stream, "last_seq", std::to_string(number(state, "last_seq")));
    addArgument(stream, "first_ts", text(state, "first_ts"));
    addArgument(stream, "last_ts", text(state, "last_ts"));
    if (const auto& subjectList = member(config, "subjects"); subjectList.is_array()) {
        std::string subjects;
        for (const auto& subject : subjectList) {
            subjects += (subjects.empty() ? "" : ", ") + subject.get<std::string>();
        }
        addArgument(stream, "subjects", subjects);
    }
    for (const char* key : {"retention", "storage", "discard", "max_msgs", "max_bytes",
                            "max_msgs_per_subject", "num_replicas"}) {
        addArgument(stream, key, text(config, key));
    }
    addArgument(stream, "max_age", nanosAsSeconds(number(config, "max_age")));
    if (const auto last = parseRfc3339(text(state, "last_ts")); last && number(state, "last_seq")) {
        stream.lastMessageTime = *last;
    }
    return stream;
}

Destination mapConsumer(const std::string& streamName, const json& detail) {
    const auto& config = member(detail, "config");
    Destination consumer;
    consumer.name = text(detail, "name");
    consumer.id = consumerId(streamName, consumer.name);
    consumer.parentId = streamId(streamName);
    consumer.kind = DestinationKind::Queue;
    consumer.type = "jetstream-consumer";
    consumer.durable = !text(config, "durable_name").empty();
    consumer.messagesReady = number(detail, "num_pending");
    consumer.messagesUnacked = number(detail, "num_ack_pending");
    const bool pushBound = detail.value("push_bound", false);
    const std::uint64_t waiting = number(detail, "num_waiting");
    consumer.consumers = pushBound || waiting > 0 ? 1 : 0;
    consumer.counters.delivered = number(member(detail, "delivered"), "consumer_seq");
    consumer.counters.acked = number(member(detail, "ack_floor"), "consumer_seq");
    consumer.counters.redelivered = number(detail, "num_redelivered");
    for (const char* key : {"durable_name", "deliver_policy", "ack_policy", "filter_subject",
                            "deliver_subject", "deliver_group", "max_deliver", "max_ack_pending"}) {
        addArgument(consumer, key, text(config, key));
    }
    addArgument(consumer, "ack_wait", nanosAsSeconds(number(config, "ack_wait")));
    addArgument(consumer, "num_waiting", std::to_string(waiting));
    addArgument(consumer, "delivered_stream_seq",
                std::to_string(number(member(detail, "delivered"), "stream_seq")));
    addArgument(consumer, "ack_floor_stream_seq",
                std::to_string(number(member(detail, "ack_floor"), "stream_seq")));
    return consumer;
}

Destination deadLetterDestination(const std::string& stream, const std::string& consumer,
                                  std::size_t count) {
    Destination letters;
    letters.id = deadLettersId(stream, consumer);
    letters.name = consumer + " (past max deliveries)";
    letters.parentId = streamId(stream);
    letters.kind = DestinationKind::Queue;
    letters.type = "jetstream-dead-letters";
    letters.deadLetters = true;
    letters.messagesReady = count;
    letters.arguments.push_back({"consumer", consumer});
    letters.arguments.push_back(
        {"source", "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES." + stream + "." + consumer});
    return letters;
}

}  // namespace

std::string streamId(const std::string& stream) {
    return "stream:" + stream;
}

std::string consumerId(const std::string& stream, const std::string& consumer) {
    return "consumer:" + stream + "/" + consumer;
}

std::string deadLettersId(const std::string& stream, const std::string& consumer) {
    return "deadletters:" + stream + "/" + consumer;
}

void mapVarz(const json& varz, observe::BrokerOverview& overview) {
    overview.product = "NATS " + text(varz, "version");
    overview.uptimeSeconds = parseUptime(text(varz, "uptime"));
    overview.connections = number(varz, "connections");
    overview.counters.published = number(varz, "in_msgs");
    overview.counters.delivered = number(varz, "out_msgs");
    overview.listeners.push_back(
        {"nats", text(varz, "host") + ":" + std::to_string(number(varz, "port"))});
    if (number(varz, "http_port") != 0) {
        overview.listeners.push_back({"monitoring", text(varz, "http_host") + ":" +
                                                        std::to_string(number(varz, "http_port"))});
    }
    overview.listeners.push_back({"in_bytes", std::to_string(number(varz, "in_bytes"))});
    overview.listeners.push_back({"out_bytes", std::to_string(number(varz, "out_bytes"))});
}

void mapConnz(const json& connz, observe::BrokerSnapshot& snapshot) {
    const auto& connections = member(connz, "connections");
    if (!connections.is_array()) {
        return;
    }
    for (const auto& connection : connections) {
        observe::Client client;
        client.id = std::to_string(number(connection, "cid"));
        client.name = text(connection, "name");
        client.protocol = "nats";
        client.protocolVersion = text(connection, "lang") + " " + text(connection, "version");
        client.remoteAddress =
            text(connection, "ip") + ":" + std::to_string(number(connection, "port"));
        client.user = text(connection, "authorized_user");
        if (const auto start = parseRfc3339(text(connection, "start"))) {
            client.connectedAt = *start;
        }
        client.messagesIn = number(connection, "in_msgs");
        client.messagesOut = number(connection, "out_msgs");
        client.bytesIn = number(connection, "in_bytes");
        client.bytesOut = number(connection, "out_bytes");
        if (const auto& subjects = member(connection, "subscriptions_list"); subjects.is_array()) {
            for (const auto& subject : subjects) {
                observe::ClientSubscription subscription;
                subscription.destinationId = "topic:" + subject.get<std::string>();
                client.subscriptions.push_back(std::move(subscription));
            }
        }
        snapshot.clients.push_back(std::move(client));
    }
}

void addSubscribedTopics(observe::BrokerSnapshot& snapshot) {
    std::map<std::string, std::uint32_t> subscribers;
    for (const auto& client : snapshot.clients) {
        std::set<std::string> seen;
        for (const auto& subscription : client.subscriptions) {
            if (seen.insert(subscription.destinationId).second) {
                ++subscribers[subscription.destinationId];
            }
        }
    }
    for (const auto& [id, count] : subscribers) {
        Destination topic;
        topic.id = id;
        topic.kind = DestinationKind::Topic;
        topic.name = id.substr(std::string_view("topic:").size());
        topic.type = "subject";
        topic.consumers = count;
        snapshot.destinations.push_back(std::move(topic));
    }
}

void mapJsz(const json& jsz, const std::map<DeadLetterBook::Key, std::size_t>& book,
            observe::BrokerSnapshot& snapshot) {
    std::set<DeadLetterBook::Key> shown;
    const auto& accounts = member(jsz, "account_details");
    if (!accounts.is_array()) {
        return;
    }
    for (const auto& account : accounts) {
        const auto& streams = member(account, "stream_detail");
        if (!streams.is_array()) {
            continue;
        }
        for (const auto& detail : streams) {
            Destination stream = mapStream(detail);
            snapshot.overview.messagesReady += stream.messagesReady;
            const std::string streamName = stream.name;
            snapshot.destinations.push_back(std::move(stream));
            const auto& consumers = member(detail, "consumer_detail");
            if (!consumers.is_array()) {
                continue;
            }
            for (const auto& consumerDetail : consumers) {
                Destination consumer = mapConsumer(streamName, consumerDetail);
                snapshot.overview.messagesUnacked += consumer.messagesUnacked;
                const DeadLetterBook::Key key{streamName, consumer.name};
                const auto counted = book.find(key);
                const auto& config = member(consumerDetail, "config");
                const std::int64_t maxDeliver =
                    config.is_object() ? config.value("max_deliver", std::int64_t{-1}) : -1;
                if (maxDeliver > 0 || counted != book.end()) {
                    snapshot.destinations.push_back(deadLetterDestination(
                        streamName, consumer.name, counted == book.end() ? 0 : counted->second));
                    shown.insert(key);
                }
                snapshot.destinations.push_back(std::move(consumer));
            }
        }
    }
    // Advisories of consumers that are gone: their messages may still be in the stream.
    for (const auto& [key, count] : book) {
        if (!shown.contains(key)) {
            snapshot.destinations.push_back(deadLetterDestination(key.first, key.second, count));
        }
    }
}

}  // namespace sbx::nats
