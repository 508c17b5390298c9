#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sbx/common/error.h"

namespace sbx::broker::amqp {

// AMQP 0-9-1 reply codes (spec §1.2 "constants"), the numbers a channel.close /
// connection.close / basic.return carries.
enum class ReplyCode : std::uint16_t {
    ReplySuccess = 200,
    ContentTooLarge = 311,
    NoRoute = 312,
    NoConsumers = 313,
    ConnectionForced = 320,
    InvalidPath = 402,
    AccessRefused = 403,
    NotFound = 404,
    ResourceLocked = 405,
    PreconditionFailed = 406,
    FrameError = 501,
    SyntaxError = 502,
    CommandInvalid = 503,
    ChannelError = 504,
    UnexpectedFrame = 505,
    ResourceError = 506,
    NotAllowed = 530,
    NotImplemented = 540,
    InternalError = 541,
};

// The spec's constant name ("NOT_FOUND"), which RabbitMQ puts in front of every reply text.
[[nodiscard]] std::string_view replyName(ReplyCode code);

// Hard errors close the connection; soft errors (311-313, 403-406) close only the channel.
[[nodiscard]] bool closesConnection(ReplyCode code);

// What a refused operation tells the client: the reply code and the reply text exactly
// as RabbitMQ writes it ("NOT_FOUND - no queue 'q1' in vhost '/'").
struct AmqpError {
    ReplyCode code = ReplyCode::InternalError;
    std::string text;

    // `detail` is the part after "NAME - ".
    [[nodiscard]] static AmqpError make(ReplyCode code, std::string_view detail);
    // For callers outside the AMQP layer (the studio, the CLI), as the house error type.
    [[nodiscard]] sbx::Error toError() const;
    bool operator==(const AmqpError&) const = default;
};

}  // namespace sbx::broker::amqp
