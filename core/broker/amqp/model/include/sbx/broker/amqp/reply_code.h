#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "sbx/amqp/constants.h"
#include "sbx/common/error.h"

namespace sbx::broker::amqp {

// The reply codes are the codec's (sbx/amqp/constants.h); these names keep the model's
// call sites short.
using ReplyCode = sbx::amqp::ReplyCode;

// The spec's constant name ("NOT_FOUND"), which RabbitMQ puts in front of every reply text.
[[nodiscard]] inline std::string_view replyName(ReplyCode code) {
    return sbx::amqp::replyCodeName(code);
}

// Hard errors close the connection; soft errors (311-313, 403-406) close only the channel.
[[nodiscard]] inline bool closesConnection(ReplyCode code) {
    return sbx::amqp::isConnectionError(code);
}

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
