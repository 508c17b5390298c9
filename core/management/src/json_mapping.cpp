#include "sbx/management/json_mapping.h"

#include <array>
#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "base64.h"

namespace sbx::management {

namespace {

using Clock = std::chrono::system_clock;

// Reads `key` into `into` when present and not null; absent keys keep the default, so
// clients send only what they mean.
template <typename T>
void read(const Json& json, const char* key, T& into) {
    const auto found = json.find(key);
    if (found == json.end() || found->is_null()) {
        return;
    }
    try {
        into = found->get<T>();
    } catch (const std::exception& e) {
        throw std::invalid_argument(std::string(key) + ": " + e.what());
    }
}

void readTime(const Json& json, const char* key, Clock::time_point& into) {
    const auto found = json.find(key);
    if (found == json.end() || found->is_null()) {
        return;
    }
    if (found->is_number_integer()) {
        into = Clock::time_point(std::chrono::milliseconds(found->get<std::int64_t>()));
        return;
    }
    if (!found->is_string()) {
        throw std::invalid_argument(std::string(key) + ": expected an ISO 8601 time");
    }
    auto parsed = parseTime(found->get<std::string>());
    if (!parsed) {
        throw std::invalid_argument(std::string(key) + ": " + parsed.error().message);
    }
    into = *parsed;
}

Json timeJson(Clock::time_point time) {
    if (time == Clock::time_point{}) {
        return nullptr;
    }
    return formatTime(time);
}

// Bytes as text when they are UTF-8, else base64; `<key>Encoding` says which.
void writeBytes(Json& json, const char* key, const std::string& bytes) {
    const bool text = isValidUtf8(bytes);
    json[key] = text ? bytes : encodeBase64(bytes);
    json[std::string(key) + "Encoding"] = text ? "utf8" : "base64";
}

void readBytes(const Json& json, const char* key, std::string& into) {
    read(json, key, into);
    std::string encoding = "utf8";
    read(json, (std::string(key) + "Encoding").c_str(), encoding);
    if (encoding == "base64") {
        auto decoded = decodeBase64(into);
        if (!decoded) {
            throw std::invalid_argument(std::string(key) + ": not valid base64");
        }
        into = std::move(*decoded);
    } else if (encoding != "utf8") {
        throw std::invalid_argument(std::string(key) + "Encoding: '" + encoding +
                                    "' is not one of utf8, base64");
    }
}

template <typename Enum, std::size_t N>
Enum enumFromName(const Json& json, const std::array<Enum, N>& all, const char* what) {
    if (!json.is_string()) {
        throw std::invalid_argument(std::string(what) + " must be a string");
    }
    const auto name = json.get<std::string>();
    std::string names;
    for (auto value : all) {
        if (toString(value) == name) {
            return value;
        }
        names += (names.empty() ? "" : ", ") + std::string(toString(value));
    }
    throw std::invalid_argument("'" + name + "' is not one of " + names);
}

constexpr std::array kDestinationKinds{
    observe::DestinationKind::Exchange, observe::DestinationKind::Queue,
    observe::DestinationKind::Stream, observe::DestinationKind::Topic};

constexpr std::array kHopKinds{observe::HopKind::Published,    observe::HopKind::Routed,
                               observe::HopKind::Delivered,    observe::HopKind::Acked,
                               observe::HopKind::Dropped,      observe::HopKind::Expired,
                               observe::HopKind::Nacked,       observe::HopKind::Requeued,
                               observe::HopKind::DeadLettered, observe::HopKind::Returned};

constexpr std::array<std::pair<observe::Capability, std::string_view>, 13> kCapabilityNames{{
    {observe::Capability::Peek, "peek"},
    {observe::Capability::Publish, "publish"},
    {observe::Capability::PublishMqtt, "publishMqtt"},
    {observe::Capability::Purge, "purge"},
    {observe::Capability::Delete, "delete"},
    {observe::Capability::Declare, "declare"},
    {observe::Capability::Bind, "bind"},
    {observe::Capability::DisconnectClient, "disconnectClient"},
    {observe::Capability::Redrive, "redrive"},
    {observe::Capability::HopEvents, "hopEvents"},
    {observe::Capability::Streams, "streams"},
    {observe::Capability::TopicTree, "topicTree"},
    {observe::Capability::LiveMessages, "liveMessages"},
}};

int parseDigits(std::string_view text, std::size_t at, std::size_t count) {
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (i >= text.size() || text[i] < '0' || text[i] > '9') {
            return -1;
        }
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

}  // namespace

Result<Json> parseJson(std::string_view text) {
    auto json = Json::parse(text, nullptr, false);
    if (json.is_discarded()) {
        return Error{ErrorCode::ParseError, "the body is not valid JSON"};
    }
    return json;
}

std::string dumpJson(const Json& json) {
    return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string_view capabilityName(observe::Capability capability) {
    for (const auto& [value, name] : kCapabilityNames) {
        if (value == capability) {
            return name;
        }
    }
    return "unknown";
}

std::string formatTime(Clock::time_point time) {
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
    const auto seconds = static_cast<std::time_t>(millis / 1000 - (millis % 1000 < 0 ? 1 : 0));
    const auto fraction = ((millis % 1000) + 1000) % 1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 40> text{};
    std::snprintf(text.data(), text.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                  utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                  utc.tm_sec, static_cast<int>(fraction));
    return text.data();
}

// Accepts "YYYY-MM-DDTHH:MM:SS[.fff]Z", the shape formatTime writes.
Result<Clock::time_point> parseTime(std::string_view text) {
    const Error bad{ErrorCode::InvalidArgument,
                    "'" + std::string(text) + "' is not an ISO 8601 UTC time"};
    if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
        text[13] != ':' || text[16] != ':' || text.back() != 'Z') {
        return bad;
    }
    std::tm utc{};
    utc.tm_year = parseDigits(text, 0, 4) - 1900;
    utc.tm_mon = parseDigits(text, 5, 2) - 1;
    utc.tm_mday = parseDigits(text, 8, 2);
    utc.tm_hour = parseDigits(text, 11, 2);
    utc.tm_min = parseDigits(text, 14, 2);
    utc.tm_sec = parseDigits(text, 17, 2);
    if (utc.tm_year < -1900 || utc.tm_mon < 0 || utc.tm_mday < 0 || utc.tm_hour < 0 ||
        utc.tm_min < 0 || utc.tm_sec < 0) {
        return bad;
    }
    int millis = 0;
    if (text.size() > 20) {
        if (text[19] != '.') {
            return bad;
        }
        const auto digits = text.size() - 21;
        const int fraction = parseDigits(text, 20, digits);
        if (digits == 0 || digits > 9 || fraction < 0) {
            return bad;
        }
        millis = fraction;
        for (auto d = digits; d < 3; ++d) {
            millis *= 10;
        }
        for (auto d = digits; d > 3; --d) {
            millis /= 10;
        }
    }
    return Clock::from_time_t(timegm(&utc)) + std::chrono::milliseconds(millis);
}

}  // namespace sbx::management

namespace m = sbx::management;
namespace observe = sbx::observe;
using m::Json;

// Every serializer below: write all fields, read what is present.
#define SBX_SERIALIZER(Type) void nlohmann::adl_serializer<observe::Type>

SBX_SERIALIZER(DestinationKind)::to_json(Json& json, const observe::DestinationKind& value) {
    json = std::string(observe::toString(value));
}
SBX_SERIALIZER(DestinationKind)::from_json(const Json& json, observe::DestinationKind& value) {
    value = m::enumFromName(json, m::kDestinationKinds, "kind");
}

SBX_SERIALIZER(HopKind)::to_json(Json& json, const observe::HopKind& value) {
    json = std::string(observe::toString(value));
}
SBX_SERIALIZER(HopKind)::from_json(const Json& json, observe::HopKind& value) {
    value = m::enumFromName(json, m::kHopKinds, "kind");
}

SBX_SERIALIZER(MessageCounters)::to_json(Json& json, const observe::MessageCounters& value) {
    json = {{"published", value.published},
            {"delivered", value.delivered},
            {"acked", value.acked},
            {"redelivered", value.redelivered},
            {"dropped", value.dropped}};
}
SBX_SERIALIZER(MessageCounters)::from_json(const Json& json, observe::MessageCounters& value) {
    m::read(json, "published", value.published);
    m::read(json, "delivered", value.delivered);
    m::read(json, "acked", value.acked);
    m::read(json, "redelivered", value.redelivered);
    m::read(json, "dropped", value.dropped);
}

SBX_SERIALIZER(MessageRates)::to_json(Json& json, const observe::MessageRates& value) {
    json = {{"published", value.published},
            {"delivered", value.delivered},
            {"acked", value.acked},
            {"redelivered", value.redelivered}};
}
SBX_SERIALIZER(MessageRates)::from_json(const Json& json, observe::MessageRates& value) {
    m::read(json, "published", value.published);
    m::read(json, "delivered", value.delivered);
    m::read(json, "acked", value.acked);
    m::read(json, "redelivered", value.redelivered);
}

SBX_SERIALIZER(Field)::to_json(Json& json, const observe::Field& value) {
    json = {{"name", value.name}, {"value", value.value}};
}
SBX_SERIALIZER(Field)::from_json(const Json& json, observe::Field& value) {
    m::read(json, "name", value.name);
    m::read(json, "value", value.value);
}

SBX_SERIALIZER(Destination)::to_json(Json& json, const observe::Destination& value) {
    json = {{"id", value.id},
            {"kind", value.kind},
            {"vhost", value.vhost},
            {"name", value.name},
            {"type", value.type},
            {"durable", value.durable},
            {"autoDelete", value.autoDelete},
            {"exclusive", value.exclusive},
            {"internal", value.internal},
            {"messagesReady", value.messagesReady},
            {"messagesUnacked", value.messagesUnacked},
            {"bytes", value.bytes},
            {"consumers", value.consumers},
            {"counters", value.counters},
            {"rates", value.rates},
            {"arguments", value.arguments},
            {"deadLetterExchange", value.deadLetterExchange},
            {"deadLetterRoutingKey", value.deadLetterRoutingKey},
            {"deadLetters", value.deadLetters},
            {"parentId", value.parentId},
            {"lastValueTruncated", value.lastValueTruncated},
            {"retained", value.retained},
            {"lastMessageTime", m::timeJson(value.lastMessageTime)}};
    m::writeBytes(json, "lastValue", value.lastValue);
}
SBX_SERIALIZER(Destination)::from_json(const Json& json, observe::Destination& value) {
    m::read(json, "id", value.id);
    m::read(json, "kind", value.kind);
    m::read(json, "vhost", value.vhost);
    m::read(json, "name", value.name);
    m::read(json, "type", value.type);
    m::read(json, "durable", value.durable);
    m::read(json, "autoDelete", value.autoDelete);
    m::read(json, "exclusive", value.exclusive);
    m::read(json, "internal", value.internal);
    m::read(json, "messagesReady", value.messagesReady);
    m::read(json, "messagesUnacked", value.messagesUnacked);
    m::read(json, "bytes", value.bytes);
    m::read(json, "consumers", value.consumers);
    m::read(json, "counters", value.counters);
    m::read(json, "rates", value.rates);
    m::read(json, "arguments", value.arguments);
    m::read(json, "deadLetterExchange", value.deadLetterExchange);
    m::read(json, "deadLetterRoutingKey", value.deadLetterRoutingKey);
    m::read(json, "deadLetters", value.deadLetters);
    m::read(json, "parentId", value.parentId);
    m::readBytes(json, "lastValue", value.lastValue);
    m::read(json, "lastValueTruncated", value.lastValueTruncated);
    m::read(json, "retained", value.retained);
    m::readTime(json, "lastMessageTime", value.lastMessageTime);
}

SBX_SERIALIZER(Binding)::to_json(Json& json, const observe::Binding& value) {
    json = {{"vhost", value.vhost},
            {"source", value.source},
            {"destinationId", value.destinationId},
            {"routingKey", value.routingKey},
            {"arguments", value.arguments}};
}
SBX_SERIALIZER(Binding)::from_json(const Json& json, observe::Binding& value) {
    m::read(json, "vhost", value.vhost);
    m::read(json, "source", value.source);
    m::read(json, "destinationId", value.destinationId);
    m::read(json, "routingKey", value.routingKey);
    m::read(json, "arguments", value.arguments);
}

SBX_SERIALIZER(ClientSubscription)::to_json(Json& json, const observe::ClientSubscription& value) {
    json = {{"destinationId", value.destinationId},
            {"tag", value.tag},
            {"qos", value.qos},
            {"prefetch", value.prefetch},
            {"autoAck", value.autoAck}};
}
SBX_SERIALIZER(ClientSubscription)::from_json(const Json& json,
                                              observe::ClientSubscription& value) {
    m::read(json, "destinationId", value.destinationId);
    m::read(json, "tag", value.tag);
    m::read(json, "qos", value.qos);
    m::read(json, "prefetch", value.prefetch);
    m::read(json, "autoAck", value.autoAck);
}

SBX_SERIALIZER(Client)::to_json(Json& json, const observe::Client& value) {
    json = {{"id", value.id},
            {"name", value.name},
            {"protocol", value.protocol},
            {"protocolVersion", value.protocolVersion},
            {"remoteAddress", value.remoteAddress},
            {"user", value.user},
            {"vhost", value.vhost},
            {"connectedAt", m::timeJson(value.connectedAt)},
            {"channels", value.channels},
            {"messagesIn", value.messagesIn},
            {"messagesOut", value.messagesOut},
            {"bytesIn", value.bytesIn},
            {"bytesOut", value.bytesOut},
            {"subscriptions", value.subscriptions},
            {"connected", value.connected}};
}
SBX_SERIALIZER(Client)::from_json(const Json& json, observe::Client& value) {
    m::read(json, "id", value.id);
    m::read(json, "name", value.name);
    m::read(json, "protocol", value.protocol);
    m::read(json, "protocolVersion", value.protocolVersion);
    m::read(json, "remoteAddress", value.remoteAddress);
    m::read(json, "user", value.user);
    m::read(json, "vhost", value.vhost);
    m::readTime(json, "connectedAt", value.connectedAt);
    m::read(json, "channels", value.channels);
    m::read(json, "messagesIn", value.messagesIn);
    m::read(json, "messagesOut", value.messagesOut);
    m::read(json, "bytesIn", value.bytesIn);
    m::read(json, "bytesOut", value.bytesOut);
    m::read(json, "subscriptions", value.subscriptions);
    m::read(json, "connected", value.connected);
}

SBX_SERIALIZER(BrokerOverview)::to_json(Json& json, const observe::BrokerOverview& value) {
    json = {{"name", value.name},
            {"product", value.product},
            {"uptimeSeconds", value.uptimeSeconds},
            {"connections", value.connections},
            {"messagesReady", value.messagesReady},
            {"messagesUnacked", value.messagesUnacked},
            {"counters", value.counters},
            {"rates", value.rates},
            {"vhosts", value.vhosts},
            {"listeners", value.listeners}};
}
SBX_SERIALIZER(BrokerOverview)::from_json(const Json& json, observe::BrokerOverview& value) {
    m::read(json, "name", value.name);
    m::read(json, "product", value.product);
    m::read(json, "uptimeSeconds", value.uptimeSeconds);
    m::read(json, "connections", value.connections);
    m::read(json, "messagesReady", value.messagesReady);
    m::read(json, "messagesUnacked", value.messagesUnacked);
    m::read(json, "counters", value.counters);
    m::read(json, "rates", value.rates);
    m::read(json, "vhosts", value.vhosts);
    m::read(json, "listeners", value.listeners);
}

SBX_SERIALIZER(BrokerSnapshot)::to_json(Json& json, const observe::BrokerSnapshot& value) {
    json = {{"time", m::timeJson(value.time)},
            {"overview", value.overview},
            {"destinations", value.destinations},
            {"bindings", value.bindings},
            {"clients", value.clients}};
}
SBX_SERIALIZER(BrokerSnapshot)::from_json(const Json& json, observe::BrokerSnapshot& value) {
    m::readTime(json, "time", value.time);
    m::read(json, "overview", value.overview);
    m::read(json, "destinations", value.destinations);
    m::read(json, "bindings", value.bindings);
    m::read(json, "clients", value.clients);
}

SBX_SERIALIZER(DeathRecord)::to_json(Json& json, const observe::DeathRecord& value) {
    json = {{"queue", value.queue},       {"reason", value.reason},
            {"count", value.count},       {"time", m::timeJson(value.time)},
            {"exchange", value.exchange}, {"routingKeys", value.routingKeys}};
}
SBX_SERIALIZER(DeathRecord)::from_json(const Json& json, observe::DeathRecord& value) {
    m::read(json, "queue", value.queue);
    m::read(json, "reason", value.reason);
    m::read(json, "count", value.count);
    m::readTime(json, "time", value.time);
    m::read(json, "exchange", value.exchange);
    m::read(json, "routingKeys", value.routingKeys);
}

SBX_SERIALIZER(ObservedMessage)::to_json(Json& json, const observe::ObservedMessage& value) {
    json = {{"destinationId", value.destinationId},
            {"position", value.position},
            {"exchange", value.exchange},
            {"routingKey", value.routingKey},
            {"properties", value.properties},
            {"headers", value.headers},
            {"redelivered", value.redelivered},
            {"time", m::timeJson(value.time)},
            {"deaths", value.deaths}};
    m::writeBytes(json, "payload", value.payload);
}
SBX_SERIALIZER(ObservedMessage)::from_json(const Json& json, observe::ObservedMessage& value) {
    m::read(json, "destinationId", value.destinationId);
    m::read(json, "position", value.position);
    m::read(json, "exchange", value.exchange);
    m::read(json, "routingKey", value.routingKey);
    m::readBytes(json, "payload", value.payload);
    m::read(json, "properties", value.properties);
    m::read(json, "headers", value.headers);
    m::read(json, "redelivered", value.redelivered);
    m::readTime(json, "time", value.time);
    m::read(json, "deaths", value.deaths);
}

SBX_SERIALIZER(MessageBatch)::to_json(Json& json, const observe::MessageBatch& value) {
    json = {{"messages", value.messages}, {"lost", value.lost}};
}
SBX_SERIALIZER(MessageBatch)::from_json(const Json& json, observe::MessageBatch& value) {
    m::read(json, "messages", value.messages);
    m::read(json, "lost", value.lost);
}

SBX_SERIALIZER(MessageIds)::to_json(Json& json, const observe::MessageIds& value) {
    json = {{"messageId", value.messageId},
            {"correlationId", value.correlationId},
            {"traceparent", value.traceparent},
            {"correlationData", value.correlationData}};
}
SBX_SERIALIZER(MessageIds)::from_json(const Json& json, observe::MessageIds& value) {
    m::read(json, "messageId", value.messageId);
    m::read(json, "correlationId", value.correlationId);
    m::read(json, "traceparent", value.traceparent);
    m::read(json, "correlationData", value.correlationData);
}

SBX_SERIALIZER(HopEvent)::to_json(Json& json, const observe::HopEvent& value) {
    json = {{"time", m::timeJson(value.time)},
            {"kind", value.kind},
            {"messageId", value.messageId},
            {"protocol", value.protocol},
            {"clientId", value.clientId},
            {"destination", value.destination},
            {"count", value.count},
            {"detail", value.detail},
            {"vhost", value.vhost},
            {"routingKey", value.routingKey},
            {"ids", value.ids},
            {"target", value.target},
            {"linkedMessageId", value.linkedMessageId}};
}
SBX_SERIALIZER(HopEvent)::from_json(const Json& json, observe::HopEvent& value) {
    m::readTime(json, "time", value.time);
    m::read(json, "kind", value.kind);
    m::read(json, "messageId", value.messageId);
    m::read(json, "protocol", value.protocol);
    m::read(json, "clientId", value.clientId);
    m::read(json, "destination", value.destination);
    m::read(json, "count", value.count);
    m::read(json, "detail", value.detail);
    m::read(json, "vhost", value.vhost);
    m::read(json, "routingKey", value.routingKey);
    m::read(json, "ids", value.ids);
    m::read(json, "target", value.target);
    m::read(json, "linkedMessageId", value.linkedMessageId);
}

SBX_SERIALIZER(PublishRequest)::to_json(Json& json, const observe::PublishRequest& value) {
    json = {{"protocol", value.protocol},
            {"vhost", value.vhost},
            {"exchange", value.exchange},
            {"routingKey", value.routingKey},
            {"properties", value.properties},
            {"headers", value.headers},
            {"qos", value.qos},
            {"retain", value.retain}};
    m::writeBytes(json, "payload", value.payload);
}
SBX_SERIALIZER(PublishRequest)::from_json(const Json& json, observe::PublishRequest& value) {
    m::read(json, "protocol", value.protocol);
    m::read(json, "vhost", value.vhost);
    m::read(json, "exchange", value.exchange);
    m::read(json, "routingKey", value.routingKey);
    m::readBytes(json, "payload", value.payload);
    m::read(json, "properties", value.properties);
    m::read(json, "headers", value.headers);
    m::read(json, "qos", value.qos);
    m::read(json, "retain", value.retain);
}

SBX_SERIALIZER(PeekRequest)::to_json(Json& json, const observe::PeekRequest& value) {
    json = {{"destinationId", value.destinationId},
            {"maxCount", value.maxCount},
            {"streamOffset", value.streamOffset},
            {"allowRequeue", value.allowRequeue}};
}
SBX_SERIALIZER(PeekRequest)::from_json(const Json& json, observe::PeekRequest& value) {
    m::read(json, "destinationId", value.destinationId);
    m::read(json, "maxCount", value.maxCount);
    m::read(json, "streamOffset", value.streamOffset);
    m::read(json, "allowRequeue", value.allowRequeue);
}

SBX_SERIALIZER(DeclareRequest)::to_json(Json& json, const observe::DeclareRequest& value) {
    json = {{"kind", value.kind},          {"vhost", value.vhost},
            {"name", value.name},          {"type", value.type},
            {"durable", value.durable},    {"autoDelete", value.autoDelete},
            {"arguments", value.arguments}};
}
SBX_SERIALIZER(DeclareRequest)::from_json(const Json& json, observe::DeclareRequest& value) {
    m::read(json, "kind", value.kind);
    m::read(json, "vhost", value.vhost);
    m::read(json, "name", value.name);
    m::read(json, "type", value.type);
    m::read(json, "durable", value.durable);
    m::read(json, "autoDelete", value.autoDelete);
    m::read(json, "arguments", value.arguments);
}

SBX_SERIALIZER(BindRequest)::to_json(Json& json, const observe::BindRequest& value) {
    json = {{"vhost", value.vhost},
            {"source", value.source},
            {"destinationId", value.destinationId},
            {"routingKey", value.routingKey},
            {"arguments", value.arguments}};
}
SBX_SERIALIZER(BindRequest)::from_json(const Json& json, observe::BindRequest& value) {
    m::read(json, "vhost", value.vhost);
    m::read(json, "source", value.source);
    m::read(json, "destinationId", value.destinationId);
    m::read(json, "routingKey", value.routingKey);
    m::read(json, "arguments", value.arguments);
}

// maxCount absent means "all" (SIZE_MAX does not survive JavaScript's doubles).
SBX_SERIALIZER(RedriveRequest)::to_json(Json& json, const observe::RedriveRequest& value) {
    json = {{"sourceId", value.sourceId},
            {"targetId", value.targetId ? Json(*value.targetId) : Json(nullptr)},
            {"batchSize", value.batchSize}};
    if (value.maxCount != SIZE_MAX) {
        json["maxCount"] = value.maxCount;
    }
}
SBX_SERIALIZER(RedriveRequest)::from_json(const Json& json, observe::RedriveRequest& value) {
    m::read(json, "sourceId", value.sourceId);
    std::string target;
    if (json.contains("targetId") && !json["targetId"].is_null()) {
        m::read(json, "targetId", target);
        value.targetId = target;
    }
    m::read(json, "maxCount", value.maxCount);
    m::read(json, "batchSize", value.batchSize);
}

SBX_SERIALIZER(RedriveResult)::to_json(Json& json, const observe::RedriveResult& value) {
    json = {{"moved", value.moved}, {"remaining", value.remaining}};
}
SBX_SERIALIZER(RedriveResult)::from_json(const Json& json, observe::RedriveResult& value) {
    m::read(json, "moved", value.moved);
    m::read(json, "remaining", value.remaining);
}

SBX_SERIALIZER(Capabilities)::to_json(Json& json, const observe::Capabilities& value) {
    json = Json::array();
    for (const auto& [capability, name] : m::kCapabilityNames) {
        if (value.has(capability)) {
            json.push_back(std::string(name));
        }
    }
}
// Names this build does not know are ignored: a newer server may offer more.
SBX_SERIALIZER(Capabilities)::from_json(const Json& json, observe::Capabilities& value) {
    value = {};
    for (const auto& name : json) {
        for (const auto& [capability, known] : m::kCapabilityNames) {
            if (name.is_string() && name.get<std::string>() == known) {
                value.add(capability);
            }
        }
    }
}

#undef SBX_SERIALIZER
