#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "sbx/common/result.h"
#include "sbx/connect/connection_profile.h"
#include "sbx/connect/network_stream.h"
#include "sbx/mqtt/packets.h"

namespace sbx::mqtt_connector {

struct ClientOptions {
    std::string host;
    std::uint16_t port = 1883;
    connect::TlsSettings tls;
    mqtt::ProtocolVersion version = mqtt::ProtocolVersion::V5;
    std::string clientId;
    std::string username;  // empty: anonymous
    std::string password;
    std::chrono::milliseconds timeout{5000};
    std::uint16_t keepAliveSeconds = 30;
};

// An MQTT 3.1.1 / 5 client over one NetworkStream, encoding and decoding packets with the
// project's codec (sbx::mqtt_codec). One reader thread owns the connection: it writes
// what callers queued, answers the broker's QoS 1/2 flows, sends PINGREQ to keep the
// session alive and hands every received PUBLISH to the handler. Callers block until
// their SUBACK / PUBACK / PUBCOMP arrives or the timeout passes. Thread-safe.
class MqttClient {
public:
    using PublishHandler = std::function<void(const mqtt::Publish&)>;

    // Connects and waits for CONNACK; a refusal becomes an error a user understands
    // (wrong password: Unauthenticated, not authorized: PermissionDenied, ...).
    static Result<std::unique_ptr<MqttClient>> connect(const ClientOptions& options,
                                                       PublishHandler handler);
    // Sends DISCONNECT and stops the reader thread.
    ~MqttClient();
    MqttClient(const MqttClient&) = delete;
    MqttClient& operator=(const MqttClient&) = delete;

    // The codes the broker granted, one per entry (>= 0x80: refused).
    Result<std::vector<std::uint8_t>> subscribe(std::vector<mqtt::SubscribeEntry> entries,
                                                std::optional<std::uint32_t> subscriptionId);
    Status unsubscribe(std::vector<std::string> filters);
    // Returns once the broker took the message: at once for QoS 0, after PUBACK for
    // QoS 1, after PUBCOMP for QoS 2.
    Status publish(mqtt::Publish message);

    // Why the connection ended; nothing while it is up.
    [[nodiscard]] std::optional<Error> failure() const;
    [[nodiscard]] const std::string& peer() const { return peer_; }
    [[nodiscard]] mqtt::ProtocolVersion version() const { return options_.version; }
    [[nodiscard]] const mqtt::Connack& connack() const { return connack_; }

private:
    struct Pending {
        mqtt::PacketType awaited = mqtt::PacketType::Puback;
        bool done = false;
        std::optional<mqtt::Packet> reply;
    };

    MqttClient(const ClientOptions& options, std::unique_ptr<connect::NetworkStream> stream,
               PublishHandler handler);
    Status handshake();
    void run();
    bool step(std::string& inbound, std::chrono::steady_clock::time_point& lastSent,
              std::optional<std::chrono::steady_clock::time_point>& pingSentAt);
    Status dispatch(mqtt::Packet packet, std::vector<std::uint8_t>& replies);
    void onPublish(mqtt::Publish& publish, std::vector<std::uint8_t>& replies);
    void onResponse(const mqtt::PublishResponse& response, std::vector<std::uint8_t>& replies);
    void complete(std::uint16_t packetId, mqtt::Packet reply);
    void fail(const Error& error);
    std::uint16_t nextPacketId();  // mutex_ held
    Result<mqtt::Packet> exchange(mqtt::Packet packet, std::uint16_t packetId,
                                  mqtt::PacketType awaited);
    void enqueue(const mqtt::Packet& packet);  // mutex_ held

    const ClientOptions options_;
    const std::string peer_;
    std::unique_ptr<connect::NetworkStream> stream_;
    PublishHandler handler_;
    mqtt::Connack connack_;
    std::chrono::seconds keepAlive_{0};
    std::string leftover_;  // bytes read past CONNACK

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::vector<std::uint8_t> outbox_;
    std::map<std::uint16_t, std::shared_ptr<Pending>> pending_;
    std::set<std::uint16_t> inboundQos2_;  // PUBREC sent, PUBREL not yet received
    std::uint16_t lastPacketId_ = 0;
    std::optional<Error> failure_;
    bool stopping_ = false;
    std::thread reader_;
};

}  // namespace sbx::mqtt_connector
