#include "sbx/amqp/protocol_header.h"

#include "codec_test_support.h"

namespace sbx::amqp::test {
namespace {

ProtocolHeaderStatus check(const Bytes& bytes) {
    return checkProtocolHeader(bytes);
}

TEST(AmqpProtocolHeader, Amqp091IsRecognised) {
    EXPECT_EQ(check({'A', 'M', 'Q', 'P', 0, 0, 9, 1}), ProtocolHeaderStatus::Amqp091);
    // Frames may follow in the same read.
    EXPECT_EQ(check({'A', 'M', 'Q', 'P', 0, 0, 9, 1, 1, 0}), ProtocolHeaderStatus::Amqp091);
    Bytes out;
    appendProtocolHeader(out);
    EXPECT_EQ(check(out), ProtocolHeaderStatus::Amqp091);
}

TEST(AmqpProtocolHeader, EveryPrefixIsIncomplete) {
    for (std::size_t size = 0; size < kProtocolHeader.size(); ++size) {
        EXPECT_EQ(check(Bytes(kProtocolHeader.begin(), kProtocolHeader.begin() + size)),
                  ProtocolHeaderStatus::Incomplete)
            << size;
    }
}

TEST(AmqpProtocolHeader, OtherVersionsGetTheHeaderInReply) {
    EXPECT_EQ(check({'A', 'M', 'Q', 'P', 1, 1, 0, 9}), ProtocolHeaderStatus::OtherAmqpVersion);
    EXPECT_EQ(check({'A', 'M', 'Q', 'P', 1, 1, 8, 0}), ProtocolHeaderStatus::OtherAmqpVersion);
    EXPECT_EQ(check({'A', 'M', 'Q', 'P', 0, 1, 0, 0}), ProtocolHeaderStatus::OtherAmqpVersion);
    EXPECT_EQ(check({'A', 'M', 'Q', 'P', 3, 1, 0, 0}), ProtocolHeaderStatus::OtherAmqpVersion);
}

TEST(AmqpProtocolHeader, AnythingElseIsNotAmqpAsSoonAsItDiffers) {
    EXPECT_EQ(check({'G'}), ProtocolHeaderStatus::NotAmqp);
    EXPECT_EQ(check({'A', 'M', 'Q', 'X'}), ProtocolHeaderStatus::NotAmqp);
    EXPECT_EQ(check({'H', 'T', 'T', 'P', '/', '1', '.', '1'}), ProtocolHeaderStatus::NotAmqp);
    EXPECT_EQ(check({0x10, 0x1E}), ProtocolHeaderStatus::NotAmqp);  // an MQTT CONNECT
    EXPECT_EQ(check({'a', 'm', 'q', 'p', 0, 0, 9, 1}), ProtocolHeaderStatus::NotAmqp);
}

}  // namespace
}  // namespace sbx::amqp::test
