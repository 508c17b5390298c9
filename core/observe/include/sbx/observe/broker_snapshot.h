#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace sbx::observe {

// What a destination is. MQTT topics are destinations too, so both protocols of one
// broker (and every connector plugin) appear in one picture.
enum class DestinationKind : std::uint8_t { Exchange, Queue, Stream, Topic };

[[nodiscard]] std::string_view toString(DestinationKind kind);

// Cumulative counters since the destination (or broker) came to be. Rates are derived
// from two snapshots (see RateEstimator), so sources only have to count.
struct MessageCounters {
    std::uint64_t published = 0;    // entered: routed into a queue, published to a topic
    std::uint64_t delivered = 0;    // handed to consumers / subscribers (incl. basic.get)
    std::uint64_t acked = 0;        // acknowledged by consumers (auto-ack counts too)
    std::uint64_t redelivered = 0;  // delivered again after a requeue or a restart
    std::uint64_t dropped = 0;      // rejected by a limit, expired or dead-lettered away
};

// Messages per second over the last snapshot interval.
struct MessageRates {
    double published = 0;
    double delivered = 0;
    double acked = 0;
    double redelivered = 0;
};

// A name/value pair rendered for people (queue arguments, properties, headers).
struct Field {
    std::string name;
    std::string value;
    friend bool operator==(const Field&, const Field&) = default;
};

// An exchange, a queue, a stream or an MQTT topic.
//
// `id` is unique within its source and stable across snapshots; it is what commands
// take. Spelling: "exchange:<vhost>/<name>", "queue:<vhost>/<name>" (streams are queues
// too), "topic:<topic name>". The default exchange is "exchange:<vhost>/".
struct Destination {
    std::string id;
    DestinationKind kind = DestinationKind::Queue;
    std::string vhost;  // empty for MQTT topics
    std::string name;
    std::string type;  // exchange: direct/fanout/topic/headers; queue: classic/stream
    bool durable = false;
    bool autoDelete = false;
    bool exclusive = false;
    bool internal = false;

    std::uint64_t messagesReady = 0;  // queue depth (stream: messages retained)
    std::uint64_t messagesUnacked = 0;
    std::uint64_t bytes = 0;  // payload bytes of ready + unacked messages
    std::uint32_t consumers = 0;
    MessageCounters counters;
    MessageRates rates;

    // Queue arguments and exchange arguments as RabbitMQ shows them (x-message-ttl ...).
    std::vector<Field> arguments;
    // Where dead letters of this queue go, when it has x-dead-letter-exchange.
    std::string deadLetterExchange;
    std::string deadLetterRoutingKey;
    // Holds dead letters (or the broker's equivalent: a RabbitMQ dead-letter queue,
    // JetStream messages past max deliveries, Redis entries pending past an idle time),
    // so the dead-letter view offers it and redrive applies.
    bool deadLetters = false;
    // The destination this one belongs to: a JetStream consumer or a Redis consumer group
    // under its stream ("stream:orders"). Empty for top-level destinations.
    std::string parentId;

    // MQTT topics: the last message's payload (at most kLastValueBytes of it), whether a
    // retained message is held, and when the last message arrived.
    std::string lastValue;
    bool lastValueTruncated = false;
    bool retained = false;
    std::chrono::system_clock::time_point lastMessageTime{};

    static constexpr std::size_t kLastValueBytes = 1024;
};

// exchange -> queue or exchange -> exchange.
struct Binding {
    std::string vhost;
    std::string source;         // exchange name ("" is the default exchange)
    std::string destinationId;  // a Destination::id
    std::string routingKey;
    std::vector<Field> arguments;  // headers-exchange match arguments
};

// One subscription or consumer of a client.
struct ClientSubscription {
    std::string destinationId;   // the queue consumed, or "topic:<filter>" for MQTT
    std::string tag;             // AMQP consumer tag; empty for MQTT
    std::uint8_t qos = 0;        // MQTT maximum QoS
    std::uint32_t prefetch = 0;  // AMQP prefetch count (0 = unlimited)
    bool autoAck = false;
};

// A client: an AMQP connection, an MQTT connection, or an MQTT persistent session kept
// while its client is away (`connected` false: it still queues messages for its
// subscriptions; disconnectClient ends it for good).
struct Client {
    std::string id;               // unique among current clients; what disconnectClient takes
    std::string name;             // MQTT client id, or AMQP connection_name client property
    std::string protocol;         // "mqtt", "amqp"
    std::string protocolVersion;  // "3.1.1", "5.0", "0-9-1"
    std::string remoteAddress;    // "127.0.0.1:53422"
    std::string user;
    std::string vhost;
    std::chrono::system_clock::time_point connectedAt{};
    std::uint32_t channels = 0;  // AMQP
    std::uint64_t messagesIn = 0;
    std::uint64_t messagesOut = 0;
    std::uint64_t bytesIn = 0;
    std::uint64_t bytesOut = 0;
    std::vector<ClientSubscription> subscriptions;
    bool connected = true;
};

// The whole broker at a glance.
struct BrokerOverview {
    std::string name;     // "embedded", a profile name
    std::string product;  // "Signalbox 0.3.0", "RabbitMQ 3.10.8", ...
    std::uint64_t uptimeSeconds = 0;
    std::uint64_t connections = 0;  // connected clients, AMQP and MQTT (not offline sessions)
    std::uint64_t messagesReady = 0;
    std::uint64_t messagesUnacked = 0;
    MessageCounters counters;
    MessageRates rates;
    std::vector<std::string> vhosts;
    std::vector<Field> listeners;  // protocol -> "address:port"
};

// Everything a source knows at one moment. Consumers diff consecutive snapshots.
struct BrokerSnapshot {
    std::chrono::system_clock::time_point time{};
    BrokerOverview overview;
    std::vector<Destination> destinations;
    std::vector<Binding> bindings;
    std::vector<Client> clients;
};

}  // namespace sbx::observe
