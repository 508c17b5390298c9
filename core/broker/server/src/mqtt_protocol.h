#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

#include "protocol.h"
#include "sbx/mqtt/codec.h"
#include "session_link.h"

namespace sbx::broker {

class BrokerContext;
class ClientEntry;
class ConnectionIo;
class Session;
struct SessionSubscription;

// The MQTT state machine of one connection, free of sockets: bytes in through
// consume(), bytes out through ConnectionIo. One file per packet family
// (handle_connect.cpp, handle_publish.cpp, ...), as mosquitto lays it out.
// consume() and the on*() calls run on the connection's strand; the SessionLink calls
// come from any thread.
class MqttProtocol : public Protocol,
                     public SessionLink,
                     public std::enable_shared_from_this<MqttProtocol> {
public:
    MqttProtocol(BrokerContext& context, std::weak_ptr<ConnectionIo> io);
    ~MqttProtocol() override;

    // Consumes whole packets from the front of `bytes`; returns how many bytes it used.
    // Sets closing() when the connection must end.
    std::size_t consume(std::span<const std::uint8_t> bytes) override;
    [[nodiscard]] bool closing() const override { return phase_ == Phase::Closing; }
    // The socket is gone (or closing() finished): will, session detach, counters.
    void onClosed() override;
    // The keep alive expired: never keeps the connection.
    bool onIdleTimeout() override;

    // SessionLink
    SendResult sendPublish(const Message& message, const PublishParams& params,
                           bool droppable) override;
    void sendPubrel(std::uint16_t packetId) override;
    [[nodiscard]] std::uint16_t sendWindow() const override;
    void disconnect(std::uint8_t reason) override;

private:
    enum class Phase { AwaitingConnect, Connected, Closing, Closed };

    void dispatch(mqtt::Packet& packet);
    void handleConnect(mqtt::Connect& connect);
    bool refuseConnect(mqtt::ReasonCode reason, const std::string& why);
    void sendConnack(bool sessionPresent, const mqtt::Connect& connect,
                     const std::optional<std::string>& assignedId, std::uint16_t keepAlive);
    void handlePublish(mqtt::Publish& publish);
    bool resolveTopicAlias(mqtt::Publish& publish);
    void sendPublishAck(std::uint16_t packetId, std::uint8_t qos, std::uint8_t reason);
    void pausePublisher(Session& congested);
    void handlePublishResponse(const mqtt::PublishResponse& response);
    void handleSubscribe(const mqtt::Subscribe& subscribe);
    std::uint8_t subscribeOne(const mqtt::SubscribeEntry& entry,
                              const std::optional<std::uint32_t>& subscriptionId,
                              std::vector<SessionSubscription>& retainedFor);
    void handleUnsubscribe(const mqtt::Unsubscribe& unsubscribe);
    void handleDisconnect(const mqtt::Disconnect& disconnect);
    void saveSession();
    void publishWill();

    void send(const mqtt::Packet& packet);
    // Ends the connection for a protocol violation: v5 clients get DISCONNECT `reason`.
    void fail(mqtt::ReasonCode reason, const std::string& why);
    void closeNow();
    [[nodiscard]] std::string describePeer() const;

    BrokerContext& context_;
    std::weak_ptr<ConnectionIo> io_;
    std::string remoteAddress_;
    Phase phase_ = Phase::AwaitingConnect;
    mqtt::ProtocolVersion version_ = mqtt::ProtocolVersion::V311;
    std::shared_ptr<Session> session_;
    std::string clientId_;
    std::optional<mqtt::Will> will_;
    bool willOnClose_ = true;  // false after a normal DISCONNECT
    std::unordered_map<std::uint16_t, std::string> inboundAliases_;
    std::atomic<std::uint32_t> inboundUnacked_{0};
    std::shared_ptr<ClientEntry> clientEntry_;  // in the client directory while connected

    // Client limits from CONNECT; written before the session attaches, read after.
    std::uint32_t clientMaxPacketSize_ = 0xFFFFFFFF;
    std::uint16_t clientReceiveMaximum_ = 65535;
    std::uint16_t clientTopicAliasMaximum_ = 0;
    // Server-to-client topic aliases; touched only inside ConnectionIo::write fills,
    // which the output lock serialises.
    std::unordered_map<std::string, std::uint16_t> outboundAliases_;
};

}  // namespace sbx::broker
