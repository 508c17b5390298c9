#include "properties_codec.h"

#include <array>
#include <string>

#include "byte_writer.h"

namespace sbx::mqtt {

namespace {

constexpr std::uint16_t bit(PropertyScope scope) {
    return static_cast<std::uint16_t>(1u << static_cast<unsigned>(scope));
}

using Scope = PropertyScope;

constexpr std::uint16_t kMessageScopes = bit(Scope::Publish) | bit(Scope::Will);
constexpr std::uint16_t kAllScopes = 0x3FFF;
constexpr std::uint16_t kReasonStringScopes =
    bit(Scope::Connack) | bit(Scope::Puback) | bit(Scope::Pubrec) | bit(Scope::Pubrel) |
    bit(Scope::Pubcomp) | bit(Scope::Suback) | bit(Scope::Unsuback) | bit(Scope::Disconnect) |
    bit(Scope::Auth);

struct PropertyRule {
    std::string_view name;  // empty: no property has this id
    std::uint16_t scopes = 0;
};

constexpr std::size_t kPropertyIdLimit = 0x2B;

// Which packet may carry which property: the table in MQTT 5 §2.2.2.2.
constexpr std::array<PropertyRule, kPropertyIdLimit> makeRules() {
    std::array<PropertyRule, kPropertyIdLimit> rules{};
    auto set = [&rules](PropertyId id, std::string_view name, std::uint16_t scopes) {
        rules[static_cast<std::size_t>(id)] = {name, scopes};
    };
    set(PropertyId::PayloadFormatIndicator, "Payload Format Indicator", kMessageScopes);
    set(PropertyId::MessageExpiryInterval, "Message Expiry Interval", kMessageScopes);
    set(PropertyId::ContentType, "Content Type", kMessageScopes);
    set(PropertyId::ResponseTopic, "Response Topic", kMessageScopes);
    set(PropertyId::CorrelationData, "Correlation Data", kMessageScopes);
    set(PropertyId::SubscriptionIdentifier, "Subscription Identifier",
        bit(Scope::Publish) | bit(Scope::Subscribe));
    set(PropertyId::SessionExpiryInterval, "Session Expiry Interval",
        bit(Scope::Connect) | bit(Scope::Connack) | bit(Scope::Disconnect));
    set(PropertyId::AssignedClientIdentifier, "Assigned Client Identifier", bit(Scope::Connack));
    set(PropertyId::ServerKeepAlive, "Server Keep Alive", bit(Scope::Connack));
    set(PropertyId::AuthenticationMethod, "Authentication Method",
        bit(Scope::Connect) | bit(Scope::Connack) | bit(Scope::Auth));
    set(PropertyId::AuthenticationData, "Authentication Data",
        bit(Scope::Connect) | bit(Scope::Connack) | bit(Scope::Auth));
    set(PropertyId::RequestProblemInformation, "Request Problem Information", bit(Scope::Connect));
    set(PropertyId::WillDelayInterval, "Will Delay Interval", bit(Scope::Will));
    set(PropertyId::RequestResponseInformation, "Request Response Information",
        bit(Scope::Connect));
    set(PropertyId::ResponseInformation, "Response Information", bit(Scope::Connack));
    set(PropertyId::ServerReference, "Server Reference",
        bit(Scope::Connack) | bit(Scope::Disconnect));
    set(PropertyId::ReasonString, "Reason String", kReasonStringScopes);
    set(PropertyId::ReceiveMaximum, "Receive Maximum", bit(Scope::Connect) | bit(Scope::Connack));
    set(PropertyId::TopicAliasMaximum, "Topic Alias Maximum",
        bit(Scope::Connect) | bit(Scope::Connack));
    set(PropertyId::TopicAlias, "Topic Alias", bit(Scope::Publish));
    set(PropertyId::MaximumQoS, "Maximum QoS", bit(Scope::Connack));
    set(PropertyId::RetainAvailable, "Retain Available", bit(Scope::Connack));
    set(PropertyId::UserProperty, "User Property", kAllScopes);
    set(PropertyId::MaximumPacketSize, "Maximum Packet Size",
        bit(Scope::Connect) | bit(Scope::Connack));
    set(PropertyId::WildcardSubscriptionAvailable, "Wildcard Subscription Available",
        bit(Scope::Connack));
    set(PropertyId::SubscriptionIdentifierAvailable, "Subscription Identifier Available",
        bit(Scope::Connack));
    set(PropertyId::SharedSubscriptionAvailable, "Shared Subscription Available",
        bit(Scope::Connack));
    return rules;
}

constexpr auto kRules = makeRules();

bool mayRepeat(PropertyId id, PropertyScope scope) {
    return id == PropertyId::UserProperty ||
           (id == PropertyId::SubscriptionIdentifier && scope == Scope::Publish);
}

// --- reading one value -------------------------------------------------------------

Failure readFlag(ByteReader& reader, std::optional<std::uint8_t>& slot, std::string_view name) {
    std::uint8_t value = 0;
    if (auto failure = readByteField(reader, value, name)) {
        return failure;
    }
    if (value > 1) {
        return protocolError(std::string(name) + " must be 0 or 1, not " + std::to_string(value));
    }
    slot = value;
    return std::nullopt;
}

Failure readTwo(ByteReader& reader, std::optional<std::uint16_t>& slot, std::string_view name) {
    std::uint16_t value = 0;
    if (auto failure = readTwoByteField(reader, value, name)) {
        return failure;
    }
    slot = value;
    return std::nullopt;
}

Failure readNonZeroTwo(ByteReader& reader, std::optional<std::uint16_t>& slot,
                       std::string_view name, ReasonCode reasonWhenZero) {
    if (auto failure = readTwo(reader, slot, name)) {
        return failure;
    }
    if (*slot == 0) {
        return DecodeError{reasonWhenZero, std::string(name) + " must not be 0"};
    }
    return std::nullopt;
}

Failure readFour(ByteReader& reader, std::optional<std::uint32_t>& slot, std::string_view name) {
    std::uint32_t value = 0;
    if (auto failure = readFourByteField(reader, value, name)) {
        return failure;
    }
    slot = value;
    return std::nullopt;
}

Failure readText(ByteReader& reader, std::optional<std::string>& slot, std::string_view name) {
    std::string value;
    if (auto failure = readUtf8StringField(reader, value, name)) {
        return failure;
    }
    slot = std::move(value);
    return std::nullopt;
}

Failure readBinary(ByteReader& reader, std::optional<std::string>& slot, std::string_view name) {
    std::string value;
    if (auto failure = readBinaryField(reader, value, name)) {
        return failure;
    }
    slot = std::move(value);
    return std::nullopt;
}

Failure readSubscriptionIdentifier(ByteReader& reader, Properties& properties,
                                   std::string_view name) {
    std::uint32_t value = 0;
    if (auto failure = readVariableByteIntegerField(reader, value, name)) {
        return failure;
    }
    if (value == 0) {
        return protocolError(std::string(name) + " must not be 0");
    }
    properties.subscriptionIdentifiers.push_back(value);
    return std::nullopt;
}

Failure readUserProperty(ByteReader& reader, Properties& properties, std::string_view name) {
    std::pair<std::string, std::string> entry;
    if (auto failure = readUtf8StringField(reader, entry.first, name)) {
        return failure;
    }
    if (auto failure = readUtf8StringField(reader, entry.second, name)) {
        return failure;
    }
    properties.userProperties.push_back(std::move(entry));
    return std::nullopt;
}

Failure readValue(ByteReader& reader, PropertyId id, std::string_view name, Properties& p) {
    switch (id) {
        case PropertyId::PayloadFormatIndicator:
            return readFlag(reader, p.payloadFormatIndicator, name);
        case PropertyId::MessageExpiryInterval:
            return readFour(reader, p.messageExpiryInterval, name);
        case PropertyId::ContentType:
            return readText(reader, p.contentType, name);
        case PropertyId::ResponseTopic:
            return readText(reader, p.responseTopic, name);
        case PropertyId::CorrelationData:
            return readBinary(reader, p.correlationData, name);
        case PropertyId::SubscriptionIdentifier:
            return readSubscriptionIdentifier(reader, p, name);
        case PropertyId::SessionExpiryInterval:
            return readFour(reader, p.sessionExpiryInterval, name);
        case PropertyId::AssignedClientIdentifier:
            return readText(reader, p.assignedClientIdentifier, name);
        case PropertyId::ServerKeepAlive:
            return readTwo(reader, p.serverKeepAlive, name);
        case PropertyId::AuthenticationMethod:
            return readText(reader, p.authenticationMethod, name);
        case PropertyId::AuthenticationData:
            return readBinary(reader, p.authenticationData, name);
        case PropertyId::RequestProblemInformation:
            return readFlag(reader, p.requestProblemInformation, name);
        case PropertyId::WillDelayInterval:
            return readFour(reader, p.willDelayInterval, name);
        case PropertyId::RequestResponseInformation:
            return readFlag(reader, p.requestResponseInformation, name);
        case PropertyId::ResponseInformation:
            return readText(reader, p.responseInformation, name);
        case PropertyId::ServerReference:
            return readText(reader, p.serverReference, name);
        case PropertyId::ReasonString:
            return readText(reader, p.reasonString, name);
        case PropertyId::ReceiveMaximum:
            return readNonZeroTwo(reader, p.receiveMaximum, name, ReasonCode::ProtocolError);
        case PropertyId::TopicAliasMaximum:
            return readTwo(reader, p.topicAliasMaximum, name);
        case PropertyId::TopicAlias:
            return readNonZeroTwo(reader, p.topicAlias, name, ReasonCode::TopicAliasInvalid);
        case PropertyId::MaximumQoS:
            return readFlag(reader, p.maximumQoS, name);
        case PropertyId::RetainAvailable:
            return readFlag(reader, p.retainAvailable, name);
        case PropertyId::UserProperty:
            return readUserProperty(reader, p, name);
        case PropertyId::MaximumPacketSize:
            if (auto failure = readFour(reader, p.maximumPacketSize, name)) {
                return failure;
            }
            if (*p.maximumPacketSize == 0) {
                return protocolError(std::string(name) + " must not be 0");
            }
            return std::nullopt;
        case PropertyId::WildcardSubscriptionAvailable:
            return readFlag(reader, p.wildcardSubscriptionAvailable, name);
        case PropertyId::SubscriptionIdentifierAvailable:
            return readFlag(reader, p.subscriptionIdentifierAvailable, name);
        case PropertyId::SharedSubscriptionAvailable:
            return readFlag(reader, p.sharedSubscriptionAvailable, name);
    }
    return malformed(std::string("unknown property id"));  // unreachable: ids come from kRules
}

// Reads one property id and checks it against the table and what was already seen.
Failure readPropertyId(ByteReader& block, PropertyScope scope, std::uint64_t& seen,
                       PropertyId& id) {
    std::uint8_t raw = 0;
    if (!block.readByte(raw)) {
        return malformed("property block ends inside a property");
    }
    // An id is a variable byte integer; every defined id fits in one byte, so a byte
    // with the continuation bit set can only start an unknown id.
    if (raw >= kPropertyIdLimit || kRules[raw].name.empty()) {
        return malformed("unknown property id " + hexByte(raw));
    }
    const auto& rule = kRules[raw];
    if ((rule.scopes & bit(scope)) == 0) {
        return malformed(std::string(rule.name) + " is not allowed in " +
                         std::string(scopeName(scope)));
    }
    id = static_cast<PropertyId>(raw);
    const std::uint64_t mask = std::uint64_t{1} << raw;
    if ((seen & mask) != 0 && !mayRepeat(id, scope)) {
        return protocolError(std::string(rule.name) + " appears more than once in " +
                             std::string(scopeName(scope)));
    }
    seen |= mask;
    return std::nullopt;
}

// --- writing ------------------------------------------------------------------------

template <class Sink>
void put(Sink& sink, PropertyId id, const std::optional<std::uint8_t>& value) {
    if (value) {
        sink.byte(static_cast<std::uint8_t>(id));
        sink.byte(*value);
    }
}

template <class Sink>
void put(Sink& sink, PropertyId id, const std::optional<std::uint16_t>& value) {
    if (value) {
        sink.byte(static_cast<std::uint8_t>(id));
        sink.twoByteInteger(*value);
    }
}

template <class Sink>
void put(Sink& sink, PropertyId id, const std::optional<std::uint32_t>& value) {
    if (value) {
        sink.byte(static_cast<std::uint8_t>(id));
        sink.fourByteInteger(*value);
    }
}

template <class Sink>
void put(Sink& sink, PropertyId id, const std::optional<std::string>& value) {
    if (value) {
        sink.byte(static_cast<std::uint8_t>(id));
        sink.lengthPrefixed(*value);
    }
}

template <class Sink>
void writeContents(const Properties& p, Sink& sink) {
    put(sink, PropertyId::PayloadFormatIndicator, p.payloadFormatIndicator);
    put(sink, PropertyId::MessageExpiryInterval, p.messageExpiryInterval);
    put(sink, PropertyId::ContentType, p.contentType);
    put(sink, PropertyId::ResponseTopic, p.responseTopic);
    put(sink, PropertyId::CorrelationData, p.correlationData);
    for (const auto identifier : p.subscriptionIdentifiers) {
        sink.byte(static_cast<std::uint8_t>(PropertyId::SubscriptionIdentifier));
        sink.variableByteInteger(identifier);
    }
    put(sink, PropertyId::SessionExpiryInterval, p.sessionExpiryInterval);
    put(sink, PropertyId::AssignedClientIdentifier, p.assignedClientIdentifier);
    put(sink, PropertyId::ServerKeepAlive, p.serverKeepAlive);
    put(sink, PropertyId::AuthenticationMethod, p.authenticationMethod);
    put(sink, PropertyId::AuthenticationData, p.authenticationData);
    put(sink, PropertyId::RequestProblemInformation, p.requestProblemInformation);
    put(sink, PropertyId::WillDelayInterval, p.willDelayInterval);
    put(sink, PropertyId::RequestResponseInformation, p.requestResponseInformation);
    put(sink, PropertyId::ResponseInformation, p.responseInformation);
    put(sink, PropertyId::ServerReference, p.serverReference);
    put(sink, PropertyId::ReasonString, p.reasonString);
    put(sink, PropertyId::ReceiveMaximum, p.receiveMaximum);
    put(sink, PropertyId::TopicAliasMaximum, p.topicAliasMaximum);
    put(sink, PropertyId::TopicAlias, p.topicAlias);
    put(sink, PropertyId::MaximumQoS, p.maximumQoS);
    put(sink, PropertyId::RetainAvailable, p.retainAvailable);
    for (const auto& [key, value] : p.userProperties) {
        sink.byte(static_cast<std::uint8_t>(PropertyId::UserProperty));
        sink.lengthPrefixed(key);
        sink.lengthPrefixed(value);
    }
    put(sink, PropertyId::MaximumPacketSize, p.maximumPacketSize);
    put(sink, PropertyId::WildcardSubscriptionAvailable, p.wildcardSubscriptionAvailable);
    put(sink, PropertyId::SubscriptionIdentifierAvailable, p.subscriptionIdentifierAvailable);
    put(sink, PropertyId::SharedSubscriptionAvailable, p.sharedSubscriptionAvailable);
}

}  // namespace

std::string_view scopeName(PropertyScope scope) {
    switch (scope) {
        case Scope::Connect:
            return "CONNECT";
        case Scope::Will:
            return "CONNECT will properties";
        case Scope::Connack:
            return "CONNACK";
        case Scope::Publish:
            return "PUBLISH";
        case Scope::Puback:
            return "PUBACK";
        case Scope::Pubrec:
            return "PUBREC";
        case Scope::Pubrel:
            return "PUBREL";
        case Scope::Pubcomp:
            return "PUBCOMP";
        case Scope::Subscribe:
            return "SUBSCRIBE";
        case Scope::Suback:
            return "SUBACK";
        case Scope::Unsubscribe:
            return "UNSUBSCRIBE";
        case Scope::Unsuback:
            return "UNSUBACK";
        case Scope::Disconnect:
            return "DISCONNECT";
        case Scope::Auth:
            return "AUTH";
    }
    return "packet";
}

Failure decodeProperties(ByteReader& reader, PropertyScope scope, Properties& properties) {
    std::uint32_t length = 0;
    if (auto failure = readVariableByteIntegerField(reader, length, "property length")) {
        failure->message.insert(0, std::string(scopeName(scope)) + " ");
        return failure;
    }
    std::span<const std::uint8_t> bytes;
    if (!reader.readBytes(length, bytes)) {
        return malformed(std::string(scopeName(scope)) + ": property length " +
                         std::to_string(length) + " exceeds the " +
                         std::to_string(reader.remaining()) + " bytes left in the packet");
    }
    ByteReader block(bytes);
    std::uint64_t seen = 0;
    while (!block.atEnd()) {
        PropertyId id{};
        Failure failure = readPropertyId(block, scope, seen, id);
        if (!failure) {
            failure = readValue(block, id, kRules[static_cast<std::size_t>(id)].name, properties);
        }
        if (failure) {
            failure->message.insert(0, std::string(scopeName(scope)) + " properties: ");
            return failure;
        }
    }
    return std::nullopt;
}

std::size_t propertiesContentSize(const Properties& properties) {
    SizeCounter counter;
    writeContents(properties, counter);
    return counter.size();
}

template <class Sink>
void writeProperties(const Properties& properties, Sink& sink) {
    sink.variableByteInteger(static_cast<std::uint32_t>(propertiesContentSize(properties)));
    writeContents(properties, sink);
}

template void writeProperties<ByteWriter>(const Properties&, ByteWriter&);
template void writeProperties<SizeCounter>(const Properties&, SizeCounter&);

}  // namespace sbx::mqtt
