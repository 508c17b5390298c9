// SUBSCRIBE / UNSUBSCRIBE (MQTT 3.1.1 §3.8-3.11, MQTT 5 §3.8-3.11).
#include <algorithm>

#include "broker_context.h"
#include "mqtt_protocol.h"
#include "sbx/broker/topic.h"
#include "session.h"

namespace sbx::broker {

namespace {

constexpr std::uint8_t kFailure311 = 0x80;

std::size_t levelCount(std::string_view filter) {
    return static_cast<std::size_t>(std::count(filter.begin(), filter.end(), '/')) + 1;
}

}  // namespace

void MqttProtocol::handleSubscribe(const mqtt::Subscribe& subscribe) {
    if (phase_ != Phase::Connected) {
        return;
    }
    const auto& subscriptionId =
        subscribe.properties.subscriptionIdentifiers.empty()
            ? std::optional<std::uint32_t>{}
            : std::optional<std::uint32_t>{subscribe.properties.subscriptionIdentifiers.front()};
    mqtt::Suback suback;
    suback.packetId = subscribe.packetId;
    std::vector<SessionSubscription> retainedFor;
    for (const auto& entry : subscribe.entries) {
        suback.reasonCodes.push_back(subscribeOne(entry, subscriptionId, retainedFor));
        if (closing()) {
            return;
        }
    }
    send(suback);
    saveSession();
    // Retained messages follow the SUBACK (MQTT 5 §3.3.1.3).
    for (const auto& subscription : retainedFor) {
        context_.router.deliverRetained(*session_, subscription);
    }
}

std::uint8_t MqttProtocol::subscribeOne(const mqtt::SubscribeEntry& entry,
                                        const std::optional<std::uint32_t>& subscriptionId,
                                        std::vector<SessionSubscription>& retainedFor) {
    const bool v5 = version_ == mqtt::ProtocolVersion::V5;
    const auto invalid =
        v5 ? static_cast<std::uint8_t>(mqtt::ReasonCode::TopicFilterInvalid) : kFailure311;
    SessionSubscription subscription;
    subscription.filter = entry.filter;
    if (auto shared = parseSharedFilter(entry.filter)) {
        if (!shared->valid) {
            return invalid;
        }
        if (v5 && entry.noLocal) {
            fail(mqtt::ReasonCode::ProtocolError, "No Local on a shared subscription");
            return invalid;
        }
        subscription.filter = shared->filter;
        subscription.shareGroup = shared->group;
    }
    const auto& limits = context_.config.limits;
    if (!isValidTopicFilter(subscription.filter) ||
        subscription.filter.size() > limits.maxTopicLength ||
        levelCount(subscription.filter) > limits.maxTopicLevels) {
        return invalid;
    }
    subscription.options.maxQos = entry.maxQos;
    subscription.options.noLocal = entry.noLocal;
    subscription.options.retainAsPublished = entry.retainAsPublished;
    subscription.options.retainHandling = entry.retainHandling;
    subscription.options.subscriptionId = subscriptionId;

    const bool isNew = context_.router.subscribe(*session_, subscription);
    session_->putSubscription(subscription);
    // Shared subscriptions get no retained messages (MQTT 5 §4.8.2).
    const bool sendRetained = subscription.shareGroup.empty() &&
                              (entry.retainHandling == 0 || (entry.retainHandling == 1 && isNew));
    if (sendRetained) {
        retainedFor.push_back(subscription);
    }
    return entry.maxQos;
}

void MqttProtocol::handleUnsubscribe(const mqtt::Unsubscribe& unsubscribe) {
    if (phase_ != Phase::Connected) {
        return;
    }
    mqtt::Unsuback unsuback;
    unsuback.packetId = unsubscribe.packetId;
    for (const auto& text : unsubscribe.filters) {
        std::string filter = text;
        std::string group;
        if (auto shared = parseSharedFilter(text); shared && shared->valid) {
            filter = shared->filter;
            group = shared->group;
        }
        const bool removed = context_.router.unsubscribe(*session_, filter, group);
        session_->removeSubscription(filter, group);
        if (version_ == mqtt::ProtocolVersion::V5) {
            unsuback.reasonCodes.push_back(
                removed ? 0 : static_cast<std::uint8_t>(mqtt::ReasonCode::NoSubscriptionExisted));
        }
    }
    send(unsuback);
    saveSession();
}

}  // namespace sbx::broker
