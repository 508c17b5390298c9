#include "sbx/broker/amqp/reply_code.h"

namespace sbx::broker::amqp {

std::string_view replyName(ReplyCode code) {
    switch (code) {
        case ReplyCode::ReplySuccess:
            return "REPLY_SUCCESS";
        case ReplyCode::ContentTooLarge:
            return "CONTENT_TOO_LARGE";
        case ReplyCode::NoRoute:
            return "NO_ROUTE";
        case ReplyCode::NoConsumers:
            return "NO_CONSUMERS";
        case ReplyCode::ConnectionForced:
            return "CONNECTION_FORCED";
        case ReplyCode::InvalidPath:
            return "INVALID_PATH";
        case ReplyCode::AccessRefused:
            return "ACCESS_REFUSED";
        case ReplyCode::NotFound:
            return "NOT_FOUND";
        case ReplyCode::ResourceLocked:
            return "RESOURCE_LOCKED";
        case ReplyCode::PreconditionFailed:
            return "PRECONDITION_FAILED";
        case ReplyCode::FrameError:
            return "FRAME_ERROR";
        case ReplyCode::SyntaxError:
            return "SYNTAX_ERROR";
        case ReplyCode::CommandInvalid:
            return "COMMAND_INVALID";
        case ReplyCode::ChannelError:
            return "CHANNEL_ERROR";
        case ReplyCode::UnexpectedFrame:
            return "UNEXPECTED_FRAME";
        case ReplyCode::ResourceError:
            return "RESOURCE_ERROR";
        case ReplyCode::NotAllowed:
            return "NOT_ALLOWED";
        case ReplyCode::NotImplemented:
            return "NOT_IMPLEMENTED";
        case ReplyCode::InternalError:
            return "INTERNAL_ERROR";
    }
    return "INTERNAL_ERROR";
}

bool closesConnection(ReplyCode code) {
    switch (code) {
        case ReplyCode::ReplySuccess:
        case ReplyCode::ContentTooLarge:
        case ReplyCode::NoRoute:
        case ReplyCode::NoConsumers:
        case ReplyCode::AccessRefused:
        case ReplyCode::NotFound:
        case ReplyCode::ResourceLocked:
        case ReplyCode::PreconditionFailed:
            return false;
        default:
            return true;
    }
}

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
