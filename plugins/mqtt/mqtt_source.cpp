#include "mqtt_source.h"

#include <algorithm>

#include "message_render.h"
#include "refusal.h"
#include "topic_filter.h"

namespace sbx::mqtt_connector {

namespace {

constexpr std::string_view kSysFilter = "$SYS/#";

Error unsupported(std::string sentence) {
    return Error{ErrorCode::Unsupported, std::move(sentence)};
}

// Every message the broker has, at the QoS it was published with, with its retain flag
// as published (MQTT 5) so live retained messages are known as such.
mqtt::SubscribeEntry entryFor(std::string filter, std::uint8_t retainHandling) {
    mqtt::SubscribeEntry entry;
    entry.filter = std::move(filter);
    entry.maxQos = 2;
    entry.retainAsPublished = true;
    entry.retainHandling = retainHandling;
    return entry;
}

Result<std::string> topicOf(std::string_view destinationId) {
    if (!destinationId.starts_with("topic:") || destinationId.size() == 6) {
        return Error{ErrorCode::InvalidArgument,
                     "an MQTT broker has only topics: use a destination id 'topic:<topic>', not '" +
                         std::string(destinationId) + "'"};
    }
    return std::string(destinationId.substr(6));
}

}  // namespace

std::uint64_t leadingNumber(const std::string& text) {
    std::uint64_t value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9') {
            break;
        }
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    }
    return value;
}

MqttSource::MqttSource(SourceOptions options) : options_(std::move(options)) {}

MqttSource::~MqttSource() {
    client_.reset();
}

Result<std::unique_ptr<MqttSource>> MqttSource::open(SourceOptions options) {
    std::unique_ptr<MqttSource> source(new MqttSource(std::move(options)));
    auto client = MqttClient::connect(
        source->options_.client,
        [raw = source.get()](const mqtt::Publish& publish) { raw->onPublish(publish); });
    if (!client) {
        return client.error();
    }
    source->client_ = std::move(*client);
    if (auto subscribed = source->subscribeDiscovery(); !subscribed) {
        return subscribed.error();
    }
    return source;
}

Status MqttSource::subscribeDiscovery() {
    std::vector<mqtt::SubscribeEntry> entries{entryFor(options_.discoveryFilter, 0)};
    if (options_.sysTopics) {
        entries.push_back(entryFor(std::string(kSysFilter), 0));
    }
    auto granted = client_->subscribe(entries, kDiscoverySubscription);
    if (!granted) {
        return granted.error();
    }
    // A refused $SYS/# only costs the broker statistics; a refused discovery filter
    // leaves nothing to show.
    if (granted->empty() || granted->front() >= 0x80) {
        const std::uint8_t code = granted->empty() ? 0x80 : granted->front();
        auto error = requestRefusal(code, "the subscription to '" + options_.discoveryFilter + "'",
                                    client_->peer());
        if (code == 0x80 || code == 0x87) {
            error.code = ErrorCode::PermissionDenied;
            error.message += " (user '" + options_.client.username +
                             "' may not subscribe to it: choose a discovery filter it may read)";
        }
        return error;
    }
    return {};
}

bool MqttSource::fromDiscovery(const mqtt::Publish& publish) const {
    const auto& ids = publish.properties.subscriptionIdentifiers;
    if (!ids.empty()) {
        return std::find(ids.begin(), ids.end(), kDiscoverySubscription) != ids.end();
    }
    return matches(options_.discoveryFilter, publish.topic) ||
           (options_.sysTopics && matches(kSysFilter, publish.topic));
}

bool MqttSource::covered(const std::string& filter) const {
    return covers(options_.discoveryFilter, filter) ||
           (options_.sysTopics && covers(kSysFilter, filter));
}

void MqttSource::onPublish(const mqtt::Publish& publish) {
    auto message = renderMessage(publish, std::chrono::system_clock::now());
    const bool discovered = fromDiscovery(publish);
    live_.offer(message, publish.properties.subscriptionIdentifiers, discovered);
    if (discovered) {
        topics_.record(std::move(message), publish.qos, publish.retain);
    }
}

Status MqttSource::connected() const {
    if (auto failure = client_->failure()) {
        return *failure;
    }
    return {};
}

std::string MqttSource::name() const {
    return options_.name;
}

observe::Capabilities MqttSource::capabilities() const {
    observe::Capabilities caps;
    caps.add(observe::Capability::Peek)
        .add(observe::Capability::Publish)
        .add(observe::Capability::PublishMqtt)
        .add(observe::Capability::TopicTree)
        .add(observe::Capability::LiveMessages)
        .add(observe::Capability::Delete)
        .add(observe::Capability::Purge);
    return caps;
}

observe::BrokerOverview MqttSource::overview() const {
    observe::BrokerOverview overview;
    overview.name = options_.name;
    overview.listeners.push_back({options_.client.tls.enabled ? "mqtts" : "mqtt", client_->peer()});
    const auto totals = topics_.totals();
    overview.messagesReady = totals.retained;
    const auto sys = [&](const char* topic) { return topics_.lastPayload(topic); };
    overview.product =
        sys("$SYS/broker/version")
            .value_or(client_->version() == mqtt::ProtocolVersion::V5 ? "MQTT 5 broker"
                                                                      : "MQTT 3.1.1 broker");
    overview.uptimeSeconds = leadingNumber(sys("$SYS/broker/uptime").value_or(""));
    overview.connections = leadingNumber(sys("$SYS/broker/clients/connected").value_or(""));
    // PUBLISH counts when the broker has them; mosquitto's messages/* count every packet.
    auto received = sys("$SYS/broker/publish/messages/received");
    auto sent = sys("$SYS/broker/publish/messages/sent");
    if (!received) {
        received = sys("$SYS/broker/messages/received");
        sent = sys("$SYS/broker/messages/sent");
    }
    if (received) {
        overview.counters.published = leadingNumber(*received);
        overview.counters.delivered = leadingNumber(sent.value_or(""));
    } else {
        // No $SYS: what this client saw outside $SYS.
        overview.counters.published = totals.messages;
    }
    return overview;
}

Result<observe::BrokerSnapshot> MqttSource::snapshot() {
    if (auto status = connected(); !status) {
        return status.error();
    }
    observe::BrokerSnapshot snapshot;
    snapshot.time = std::chrono::system_clock::now();
    snapshot.overview = overview();
    snapshot.destinations = topics_.destinations();
    std::lock_guard lock(ratesMutex_);
    rates_.apply(snapshot);
    return snapshot;
}

Result<std::vector<observe::ObservedMessage>> MqttSource::peek(
    const observe::PeekRequest& request) {
    auto topic = topicOf(request.destinationId);
    if (!topic) {
        return topic.error();
    }
    if (auto status = connected(); !status) {
        return status.error();
    }
    return topics_.messages(*topic, request.maxCount);
}

Status MqttSource::publish(const observe::PublishRequest& request) {
    if (auto status = connected(); !status) {
        return status;
    }
    auto message = publishFor(request, client_->version());
    if (!message) {
        return message.error();
    }
    return client_->publish(std::move(*message));
}

Status MqttSource::clearRetained(const std::string& topic) {
    observe::PublishRequest clear;
    clear.protocol = "mqtt";
    clear.routingKey = topic;
    clear.qos = 1;
    clear.retain = true;
    if (auto status = publish(clear); !status) {
        return status;
    }
    // MQTT 3.1.1 forwards the empty message without its retain flag: note it here too.
    observe::ObservedMessage cleared;
    cleared.destinationId = "topic:" + topic;
    cleared.routingKey = topic;
    cleared.time = std::chrono::system_clock::now();
    cleared.properties = {{"qos", "1"}, {"retain", "true"}};
    if (client_->version() != mqtt::ProtocolVersion::V5 && topics_.hasRetained(topic)) {
        topics_.record(std::move(cleared), 1, true);
    }
    return {};
}

Result<std::uint64_t> MqttSource::purge(std::string_view destinationId) {
    auto topic = topicOf(destinationId);
    if (!topic) {
        return topic.error();
    }
    const bool had = topics_.hasRetained(*topic);
    if (auto status = clearRetained(*topic); !status) {
        return status.error();
    }
    return std::uint64_t{had ? 1U : 0U};
}

Status MqttSource::remove(std::string_view destinationId) {
    auto topic = topicOf(destinationId);
    if (!topic) {
        return topic.error();
    }
    return clearRetained(*topic);
}

Status MqttSource::declare(const observe::DeclareRequest&) {
    return unsupported("MQTT topics need no declaring: publishing to a topic creates it");
}

Status MqttSource::bind(const observe::BindRequest&) {
    return unsupported("MQTT has no bindings: subscribers choose topics with filters");
}

Status MqttSource::unbind(const observe::BindRequest&) {
    return unsupported("MQTT has no bindings: subscribers choose topics with filters");
}

Status MqttSource::disconnectClient(std::string_view) {
    return unsupported("MQTT gives one client no way to disconnect another");
}

Result<observe::RedriveResult> MqttSource::redrive(const observe::RedriveRequest&) {
    return unsupported("MQTT brokers keep no dead letters to redrive");
}

MqttSource::ListenerId MqttSource::watchHops(HopListener) {
    return 0;  // MQTT shows no broker-internal hops: the listener is never called
}

void MqttSource::unwatchHops(ListenerId) {}

Result<std::uint32_t> MqttSource::subscribeFor(const std::string& filter) {
    auto& own = ownSubscriptions_[filter];
    if (own.watches == 0) {
        own.id = nextSubscription_++;
        auto granted = client_->subscribe({entryFor(filter, 2)}, own.id);
        if (!granted || granted->empty() || granted->front() >= 0x80) {
            ownSubscriptions_.erase(filter);
            if (!granted) {
                return granted.error();
            }
            return requestRefusal(granted->empty() ? 0x80 : granted->front(),
                                  "the subscription to '" + filter + "'", client_->peer());
        }
    }
    ++own.watches;
    return own.id;
}

Result<MqttSource::ListenerId> MqttSource::watchMessages(const observe::MessageWatch& watch,
                                                         MessageListener listener) {
    std::string filter = watch.topicFilter;
    if (filter.empty()) {
        auto topic = topicOf(watch.destinationId);
        if (!topic) {
            return topic.error();
        }
        filter = *topic;
    }
    if (!isValidFilter(filter)) {
        return Error{ErrorCode::InvalidArgument, "'" + filter + "' is not an MQTT topic filter"};
    }
    if (auto status = connected(); !status) {
        return status.error();
    }
    std::lock_guard lock(watchMutex_);
    LiveTail::Watch entry{filter, std::nullopt, std::move(listener)};
    if (!covered(filter)) {
        auto id = subscribeFor(filter);
        if (!id) {
            return id.error();
        }
        entry.ownSubscription = *id;
    }
    const ListenerId id = nextWatch_++;
    live_.add(id, std::move(entry));
    return id;
}

void MqttSource::unwatchMessages(ListenerId id) {
    std::lock_guard lock(watchMutex_);
    auto removed = live_.remove(id);
    if (!removed || !removed->ownSubscription) {
        return;
    }
    auto own = ownSubscriptions_.find(removed->filter);
    if (own != ownSubscriptions_.end() && --own->second.watches == 0) {
        ownSubscriptions_.erase(own);
        if (!client_->failure()) {
            (void)client_->unsubscribe({removed->filter});
        }
    }
}

}  // namespace sbx::mqtt_connector
