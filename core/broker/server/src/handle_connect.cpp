// CONNECT and CONNACK (MQTT 3.1.1 §3.1-3.2, MQTT 5 §3.1-3.2).
#include <random>

#include "broker_context.h"
#include "client_directory.h"
#include "connection_io.h"
#include "mqtt_protocol.h"
#include "sbx/broker/topic.h"
#include "session.h"
#include "session_record.h"

namespace sbx::broker {

namespace {

constexpr std::uint32_t kNeverExpires = 0xFFFFFFFF;

std::string assignClientId() {
    thread_local std::mt19937_64 random{std::random_device{}()};
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string id = "sbx-";
    auto bits = random();
    for (int i = 0; i < 16; ++i, bits >>= 4) {
        id.push_back(kDigits[bits & 0xF]);
    }
    return id;
}

}  // namespace

bool MqttProtocol::refuseConnect(mqtt::ReasonCode reason, const std::string& why) {
    context_.logMessage(LogLevel::Info, "refused connection from " + remoteAddress_ + ": " + why);
    mqtt::Connack connack;
    connack.reasonCode = version_ == mqtt::ProtocolVersion::V5
                             ? static_cast<std::uint8_t>(reason)
                             : static_cast<std::uint8_t>(mqtt::toConnectReturnCode311(reason));
    send(connack);
    closeNow();
    return false;
}

void MqttProtocol::handleConnect(mqtt::Connect& connect) {
    version_ = connect.version;
    const auto& limits = context_.config.limits;
    const bool v5 = version_ == mqtt::ProtocolVersion::V5;

    if (context_.counters.clientsConnected.load() >= limits.maxConnections) {
        refuseConnect(mqtt::ReasonCode::QuotaExceeded, "connection limit reached");
        return;
    }
    if (v5 && connect.properties.authenticationMethod) {
        refuseConnect(mqtt::ReasonCode::BadAuthenticationMethod,
                      "authentication method " + *connect.properties.authenticationMethod +
                          " is not supported");
        return;
    }
    std::optional<std::string> assignedId;
    if (connect.clientId.empty()) {
        // 3.1.1 §3.1.3.1: an empty id needs a clean session.
        if (!v5 && !connect.cleanStart) {
            refuseConnect(mqtt::ReasonCode::ClientIdentifierNotValid,
                          "empty client id with a persistent session");
            return;
        }
        assignedId = assignClientId();
        connect.clientId = *assignedId;
    }
    if (connect.will) {
        const auto& topic = connect.will->topic;
        if (!isValidTopicName(topic) || topic.size() > limits.maxTopicLength) {
            refuseConnect(mqtt::ReasonCode::TopicNameInvalid, "invalid will topic");
            return;
        }
    }

    clientId_ = connect.clientId;
    std::uint32_t expiry = 0;
    if (v5) {
        expiry = connect.properties.sessionExpiryInterval.value_or(0);
        clientReceiveMaximum_ = connect.properties.receiveMaximum.value_or(65535);
        clientMaxPacketSize_ = connect.properties.maximumPacketSize.value_or(0xFFFFFFFF);
        clientTopicAliasMaximum_ = connect.properties.topicAliasMaximum.value_or(0);
    } else {
        expiry = connect.cleanStart ? 0 : kNeverExpires;
    }

    std::uint16_t keepAlive = connect.keepAlive;
    if (v5 && (keepAlive == 0 || keepAlive > limits.maxKeepAlive) && limits.maxKeepAlive < 65535) {
        keepAlive = limits.maxKeepAlive;
    }
    if (auto io = io_.lock()) {
        // MQTT 5 §3.1.2.10: one and a half times the keep alive without a packet.
        io->setIdleTimeout(std::chrono::milliseconds(keepAlive) * 1500);
    }

    auto claim = context_.registry.claim(clientId_, connect.cleanStart);
    session_ = claim.session;
    session_->setExpiryInterval(expiry);
    will_ = connect.will;
    willOnClose_ = true;
    phase_ = Phase::Connected;

    sendConnack(claim.sessionPresent, connect, assignedId, keepAlive);
    const auto connected = context_.counters.clientsConnected.fetch_add(1) + 1;
    auto maximum = context_.counters.clientsMaximum.load();
    while (connected > maximum &&
           !context_.counters.clientsMaximum.compare_exchange_weak(maximum, connected)) {
    }
    saveSession();
    context_.logMessage(LogLevel::Debug, describePeer() + " connected (MQTT " +
                                             (v5 ? std::string("5") : std::string("3.1.1")) +
                                             (claim.sessionPresent ? ", resumed session)" : ")"));
    session_->attach(shared_from_this());
    // 0x98 Administrative action (MQTT 5 §3.14.2.1) when the management API closes it.
    clientEntry_ = std::make_shared<ClientEntry>(
        ClientEntry::Identity{"mqtt:" + clientId_, clientId_, "mqtt", v5 ? "5.0" : "3.1.1",
                              remoteAddress_, connect.username.value_or(""), ""},
        [weak = weak_from_this()] {
            if (auto self = weak.lock()) {
                self->disconnect(0x98);
            }
        });
    context_.clients.add(clientEntry_);
}

void MqttProtocol::sendConnack(bool sessionPresent, const mqtt::Connect& connect,
                               const std::optional<std::string>& assignedId,
                               std::uint16_t keepAlive) {
    mqtt::Connack connack;
    connack.sessionPresent = sessionPresent;
    if (version_ == mqtt::ProtocolVersion::V5) {
        const auto& limits = context_.config.limits;
        auto& p = connack.properties;
        p.receiveMaximum = limits.maxInflight;
        p.maximumPacketSize = limits.maxPacketSize;
        p.retainAvailable = 1;
        p.wildcardSubscriptionAvailable = 1;
        p.subscriptionIdentifierAvailable = 1;
        p.sharedSubscriptionAvailable = 1;
        p.topicAliasMaximum = limits.topicAliasMaximum;
        p.assignedClientIdentifier = assignedId;
        if (keepAlive != connect.keepAlive) {
            p.serverKeepAlive = keepAlive;
        }
        if (connect.properties.requestResponseInformation.value_or(0) == 1) {
            p.responseInformation = "response/" + clientId_;
        }
    }
    send(connack);
}

void MqttProtocol::saveSession() {
    if (!session_ || context_.store == nullptr) {
        return;
    }
    const auto expiry = session_->expiryInterval();
    if (expiry == 0) {
        context_.store->eraseRecord(kSessionRecordNamespace, clientId_);
        return;
    }
    context_.store->putRecord(kSessionRecordNamespace, clientId_,
                              encodeSessionRecord({expiry, session_->subscriptions()}));
}

void MqttProtocol::publishWill() {
    auto message = std::make_shared<Message>();
    message->topic = will_->topic;
    message->payload = will_->payload;
    message->qos = will_->qos;
    message->retain = will_->retain;
    const auto& p = will_->properties;
    message->payloadFormat = p.payloadFormatIndicator;
    message->contentType = p.contentType;
    message->responseTopic = p.responseTopic;
    message->correlationData = p.correlationData;
    message->userProperties = p.userProperties;
    message->receivedAt = std::chrono::system_clock::now();
    if (p.messageExpiryInterval) {
        message->expiresAt = message->receivedAt + std::chrono::seconds(*p.messageExpiryInterval);
    }
    message->id = context_.nextMessageId();
    message->publisherClientId = clientId_;
    const auto delay = p.willDelayInterval.value_or(0);
    will_.reset();

    const auto expiry = session_->expiryInterval();
    if (session_->online()) {
        // Taken over by a new connection: a delayed will is cancelled (§3.1.3.2.2).
        if (delay == 0) {
            context_.router.route(message, nullptr);
        }
        return;
    }
    if (delay == 0 || expiry == 0) {
        context_.router.route(message, nullptr);
        return;
    }
    const auto wait = std::chrono::seconds(std::min(delay, expiry));
    session_->setPendingWill(std::move(message), std::chrono::steady_clock::now() + wait);
}

}  // namespace sbx::broker
