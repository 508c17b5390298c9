#include "sbx/broker/amqp/reply_code.h"

namespace sbx::broker::amqp {

AmqpError AmqpError::make(ReplyCode code, std::string_view detail) {
    std::string text(replyName(code));
    text += " - ";
    text += detail;
    return AmqpError{code, std::move(text)};
}

sbx::Error AmqpError::toError() const {
    switch (code) {
        case ReplyCode::NotFound:
            return {ErrorCode::NotFound, text};
        case ReplyCode::AccessRefused:
        case ReplyCode::ResourceLocked:
            return {ErrorCode::PermissionDenied, text};
        case ReplyCode::PreconditionFailed:
        case ReplyCode::CommandInvalid:
            return {ErrorCode::InvalidArgument, text};
        case ReplyCode::NotImplemented:
            return {ErrorCode::Unsupported, text};
        default:
            return {ErrorCode::Internal, text};
    }
}

}  // namespace sbx::broker::amqp
