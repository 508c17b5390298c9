#include "sbx/broker/amqp/stream_offset.h"

#include <chrono>
#include <variant>

#include "erlang_text.h"
#include "sbx/broker/amqp/queue_arguments.h"

namespace sbx::broker::amqp {

namespace {

OffsetSpec of(OffsetSpec::Kind kind) {
    OffsetSpec spec;
    spec.kind = kind;
    return spec;
}

AmqpError invalidOffset(const FieldValue& argument) {
    return AmqpError::make(ReplyCode::PreconditionFailed,
                           "invalid arg 'x-stream-offset': {invalid_offset_arg,{" +
                               std::string(erlang::typeName(argument)) + "," +
                               erlang::plainValue(argument) + "}}");
}

}  // namespace

AmqpResult<OffsetSpec> parseOffsetSpec(const FieldValue* argument, TimePoint now) {
    if (argument == nullptr) {
        return of(OffsetSpec::Kind::Next);
    }
    if (erlang::isInteger(*argument)) {
        OffsetSpec spec = of(OffsetSpec::Kind::Offset);
        spec.offset = erlang::integerOf(*argument);
        return spec;
    }
    if (const auto* stamp = std::get_if<sbx::amqp::Timestamp>(&argument->value)) {
        OffsetSpec spec = of(OffsetSpec::Kind::Timestamp);
        spec.timestamp = TimePoint(std::chrono::seconds(stamp->seconds));
        return spec;
    }
    const std::string* text = argument->asString();
    if (text == nullptr) {
        return invalidOffset(*argument);
    }
    if (*text == "first") {
        return of(OffsetSpec::Kind::First);
    }
    if (*text == "last") {
        return of(OffsetSpec::Kind::Last);
    }
    if (*text == "next") {
        return of(OffsetSpec::Kind::Next);
    }
    if (auto ago = parseMaxAgeMs(*text)) {
        OffsetSpec spec = of(OffsetSpec::Kind::Timestamp);
        spec.timestamp = now - Milliseconds(*ago);
        return spec;
    }
    return invalidOffset(*argument);
}

}  // namespace sbx::broker::amqp
