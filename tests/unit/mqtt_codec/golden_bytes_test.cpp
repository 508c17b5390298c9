// Wire bytes written out by hand from the examples in the MQTT 3.1.1 and 5.0 specs
// (3.1.1 §3.1.2.10, §3.3.2.3, §3.8.3.1, §3.9.3; 5.0 §3.1.2.11, §3.3.2.3, §3.8.3.1),
// completed into whole packets. Each is decoded and compared with the packet it stands
// for, and that packet must encode back to exactly these bytes.
#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

void expectGolden(const Bytes& bytes, const Packet& packet, ProtocolVersion version) {
    EXPECT_EQ(decodeOk(bytes, version), packet);
    EXPECT_EQ(encode(packet, version), bytes);
}

TEST(MqttGoldenBytes, Connect311WithWillAndCredentials) {
    // Flags 0xCE as in the spec example: user name, password, will QoS 1, will, clean session.
    const Bytes bytes{0x10, 0x1E,                      // CONNECT, remaining length 30
                      0x00, 0x04, 'M', 'Q', 'T', 'T',  // protocol name
                      0x04,                            // level 4
                      0xCE,                            // connect flags
                      0x00, 0x0A,                      // keep alive 10
                      0x00, 0x02, 'c', '1',            // client id
                      0x00, 0x03, 'w', '/', 't',       // will topic
                      0x00, 0x03, 'b', 'y', 'e',       // will message
                      0x00, 0x01, 'u',                 // user name
                      0x00, 0x01, 'p'};                // password
    Connect connect;
    connect.version = ProtocolVersion::V311;
    connect.cleanStart = true;
    connect.keepAlive = 10;
    connect.clientId = "c1";
    connect.will = Will{"w/t", "bye", 1, false, {}};
    connect.username = "u";
    connect.password = "p";
    expectGolden(bytes, connect, ProtocolVersion::V311);
}

TEST(MqttGoldenBytes, Connect5WithSessionExpiry) {
    // The v5 example variable header: flags 0xC2, keep alive 10, Session Expiry Interval 10.
    const Bytes bytes{0x10, 0x1A,                          // CONNECT, remaining length 26
                      0x00, 0x04, 'M',  'Q',  'T',  'T',   // protocol name
                      0x05,                                // version 5
                      0xC2,                                // user name, password, clean start
                      0x00, 0x0A,                          // keep alive 10
                      0x05, 0x11, 0x00, 0x00, 0x00, 0x0A,  // properties: session expiry 10
                      0x00, 0x02, 'c',  '1',               // client id
                      0x00, 0x01, 'u',                     // user name
                      0x00, 0x01, 'p'};                    // password
    Connect connect;
    connect.version = ProtocolVersion::V5;
    connect.cleanStart = true;
    connect.keepAlive = 10;
    connect.clientId = "c1";
    connect.properties.sessionExpiryInterval = 10;
    connect.username = "u";
    connect.password = "p";
    expectGolden(bytes, connect, ProtocolVersion::V5);
}

TEST(MqttGoldenBytes, Connack) {
    expectGolden({0x20, 0x02, 0x00, 0x00}, Connack{false, 0, {}}, ProtocolVersion::V311);
    expectGolden({0x20, 0x02, 0x01, 0x00}, Connack{true, 0, {}}, ProtocolVersion::V311);
    expectGolden({0x20, 0x02, 0x00, 0x01}, Connack{false, 1, {}}, ProtocolVersion::V311);
    expectGolden({0x20, 0x03, 0x00, 0x00, 0x00}, Connack{false, 0, {}}, ProtocolVersion::V5);
    expectGolden({0x20, 0x03, 0x00, 0x84, 0x00}, Connack{false, 0x84, {}}, ProtocolVersion::V5);
    Connack withProperties{true, 0x00, {}};
    withProperties.properties.topicAliasMaximum = 10;
    expectGolden({0x20, 0x06, 0x01, 0x00, 0x03, 0x22, 0x00, 0x0A}, withProperties,
                 ProtocolVersion::V5);
}

TEST(MqttGoldenBytes, Publish) {
    // Topic "a/b", packet identifier 10 as in the spec's PUBLISH variable header example.
    expectGolden({0x32, 0x09, 0x00, 0x03, 'a', '/', 'b', 0x00, 0x0A, 'h', 'i'},
                 Publish{"a/b", "hi", 1, false, false, 10, {}}, ProtocolVersion::V311);
    expectGolden({0x32, 0x0A, 0x00, 0x03, 'a', '/', 'b', 0x00, 0x0A, 0x00, 'h', 'i'},
                 Publish{"a/b", "hi", 1, false, false, 10, {}}, ProtocolVersion::V5);
    Publish retainedWithAlias{"a/b", "x", 0, true, false, 0, {}};
    retainedWithAlias.properties.topicAlias = 1;
    expectGolden({0x31, 0x0A, 0x00, 0x03, 'a', '/', 'b', 0x03, 0x23, 0x00, 0x01, 'x'},
                 retainedWithAlias, ProtocolVersion::V5);
    expectGolden({0x3D, 0x0A, 0x00, 0x03, 'a', '/', 'b', 0x00, 0x0B, 0x00, 0x00, 0x00},
                 Publish{"a/b", std::string(3, '\0'), 2, true, true, 11, {}},
                 ProtocolVersion::V311);
}

TEST(MqttGoldenBytes, Subscribe) {
    // The spec's payload example: "a/b" at QoS 1 and "c/d" at QoS 2, packet identifier 10.
    expectGolden({0x82, 0x0E, 0x00, 0x0A,           //
                  0x00, 0x03, 'a', '/', 'b', 0x01,  //
                  0x00, 0x03, 'c', '/', 'd', 0x02},
                 Subscribe{10, {{"a/b", 1, false, false, 0}, {"c/d", 2, false, false, 0}}, {}},
                 ProtocolVersion::V311);
    // v5: an empty property block; the second filter has No Local, Retain As Published
    // and Retain Handling 2 (options 0b0010'1110).
    expectGolden({0x82, 0x0F, 0x00, 0x0A, 0x00,     //
                  0x00, 0x03, 'a', '/', 'b', 0x01,  //
                  0x00, 0x03, 'c', '/', 'd', 0x2E},
                 Subscribe{10, {{"a/b", 1, false, false, 0}, {"c/d", 2, true, true, 2}}, {}},
                 ProtocolVersion::V5);
}

TEST(MqttGoldenBytes, Suback) {
    // The spec's example: granted QoS 0, granted QoS 2, failure.
    expectGolden({0x90, 0x05, 0x00, 0x0A, 0x00, 0x02, 0x80}, Suback{10, {0x00, 0x02, 0x80}, {}},
                 ProtocolVersion::V311);
    expectGolden({0x90, 0x06, 0x00, 0x0A, 0x00, 0x00, 0x02, 0x80},
                 Suback{10, {0x00, 0x02, 0x80}, {}}, ProtocolVersion::V5);
}

TEST(MqttGoldenBytes, Disconnect) {
    expectGolden({0xE0, 0x00}, Disconnect{}, ProtocolVersion::V311);
    expectGolden({0xE0, 0x00}, Disconnect{}, ProtocolVersion::V5);
    expectGolden({0xE0, 0x01, 0x04}, Disconnect{0x04, {}}, ProtocolVersion::V5);
    Disconnect shuttingDown{0x8B, {}};
    shuttingDown.properties.reasonString = "by";
    expectGolden({0xE0, 0x07, 0x8B, 0x05, 0x1F, 0x00, 0x02, 'b', 'y'}, shuttingDown,
                 ProtocolVersion::V5);
}

TEST(MqttGoldenBytes, SmallPackets) {
    expectGolden({0x40, 0x02, 0x00, 0x0A}, PublishResponse{PacketType::Puback, 10, 0, {}},
                 ProtocolVersion::V5);
    expectGolden({0x50, 0x03, 0x00, 0x0A, 0x10}, PublishResponse{PacketType::Pubrec, 10, 0x10, {}},
                 ProtocolVersion::V5);
    expectGolden({0x62, 0x02, 0x00, 0x0A}, PublishResponse{PacketType::Pubrel, 10, 0, {}},
                 ProtocolVersion::V311);
    expectGolden({0xA2, 0x07, 0x00, 0x0A, 0x00, 0x03, 'a', '/', 'b'}, Unsubscribe{10, {"a/b"}, {}},
                 ProtocolVersion::V311);
    expectGolden({0xB0, 0x02, 0x00, 0x0A}, Unsuback{10, {}, {}}, ProtocolVersion::V311);
    expectGolden({0xB0, 0x04, 0x00, 0x0A, 0x00, 0x11}, Unsuback{10, {0x11}, {}},
                 ProtocolVersion::V5);
    expectGolden({0xC0, 0x00}, Pingreq{}, ProtocolVersion::V311);
    expectGolden({0xD0, 0x00}, Pingresp{}, ProtocolVersion::V5);
    expectGolden({0xF0, 0x00}, Auth{}, ProtocolVersion::V5);
}

TEST(MqttGoldenBytes, VariableByteIntegerExamples) {
    // The boundary table of MQTT 5 §1.5.5.
    const std::vector<std::pair<std::uint32_t, Bytes>> examples{
        {0, {0x00}},
        {127, {0x7F}},
        {128, {0x80, 0x01}},
        {16'383, {0xFF, 0x7F}},
        {16'384, {0x80, 0x80, 0x01}},
        {2'097'151, {0xFF, 0xFF, 0x7F}},
        {2'097'152, {0x80, 0x80, 0x80, 0x01}},
        {268'435'455, {0xFF, 0xFF, 0xFF, 0x7F}},
    };
    for (const auto& [value, expected] : examples) {
        Bytes out;
        appendVariableByteInteger(value, out);
        EXPECT_EQ(out, expected) << value;
        Bytes header{0x30};
        header.insert(header.end(), expected.begin(), expected.end());
        FrameHeader frameHeader;
        EXPECT_EQ(peekFrame(header, frameHeader),
                  value == 0 ? FrameStatus::Complete : FrameStatus::Incomplete);
        EXPECT_EQ(frameHeader.remainingLength, value);
        EXPECT_EQ(frameHeader.headerSize, 1 + expected.size());
    }
}

}  // namespace
}  // namespace sbx::mqtt::test
