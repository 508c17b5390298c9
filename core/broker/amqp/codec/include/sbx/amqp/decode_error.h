#pragma once

#include <string>

#include "sbx/amqp/constants.h"

namespace sbx::amqp {

// Why bytes were refused: the reply code the broker closes with (FRAME_ERROR for bytes
// that cannot be parsed, SYNTAX_ERROR for values the format does not allow,
// NOT_IMPLEMENTED for methods it does not know, ...) and, for the log and reply-text,
// what exactly was wrong.
struct DecodeError {
    ReplyCode replyCode = ReplyCode::FrameError;
    std::string text;
    bool operator==(const DecodeError&) const = default;
};

}  // namespace sbx::amqp
