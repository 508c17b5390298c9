#include "codec_test_support.h"

namespace sbx::amqp::test {
namespace {

struct CodeCase {
    std::uint16_t wire;
    ReplyCode code;
    std::string_view name;
    bool connection;
};

// AMQP 0-9-1 §1.2: soft-error codes close the channel, hard-error codes the connection.
const CodeCase kCodes[] = {
    {200, ReplyCode::ReplySuccess, "REPLY_SUCCESS", false},
    {311, ReplyCode::ContentTooLarge, "CONTENT_TOO_LARGE", false},
    {312, ReplyCode::NoRoute, "NO_ROUTE", false},
    {313, ReplyCode::NoConsumers, "NO_CONSUMERS", false},
    {320, ReplyCode::ConnectionForced, "CONNECTION_FORCED", true},
    {402, ReplyCode::InvalidPath, "INVALID_PATH", true},
    {403, ReplyCode::AccessRefused, "ACCESS_REFUSED", false},
    {404, ReplyCode::NotFound, "NOT_FOUND", false},
    {405, ReplyCode::ResourceLocked, "RESOURCE_LOCKED", false},
    {406, ReplyCode::PreconditionFailed, "PRECONDITION_FAILED", false},
    {501, ReplyCode::FrameError, "FRAME_ERROR", true},
    {502, ReplyCode::SyntaxError, "SYNTAX_ERROR", true},
    {503, ReplyCode::CommandInvalid, "COMMAND_INVALID", true},
    {504, ReplyCode::ChannelError, "CHANNEL_ERROR", true},
    {505, ReplyCode::UnexpectedFrame, "UNEXPECTED_FRAME", true},
    {506, ReplyCode::ResourceError, "RESOURCE_ERROR", true},
    {530, ReplyCode::NotAllowed, "NOT_ALLOWED", true},
    {540, ReplyCode::NotImplemented, "NOT_IMPLEMENTED", true},
    {541, ReplyCode::InternalError, "INTERNAL_ERROR", true},
};

TEST(AmqpReplyCode, ValuesNamesAndKinds) {
    for (const auto& each : kCodes) {
        SCOPED_TRACE(each.wire);
        EXPECT_EQ(toWire(each.code), each.wire);
        EXPECT_EQ(replyCodeName(each.code), each.name);
        EXPECT_EQ(isConnectionError(each.code), each.connection);
        EXPECT_EQ(isChannelError(each.code), !each.connection && each.wire != 200);
    }
}

TEST(AmqpReplyCode, UnknownCodeIsNeitherKind) {
    const auto unknown = static_cast<ReplyCode>(999);
    EXPECT_EQ(replyCodeName(unknown), "UNKNOWN");
    EXPECT_FALSE(isConnectionError(unknown));
    EXPECT_FALSE(isChannelError(unknown));
}

}  // namespace
}  // namespace sbx::amqp::test
