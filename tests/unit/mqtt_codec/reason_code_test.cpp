#include "codec_test_support.h"

namespace sbx::mqtt::test {
namespace {

TEST(MqttReasonCode, DescribesByValue) {
    EXPECT_EQ(describe(ReasonCode::Success), "Success");
    EXPECT_EQ(describe(ReasonCode::NormalDisconnection), "Success");
    EXPECT_EQ(describe(ReasonCode::MalformedPacket), "Malformed Packet");
    EXPECT_EQ(describe(ReasonCode::WildcardSubscriptionsNotSupported),
              "Wildcard Subscriptions not supported");
    EXPECT_EQ(describe(static_cast<ReasonCode>(0x03)), "Unknown reason code");
}

TEST(MqttReasonCode, ErrorsStartAt0x80) {
    EXPECT_FALSE(isError(ReasonCode::GrantedQoS2));
    EXPECT_FALSE(isError(ReasonCode::ReAuthenticate));
    EXPECT_TRUE(isError(ReasonCode::UnspecifiedError));
}

TEST(MqttReasonCode, MapsRefusalsFor311Clients) {
    EXPECT_EQ(toConnectReturnCode311(ReasonCode::Success), ConnectReturnCode311::Accepted);
    EXPECT_EQ(toConnectReturnCode311(ReasonCode::UnsupportedProtocolVersion),
              ConnectReturnCode311::UnacceptableProtocolVersion);
    EXPECT_EQ(toConnectReturnCode311(ReasonCode::ClientIdentifierNotValid),
              ConnectReturnCode311::IdentifierRejected);
    EXPECT_EQ(toConnectReturnCode311(ReasonCode::BadUserNameOrPassword),
              ConnectReturnCode311::BadUserNameOrPassword);
    EXPECT_EQ(toConnectReturnCode311(ReasonCode::Banned), ConnectReturnCode311::NotAuthorized);
    EXPECT_EQ(toConnectReturnCode311(ReasonCode::ServerBusy),
              ConnectReturnCode311::ServerUnavailable);
    EXPECT_EQ(toConnectReturnCode311(ReasonCode::MalformedPacket),
              ConnectReturnCode311::ServerUnavailable);
}

}  // namespace
}  // namespace sbx::mqtt::test
