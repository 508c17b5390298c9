#include "sbx/amqp/content_header.h"

#include <string>

#include "field_codec_internal.h"
#include "sbx/amqp/frame.h"

namespace sbx::amqp {

namespace {

// Flag bits of the basic properties, most significant first (§4.2.6.1): bit 15 is the
// first property; bit 0 says another flag word follows.
enum PropertyFlag : std::uint16_t {
    kContentType = 1u << 15,
    kContentEncoding = 1u << 14,
    kHeaders = 1u << 13,
    kDeliveryMode = 1u << 12,
    kPriority = 1u << 11,
    kCorrelationId = 1u << 10,
    kReplyTo = 1u << 9,
    kExpiration = 1u << 8,
    kMessageId = 1u << 7,
    kTimestamp = 1u << 6,
    kType = 1u << 5,
    kUserId = 1u << 4,
    kAppId = 1u << 3,
    kClusterId = 1u << 2,
    kUnusedFlag = 1u << 1,
    kContinuation = 1u << 0,
};

constexpr std::size_t kFixedHeaderSize = 12;  // class id, weight, body size

// Reads the present properties, in wire order, for flag word `flags`.
class PropertyReader {
public:
    PropertyReader(WireReader& reader, std::uint16_t flags) : reader_(reader), flags_(flags) {}

    void shortString(PropertyFlag flag, std::optional<std::string>& value) {
        if (present(flag)) {
            check(reader_.shortString(value.emplace()));
        }
    }
    void octet(PropertyFlag flag, std::optional<std::uint8_t>& value) {
        if (present(flag)) {
            check(reader_.octet(value.emplace()));
        }
    }
    void timestamp(std::optional<std::uint64_t>& value) {
        if (present(kTimestamp)) {
            check(reader_.longLongUint(value.emplace()));
        }
    }
    void table(std::optional<FieldTable>& value) {
        if (present(kHeaders)) {
            failure_ = readFieldTable(reader_, value.emplace(), 1);
        }
    }
    [[nodiscard]] Failure finish() { return std::move(failure_); }

private:
    [[nodiscard]] bool present(PropertyFlag flag) const {
        return !failure_ && (flags_ & flag) != 0;
    }
    void check(bool ok) {
        if (!ok) {
            failure_ = frameError("content header properties end early");
        }
    }

    WireReader& reader_;
    std::uint16_t flags_;
    Failure failure_;
};

Failure readProperties(WireReader& reader, std::uint16_t flags, BasicProperties& properties) {
    PropertyReader fields(reader, flags);
    fields.shortString(kContentType, properties.contentType);
    fields.shortString(kContentEncoding, properties.contentEncoding);
    fields.table(properties.headers);
    fields.octet(kDeliveryMode, properties.deliveryMode);
    fields.octet(kPriority, properties.priority);
    fields.shortString(kCorrelationId, properties.correlationId);
    fields.shortString(kReplyTo, properties.replyTo);
    fields.shortString(kExpiration, properties.expiration);
    fields.shortString(kMessageId, properties.messageId);
    fields.timestamp(properties.timestamp);
    fields.shortString(kType, properties.type);
    fields.shortString(kUserId, properties.userId);
    fields.shortString(kAppId, properties.appId);
    fields.shortString(kClusterId, properties.clusterId);
    return fields.finish();
}

// The first flag word, after checking the continuation words that may follow it: basic
// has 14 properties, so a later word may only be zero (apart from its own continuation).
Failure readPropertyFlags(WireReader& reader, std::uint16_t& flags) {
    if (!reader.shortUint(flags)) {
        return frameError("content header ends before its property flags");
    }
    if ((flags & kUnusedFlag) != 0) {
        return syntaxError("content header sets property flag bit 1, which basic does not have");
    }
    std::uint16_t word = flags;
    while ((word & kContinuation) != 0) {
        if (!reader.shortUint(word)) {
            return frameError("content header ends before a continued property flag word");
        }
        if ((word & ~std::uint16_t{kContinuation}) != 0) {
            return syntaxError("content header sets a property flag beyond basic's 14");
        }
    }
    return std::nullopt;
}

Failure readContentHeader(WireReader& reader, ContentHeader& header) {
    std::uint16_t weight = 0;
    if (!reader.shortUint(header.classId) || !reader.shortUint(weight) ||
        !reader.longLongUint(header.bodySize)) {
        return frameError("content header payload is shorter than " +
                          std::to_string(kFixedHeaderSize) + " bytes");
    }
    if (header.classId != kBasicClass) {
        return DecodeError{ReplyCode::UnexpectedFrame, "content header for class " +
                                                           std::to_string(header.classId) +
                                                           ", which has no content"};
    }
    if (weight != 0) {
        return syntaxError("content header weight is " + std::to_string(weight) + ", must be 0");
    }
    std::uint16_t flags = 0;
    if (auto failure = readPropertyFlags(reader, flags)) {
        return failure;
    }
    if (auto failure = readProperties(reader, flags, header.properties)) {
        return failure;
    }
    if (!reader.atEnd()) {
        return frameError(std::to_string(reader.remaining()) +
                          " bytes after the content header properties");
    }
    return std::nullopt;
}

template <class T>
std::uint16_t flagIf(const std::optional<T>& value, PropertyFlag flag) {
    return value ? flag : 0;
}

void writeProperties(const BasicProperties& properties, WireWriter& writer) {
    const auto shortString = [&writer](const std::optional<std::string>& value) {
        if (value) {
            writer.shortString(*value);
        }
    };
    const auto octet = [&writer](const std::optional<std::uint8_t>& value) {
        if (value) {
            writer.octet(*value);
        }
    };
    shortString(properties.contentType);
    shortString(properties.contentEncoding);
    if (properties.headers) {
        writeFieldTable(*properties.headers, writer);
    }
    octet(properties.deliveryMode);
    octet(properties.priority);
    shortString(properties.correlationId);
    shortString(properties.replyTo);
    shortString(properties.expiration);
    shortString(properties.messageId);
    if (properties.timestamp) {
        writer.longLongUint(*properties.timestamp);
    }
    shortString(properties.type);
    shortString(properties.userId);
    shortString(properties.appId);
    shortString(properties.clusterId);
}

}  // namespace

std::uint16_t propertyFlags(const BasicProperties& p) {
    return static_cast<std::uint16_t>(
        flagIf(p.contentType, kContentType) | flagIf(p.contentEncoding, kContentEncoding) |
        flagIf(p.headers, kHeaders) | flagIf(p.deliveryMode, kDeliveryMode) |
        flagIf(p.priority, kPriority) | flagIf(p.correlationId, kCorrelationId) |
        flagIf(p.replyTo, kReplyTo) | flagIf(p.expiration, kExpiration) |
        flagIf(p.messageId, kMessageId) | flagIf(p.timestamp, kTimestamp) | flagIf(p.type, kType) |
        flagIf(p.userId, kUserId) | flagIf(p.appId, kAppId) | flagIf(p.clusterId, kClusterId));
}

ContentHeaderDecodeResult decodeContentHeader(std::span<const std::uint8_t> payload) {
    WireReader reader(payload);
    ContentHeader header;
    if (auto failure = readContentHeader(reader, header)) {
        return std::move(*failure);
    }
    return header;
}

void encodeContentHeaderFrame(std::uint16_t channel, std::uint64_t bodySize,
                              const BasicProperties& properties, std::vector<std::uint8_t>& out) {
    const auto payloadStart = beginFrame(FrameType::Header, channel, out);
    WireWriter writer(out);
    writer.shortUint(kBasicClass);
    writer.shortUint(0);  // weight
    writer.longLongUint(bodySize);
    writer.shortUint(propertyFlags(properties));
    writeProperties(properties, writer);
    finishFrame(payloadStart, out);
}

}  // namespace sbx::amqp
