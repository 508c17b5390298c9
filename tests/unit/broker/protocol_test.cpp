#include <gtest/gtest.h>

#include <mutex>

#include "broker_context.h"
#include "connection_io.h"
#include "mqtt_protocol.h"
#include "sbx/mqtt/codec.h"
#include "session.h"

namespace sbx::broker {
namespace {

using mqtt::ProtocolVersion;

// A connection that is only a buffer: the MQTT state machine without sockets.
class FakeIo : public ConnectionIo {
public:
    bool write(const Fill& fill) override {
        std::lock_guard lock(mutex);
        if (closed) {
            return false;
        }
        fill(output);
        return true;
    }
    std::size_t pendingBytes() const override { return 0; }
    void closeAfterWrites() override {
        std::lock_guard lock(mutex);
        closed = true;
    }
    void setIdleTimeout(std::chrono::milliseconds timeout) override { idleTimeout = timeout; }
    const std::string& remoteAddress() const override { return address; }
    void pauseReading() override { paused = true; }
    void resumeReading() override { paused = false; }

    std::vector<mqtt::Packet> takePackets(ProtocolVersion version) {
        std::lock_guard lock(mutex);
        std::vector<mqtt::Packet> packets;
        std::size_t used = 0;
        mqtt::FrameHeader header;
        while (mqtt::peekFrame(std::span(output).subspan(used), header) ==
               mqtt::FrameStatus::Complete) {
            auto decoded = mqtt::decodePacket(
                header, std::span(output).subspan(used + header.headerSize, header.remainingLength),
                version);
            EXPECT_TRUE(std::holds_alternative<mqtt::Packet>(decoded));
            if (auto* packet = std::get_if<mqtt::Packet>(&decoded)) {
                packets.push_back(std::move(*packet));
            }
            used += header.totalSize();
        }
        output.erase(output.begin(), output.begin() + static_cast<std::ptrdiff_t>(used));
        return packets;
    }

    std::mutex mutex;
    std::vector<std::uint8_t> output;
    bool closed = false;
    std::chrono::milliseconds idleTimeout{-1};
    bool paused = false;
    std::string address = "test";
};

struct Client {
    std::shared_ptr<FakeIo> io = std::make_shared<FakeIo>();
    std::shared_ptr<MqttProtocol> protocol;
    ProtocolVersion version;

    Client(BrokerContext& context, ProtocolVersion v)
        : protocol(std::make_shared<MqttProtocol>(context, io)), version(v) {}
    ~Client() { protocol->onClosed(); }

    void send(const mqtt::Packet& packet) {
        std::vector<std::uint8_t> bytes;
        mqtt::encodePacket(packet, version, bytes);
        EXPECT_EQ(protocol->consume(bytes), bytes.size());
    }
    std::vector<mqtt::Packet> received() { return io->takePackets(version); }
    template <typename T>
    T only() {
        auto packets = received();
        EXPECT_EQ(packets.size(), 1U);
        if (packets.size() != 1 || !std::holds_alternative<T>(packets[0])) {
            ADD_FAILURE() << "expected one packet of the asked type";
            return T{};
        }
        return std::get<T>(packets[0]);
    }
};

class ProtocolTest : public testing::Test {
protected:
    ProtocolTest() { config.limits.maxInflight = 2; }

    std::unique_ptr<Client> connect(const std::string& id,
                                    ProtocolVersion version = ProtocolVersion::V5,
                                    bool cleanStart = true) {
        auto client = std::make_unique<Client>(context, version);
        mqtt::Connect connect;
        connect.version = version;
        connect.clientId = id;
        connect.cleanStart = cleanStart;
        connect.keepAlive = 10;
        client->send(connect);
        const auto connack = client->only<mqtt::Connack>();
        EXPECT_EQ(connack.reasonCode, 0);
        return client;
    }

    BrokerConfig config;
    LogHub log;
    BrokerContext context{config, log, nullptr};
};

TEST_F(ProtocolTest, ConnackAdvertisesCapabilitiesAndAssignsAnId) {
    Client client(context, ProtocolVersion::V5);
    mqtt::Connect connect;
    connect.keepAlive = 4;
    client.send(connect);
    const auto connack = client.only<mqtt::Connack>();
    EXPECT_EQ(connack.reasonCode, 0);
    EXPECT_FALSE(connack.sessionPresent);
    const auto& p = connack.properties;
    ASSERT_TRUE(p.assignedClientIdentifier.has_value());
    EXPECT_FALSE(p.assignedClientIdentifier->empty());
    EXPECT_EQ(p.receiveMaximum, std::optional<std::uint16_t>(2));
    EXPECT_EQ(p.retainAvailable, std::optional<std::uint8_t>(1));
    EXPECT_EQ(p.wildcardSubscriptionAvailable, std::optional<std::uint8_t>(1));
    EXPECT_EQ(p.subscriptionIdentifierAvailable, std::optional<std::uint8_t>(1));
    EXPECT_EQ(p.sharedSubscriptionAvailable, std::optional<std::uint8_t>(1));
    EXPECT_GT(p.topicAliasMaximum.value_or(0), 0);
    EXPECT_EQ(p.maximumPacketSize, std::optional<std::uint32_t>(config.limits.maxPacketSize));
    // Keep alive is enforced at one and a half times what the client asked for.
    EXPECT_EQ(client.io->idleTimeout, std::chrono::milliseconds(6000));
}

TEST_F(ProtocolTest, QoS1FlowsEndToEndWithinTheWindow) {
    auto subscriber = connect("sub");
    mqtt::Subscribe subscribe;
    subscribe.packetId = 1;
    subscribe.entries = {{"a/+", 1, false, false, 0}};
    subscriber->send(subscribe);
    EXPECT_EQ(subscriber->only<mqtt::Suback>().reasonCodes, (std::vector<std::uint8_t>{1}));

    auto publisher = connect("pub");
    for (std::uint16_t i = 1; i <= 5; ++i) {
        mqtt::Publish publish;
        publish.topic = "a/b";
        publish.payload = "m" + std::to_string(i);
        publish.qos = 1;
        publish.packetId = i;
        publisher->send(publish);
    }
    EXPECT_EQ(publisher->received().size(), 5U);  // five PUBACKs, no store to wait for

    // Our Receive Maximum is 2: only two PUBLISH may be unacknowledged at a time.
    auto delivered = subscriber->received();
    ASSERT_EQ(delivered.size(), 2U);
    std::vector<std::string> payloads;
    while (!delivered.empty()) {
        for (const auto& packet : delivered) {
            const auto& publish = std::get<mqtt::Publish>(packet);
            payloads.push_back(publish.payload);
            subscriber->send(
                mqtt::PublishResponse{mqtt::PacketType::Puback, publish.packetId, 0, {}});
        }
        delivered = subscriber->received();
    }
    EXPECT_EQ(payloads, (std::vector<std::string>{"m1", "m2", "m3", "m4", "m5"}));
}

TEST_F(ProtocolTest, FirstPacketMustBeConnect) {
    Client client(context, ProtocolVersion::V311);
    client.send(mqtt::Pingreq{});
    EXPECT_TRUE(client.protocol->closing());
    EXPECT_TRUE(client.received().empty());
}

TEST_F(ProtocolTest, SecondConnectIsAProtocolError) {
    auto client = connect("c");
    mqtt::Connect again;
    again.clientId = "c";
    client->send(again);
    const auto disconnect = client->only<mqtt::Disconnect>();
    EXPECT_EQ(disconnect.reasonCode, 0x82);
    EXPECT_TRUE(client->protocol->closing());
}

TEST_F(ProtocolTest, OversizedPacketIsRefusedFromItsHeader) {
    config.limits.maxPacketSize = 64;
    auto client = connect("big");
    // Only the fixed header of a 1 MB PUBLISH: the broker must not wait for the rest.
    const std::vector<std::uint8_t> header = {0x30, 0x80, 0x80, 0x40};
    client->protocol->consume(header);
    EXPECT_EQ(client->only<mqtt::Disconnect>().reasonCode, 0x95);
    EXPECT_TRUE(client->protocol->closing());
}

TEST_F(ProtocolTest, UnsupportedVersionGetsA311Refusal) {
    Client client(context, ProtocolVersion::V311);
    // CONNECT with protocol level 6.
    const std::vector<std::uint8_t> bytes = {0x10, 0x0d, 0x00, 0x04, 'M',  'Q',  'T', 'T',
                                             0x06, 0x02, 0x00, 0x3c, 0x00, 0x01, 'x'};
    client.protocol->consume(bytes);
    std::lock_guard lock(client.io->mutex);
    EXPECT_EQ(client.io->output, (std::vector<std::uint8_t>{0x20, 0x02, 0x00, 0x01}));
    EXPECT_TRUE(client.io->closed);
}

TEST_F(ProtocolTest, TakeoverDisconnectsTheOldConnection) {
    auto first = connect("same", ProtocolVersion::V5, false);
    auto second = connect("same", ProtocolVersion::V5, false);
    EXPECT_EQ(first->only<mqtt::Disconnect>().reasonCode, 0x8E);
    EXPECT_TRUE(first->io->closed);
    EXPECT_FALSE(second->io->closed);
}

TEST_F(ProtocolTest, EmptyIdWithPersistentSessionIsRefusedIn311) {
    Client client(context, ProtocolVersion::V311);
    mqtt::Connect connect;
    connect.version = ProtocolVersion::V311;
    connect.cleanStart = false;
    client.send(connect);
    EXPECT_EQ(client.only<mqtt::Connack>().reasonCode, 2);
    EXPECT_TRUE(client.protocol->closing());
}

TEST_F(ProtocolTest, RetainedMessageFollowsTheSuback) {
    auto publisher = connect("pub");
    mqtt::Publish publish;
    publish.topic = "status/door";
    publish.payload = "open";
    publish.retain = true;
    publisher->send(publish);

    auto subscriber = connect("sub");
    mqtt::Subscribe subscribe;
    subscribe.packetId = 9;
    subscribe.entries = {{"status/#", 0, false, false, 0}};
    subscriber->send(subscribe);
    const auto packets = subscriber->received();
    ASSERT_EQ(packets.size(), 2U);
    EXPECT_TRUE(std::holds_alternative<mqtt::Suback>(packets[0]));
    const auto& retained = std::get<mqtt::Publish>(packets[1]);
    EXPECT_EQ(retained.payload, "open");
    EXPECT_TRUE(retained.retain);
}

}  // namespace
}  // namespace sbx::broker
