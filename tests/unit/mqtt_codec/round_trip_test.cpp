#include <set>
#include <string>

#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

Properties everyConnectProperty() {
    Properties p;
    p.sessionExpiryInterval = 3600;
    p.authenticationMethod = "SCRAM-SHA-1";
    p.authenticationData = std::string("\x00\x01\xff", 3);
    p.requestProblemInformation = 0;
    p.requestResponseInformation = 1;
    p.receiveMaximum = 20;
    p.topicAliasMaximum = 10;
    p.userProperties = {{"region", "eu"}, {"region", "us"}};
    p.maximumPacketSize = 1 << 20;
    return p;
}

Properties everyConnackProperty() {
    Properties p;
    p.sessionExpiryInterval = 60;
    p.assignedClientIdentifier = "auto-1";
    p.serverKeepAlive = 30;
    p.authenticationMethod = "SCRAM-SHA-1";
    p.authenticationData = "challenge";
    p.responseInformation = "reply/";
    p.serverReference = "other:1883";
    p.reasonString = "welcome";
    p.receiveMaximum = 100;
    p.topicAliasMaximum = 5;
    p.maximumQoS = 1;
    p.retainAvailable = 1;
    p.userProperties = {{"k", "v"}};
    p.maximumPacketSize = 65536;
    p.wildcardSubscriptionAvailable = 1;
    p.subscriptionIdentifierAvailable = 0;
    p.sharedSubscriptionAvailable = 1;
    return p;
}

Properties everyPublishProperty() {
    Properties p;
    p.payloadFormatIndicator = 1;
    p.messageExpiryInterval = 120;
    p.contentType = "application/json";
    p.responseTopic = "replies/1";
    p.correlationData = std::string("\x00\x10", 2);
    p.subscriptionIdentifiers = {1, 268'435'455};
    p.topicAlias = 3;
    p.userProperties = {{"trace", "abc"}};
    return p;
}

Properties reasonAndUser() {
    Properties p;
    p.reasonString = "because";
    p.userProperties = {{"a", "b"}};
    return p;
}

std::vector<Packet> samplesV5() {
    Connect full;
    full.version = ProtocolVersion::V5;
    full.cleanStart = false;
    full.keepAlive = 60;
    full.clientId = "client-\xc3\xa9";  // é
    full.properties = everyConnectProperty();
    Will will;
    will.topic = "status/client";
    will.payload = std::string("off\0line", 8);
    will.qos = 2;
    will.retain = true;
    will.properties.willDelayInterval = 5;
    will.properties.payloadFormatIndicator = 1;
    will.properties.messageExpiryInterval = 10;
    will.properties.contentType = "text/plain";
    will.properties.responseTopic = "r";
    will.properties.correlationData = "c";
    will.properties.userProperties = {{"u", "v"}};
    full.will = will;
    full.password = std::string("\x00secret", 7);  // v5 allows a password alone
    Connect minimal;
    minimal.version = ProtocolVersion::V5;
    minimal.username = "user";

    Publish publish;
    publish.topic = "sensors/1/temp";
    publish.payload = std::string(300, 'x');  // remaining length needs two bytes
    publish.qos = 2;
    publish.dup = true;
    publish.retain = true;
    publish.packetId = 65535;
    publish.properties = everyPublishProperty();
    Publish aliased;
    aliased.properties.topicAlias = 3;

    Subscribe subscribe{
        7,
        {{"a/+/c", 0, false, false, 0}, {"#", 1, true, true, 1}, {"$share/g/x", 2, false, true, 2}},
        {}};
    subscribe.properties.subscriptionIdentifiers = {42};
    subscribe.properties.userProperties = {{"x", "y"}};
    Unsubscribe unsubscribe{8, {"a/+/c", "#"}, {}};
    unsubscribe.properties.userProperties = {{"x", "y"}};
    Auth auth{0x18, {}};
    auth.properties.authenticationMethod = "SCRAM-SHA-1";
    auth.properties.authenticationData = "data";
    auth.properties.reasonString = "more";
    Disconnect disconnect{0x8B, reasonAndUser()};
    disconnect.properties.sessionExpiryInterval = 0;
    disconnect.properties.serverReference = "elsewhere";

    return {
        full,
        minimal,
        Connack{true, 0x00, everyConnackProperty()},
        Connack{false, 0x85, {}},
        publish,
        aliased,
        Publish{"t", "", 1, false, false, 1, {}},
        PublishResponse{PacketType::Puback, 1, 0x00, {}},
        PublishResponse{PacketType::Puback, 2, 0x10, {}},
        PublishResponse{PacketType::Pubrec, 3, 0x80, reasonAndUser()},
        PublishResponse{PacketType::Pubrel, 4, 0x92, {}},
        PublishResponse{PacketType::Pubcomp, 5, 0x00, reasonAndUser()},
        subscribe,
        Suback{7, {0x00, 0x01, 0x02, 0x80, 0x8F, 0xA2}, reasonAndUser()},
        unsubscribe,
        Unsuback{8, {0x00, 0x11, 0x87}, reasonAndUser()},
        Pingreq{},
        Pingresp{},
        Disconnect{},
        Disconnect{0x04, {}},
        disconnect,
        Auth{},
        Auth{0x19, {}},
        auth,
    };
}

std::vector<Packet> samplesV311() {
    Connect full;
    full.version = ProtocolVersion::V311;
    full.cleanStart = true;
    full.keepAlive = 10;
    full.clientId = "c1";
    full.will = Will{"w/t", std::string("\x01\x02", 2), 1, true, {}};
    full.username = "user";
    full.password = "pw";
    Connect anonymous;
    anonymous.version = ProtocolVersion::V311;
    anonymous.cleanStart = false;

    return {
        full,
        anonymous,
        Connack{true, 0, {}},
        Connack{false, 5, {}},
        Publish{"a/b", "hello", 0, true, false, 0, {}},
        Publish{"a/b", std::string(20'000, 'p'), 1, false, true, 10, {}},
        Publish{"a/b", "", 2, false, false, 11, {}},
        PublishResponse{PacketType::Puback, 1, 0, {}},
        PublishResponse{PacketType::Pubrec, 2, 0, {}},
        PublishResponse{PacketType::Pubrel, 3, 0, {}},
        PublishResponse{PacketType::Pubcomp, 4, 0, {}},
        Subscribe{9, {{"a/#", 0, false, false, 0}, {"b/+", 2, false, false, 0}}, {}},
        Suback{9, {0x00, 0x01, 0x02, 0x80}, {}},
        Unsubscribe{10, {"a/#", "b/+"}, {}},
        Unsuback{10, {}, {}},
        Pingreq{},
        Pingresp{},
        Disconnect{},
    };
}

void expectRoundTrip(const std::vector<Packet>& samples, ProtocolVersion version) {
    for (std::size_t index = 0; index < samples.size(); ++index) {
        SCOPED_TRACE("sample " + std::to_string(index) + ", packet type " +
                     std::to_string(static_cast<int>(packetTypeOf(samples[index]))));
        const auto bytes = encode(samples[index], version);
        EXPECT_EQ(bytes.size(), encodedSize(samples[index], version));
        EXPECT_EQ(decodeOk(bytes, version), samples[index]);
    }
}

TEST(MqttRoundTrip, EveryPacketTypeInMqtt5) {
    const auto samples = samplesV5();
    std::set<PacketType> types;
    for (const auto& packet : samples) {
        types.insert(packetTypeOf(packet));
    }
    EXPECT_EQ(types.size(), 15u);
    expectRoundTrip(samples, ProtocolVersion::V5);
}

TEST(MqttRoundTrip, EveryPacketTypeInMqtt311) {
    const auto samples = samplesV311();
    std::set<PacketType> types;
    for (const auto& packet : samples) {
        types.insert(packetTypeOf(packet));
    }
    EXPECT_EQ(types.size(), 14u);  // all but AUTH, which 3.1.1 does not have
    expectRoundTrip(samples, ProtocolVersion::V311);
}

TEST(MqttRoundTrip, ConnectCarriesItsOwnVersion) {
    // A CONNECT decodes to its own version whatever the caller assumes, and encodes in it.
    for (const auto& packet : samplesV5()) {
        if (std::holds_alternative<Connect>(packet)) {
            const auto bytes = encode(packet, ProtocolVersion::V311);
            EXPECT_EQ(decodeOk(bytes, ProtocolVersion::V311), packet);
        }
    }
}

}  // namespace
}  // namespace sbx::mqtt::test
