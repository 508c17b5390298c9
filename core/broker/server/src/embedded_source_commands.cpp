#include "broker_context.h"
#include "client_directory.h"
#include "embedded_source.h"
#include "embedded_source_render.h"
#include "hop_recording.h"
#include "protocol_bridge.h"
#include "sbx/broker/topic.h"
#include "session.h"

namespace sbx::broker {

namespace {

constexpr std::string_view kManagementClient = "management";

Error notFound(std::string_view what, const DestinationRef& ref) {
    return Error{ErrorCode::NotFound,
                 "no " + std::string(what) + " '" + ref.name + "' in vhost '" + ref.vhost + "'"};
}

Result<std::uint8_t> mqttQos(std::uint8_t qos) {
    if (qos > 2) {
        return Error{ErrorCode::InvalidArgument, "MQTT QoS must be 0, 1 or 2"};
    }
    return qos;
}

// MQTT 5 properties under the names of observed_message.h.
Status applyMqttProperties(const std::vector<observe::Field>& properties, Message& message) {
    for (const auto& f : properties) {
        if (f.name == "content-type") {
            message.contentType = f.value;
        } else if (f.name == "response-topic") {
            message.responseTopic = f.value;
        } else if (f.name == "correlation-data") {
            message.correlationData = f.value;
        } else if (f.name == "payload-format-indicator") {
            message.payloadFormat = static_cast<std::uint8_t>(f.value == "1" ? 1 : 0);
        } else if (f.name == "message-expiry-interval") {
            auto seconds = render::parseTimeSeconds(f.value);  // digits: a plain number
            if (!seconds || f.value.find_first_not_of("0123456789") != std::string::npos) {
                return Error{ErrorCode::InvalidArgument,
                             "message-expiry-interval must be a number of seconds"};
            }
            message.expiresAt = message.receivedAt + std::chrono::seconds(*seconds);
        } else if (f.name != "qos" && f.name != "retain") {
            return Error{ErrorCode::InvalidArgument, "unknown MQTT property '" + f.name + "'"};
        }
    }
    return {};
}

}  // namespace

Status EmbeddedSource::publish(const observe::PublishRequest& request) {
    if (request.protocol == "mqtt") {
        return publishMqtt(request);
    }
    if (request.protocol == "amqp") {
        return publishAmqp(request);
    }
    return Error{ErrorCode::InvalidArgument, "unknown protocol '" + request.protocol + "'"};
}

Status EmbeddedSource::publishMqtt(const observe::PublishRequest& request) {
    if (!isValidTopicName(request.routingKey)) {
        return Error{ErrorCode::InvalidArgument,
                     "'" + request.routingKey + "' is not a valid MQTT topic name"};
    }
    auto qos = mqttQos(request.qos);
    if (!qos) {
        return qos.error();
    }
    auto message = std::make_shared<Message>();
    message->topic = request.routingKey;
    message->payload = request.payload;
    message->qos = *qos;
    message->retain = request.retain;
    message->receivedAt = std::chrono::system_clock::now();
    if (auto status = applyMqttProperties(request.properties, *message); !status) {
        return status;
    }
    for (const auto& header : request.headers) {
        message->userProperties.emplace_back(header.name, header.value);
    }
    message->id = context_.nextMessageId();
    message->publisherClientId = std::string(kManagementClient);
    BrokerCounters::add(context_.counters.publishReceived);
    BrokerCounters::add(context_.counters.messagesReceived);
    const bool observed = context_.hops.active();
    if (observed) {
        context_.hops.record({.time = message->receivedAt,
                              .kind = observe::HopKind::Published,
                              .messageId = message->id,
                              .protocol = "mqtt",
                              .clientId = std::string(kManagementClient),
                              .destination = message->topic,
                              .routingKey = message->topic,
                              .ids = render::mqttIds(*message)});
    }
    // Deliveries are recorded during route: Routed carries the time it began.
    const auto routedAt =
        observed ? std::chrono::system_clock::now() : std::chrono::system_clock::time_point{};
    const auto reached = context_.router.route(message, nullptr);
    bridgeMqttToAmqp(context_, *message);
    if (observed) {
        context_.hops.record({.time = routedAt,
                              .kind = observe::HopKind::Routed,
                              .messageId = message->id,
                              .protocol = "mqtt",
                              .clientId = std::string(kManagementClient),
                              .destination = message->topic,
                              .count = static_cast<std::uint32_t>(reached),
                              .routingKey = message->topic});
    }
    return {};
}

Status EmbeddedSource::publishAmqp(const observe::PublishRequest& request) {
    auto host = hostOf(request.vhost);
    if (!host) {
        return host.error();
    }
    auto properties = render::parseAmqpProperties(request.properties, request.headers);
    if (!properties) {
        return properties.error();
    }
    amqp::AmqpMessage message;
    message.exchange = request.exchange;
    message.routingKey = request.routingKey;
    message.properties = std::move(*properties);
    message.body = request.payload;
    BrokerCounters::add(context_.counters.messagesReceived);
    auto result = publishAmqpMessage(**host, std::move(message), std::string(kManagementClient));
    if (!result) {
        return result.error().toError();
    }
    return {};
}

amqp::AmqpResult<amqp::PublishResult> EmbeddedSource::publishAmqpMessage(
    amqp::VirtualHost& host, amqp::AmqpMessage message, const std::string& clientId) {
    // The model consumes the message; the bridge and the Published hop need what it was.
    const bool bridged = message.exchange == "amq.topic";
    std::optional<amqp::AmqpMessage> kept;
    if (bridged || context_.hops.active()) {
        kept = message;
    }
    const auto publishedAt = std::chrono::system_clock::now();
    auto published = host.publish(std::move(message), amqp::Clock::now());
    if (!published) {
        return published;
    }
    if (kept) {
        recordAmqpPublish(context_, host.name(), *kept, *published, clientId, false, publishedAt);
        if (bridged) {
            bridgeAmqpToMqtt(context_, host.name(), *kept);
        }
    }
    return published;
}

Result<std::uint64_t> EmbeddedSource::purge(std::string_view destinationId) {
    auto ref = parseId(destinationId);
    if (!ref) {
        return ref.error();
    }
    if (ref->kind == observe::DestinationKind::Topic) {
        // A topic holds nothing but its retained message: purging clears that.
        const bool had = context_.router.retained(ref->name) != nullptr;
        if (had) {
            observe::PublishRequest clear;
            clear.protocol = "mqtt";
            clear.routingKey = ref->name;
            clear.retain = true;
            if (auto status = publishMqtt(clear); !status) {
                return status.error();
            }
        }
        return std::uint64_t{had ? 1U : 0U};
    }
    if (ref->kind != observe::DestinationKind::Queue) {
        return Error{ErrorCode::InvalidArgument, "only queues and topics can be purged"};
    }
    auto host = hostOf(ref->vhost);
    if (!host) {
        return host.error();
    }
    if (!(*host)->findQueue(ref->name)) {
        return notFound("queue", *ref);
    }
    auto purged = (*host)->purgeQueue(ref->name, 0);
    if (!purged) {
        return purged.error().toError();
    }
    return std::uint64_t{*purged};
}

Status EmbeddedSource::remove(std::string_view destinationId) {
    auto ref = parseId(destinationId);
    if (!ref) {
        return ref.error();
    }
    if (ref->kind == observe::DestinationKind::Topic) {
        return Error{ErrorCode::Unsupported,
                     "MQTT topics exist while used; purge clears a topic's retained message"};
    }
    auto host = hostOf(ref->vhost);
    if (!host) {
        return host.error();
    }
    if (ref->kind == observe::DestinationKind::Exchange) {
        if (!(*host)->findExchange(ref->name)) {
            return notFound("exchange", *ref);
        }
        if (auto deleted = (*host)->deleteExchange(ref->name, false); !deleted) {
            return deleted.error().toError();
        }
        return {};
    }
    if (!(*host)->findQueue(ref->name)) {
        return notFound("queue", *ref);
    }
    if (auto deleted = (*host)->deleteQueue(ref->name, false, false, 0); !deleted) {
        return deleted.error().toError();
    }
    return {};
}

Status EmbeddedSource::declare(const observe::DeclareRequest& request) {
    auto host = hostOf(request.vhost);
    if (!host) {
        return host.error();
    }
    if (request.name.empty()) {
        return Error{ErrorCode::InvalidArgument, "a name is required"};
    }
    auto arguments = render::argumentTable(request.arguments);
    if (request.kind == observe::DestinationKind::Exchange) {
        amqp::ExchangeDeclare declare;
        declare.name = request.name;
        declare.type = request.type.empty() ? std::string("direct") : request.type;
        declare.durable = request.durable;
        declare.autoDelete = request.autoDelete;
        declare.arguments = std::move(arguments);
        if (auto declared = (*host)->declareExchange(declare); !declared) {
            return declared.error().toError();
        }
        return {};
    }
    if (request.kind == observe::DestinationKind::Topic) {
        return Error{ErrorCode::Unsupported, "MQTT topics need no declaration"};
    }
    amqp::QueueDeclare declare;
    declare.name = request.name;
    declare.durable = request.durable;
    declare.autoDelete = request.autoDelete;
    if (request.kind == observe::DestinationKind::Stream) {
        arguments.set("x-queue-type", amqp::FieldValue(std::string("stream")));
    }
    declare.arguments = std::move(arguments);
    if (auto declared = (*host)->declareQueue(declare, amqp::Clock::now()); !declared) {
        return declared.error().toError();
    }
    return {};
}

Status EmbeddedSource::bind(const observe::BindRequest& request) {
    return changeBinding(request, true);
}

Status EmbeddedSource::unbind(const observe::BindRequest& request) {
    return changeBinding(request, false);
}

Status EmbeddedSource::changeBinding(const observe::BindRequest& request, bool add) {
    auto host = hostOf(request.vhost);
    if (!host) {
        return host.error();
    }
    auto ref = parseId(request.destinationId);
    if (!ref) {
        return ref.error();
    }
    if (ref->kind == observe::DestinationKind::Topic || ref->vhost != request.vhost) {
        return Error{ErrorCode::InvalidArgument,
                     "bindings join an exchange to a queue or exchange of the same vhost"};
    }
    const auto arguments = render::argumentTable(request.arguments);
    amqp::AmqpStatus status;
    if (ref->kind == observe::DestinationKind::Queue) {
        status =
            add ? (*host)->bindQueue(ref->name, request.source, request.routingKey, arguments, 0)
                : (*host)->unbindQueue(ref->name, request.source, request.routingKey, arguments, 0);
    } else {
        status =
            add ? (*host)->bindExchange(ref->name, request.source, request.routingKey, arguments)
                : (*host)->unbindExchange(ref->name, request.source, request.routingKey, arguments);
    }
    if (!status) {
        return status.error().toError();
    }
    return {};
}

Status EmbeddedSource::disconnectClient(std::string_view clientId) {
    auto entry = context_.clients.find(std::string(clientId));
    if (!entry) {
        // An offline MQTT persistent session: disconnecting it ends it for good.
        if (clientId.starts_with("mqtt:")) {
            auto session = context_.registry.findByClientId(std::string(clientId.substr(5)));
            if (session && !session->online()) {
                context_.registry.remove(session);
                return {};
            }
        }
        return Error{ErrorCode::NotFound, "no connected client '" + std::string(clientId) + "'"};
    }
    entry->disconnect();
    return {};
}

}  // namespace sbx::broker
