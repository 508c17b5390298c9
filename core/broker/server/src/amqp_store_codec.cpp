#include "amqp_store_codec.h"

#include <chrono>
#include <cstdint>
#include <span>
#include <vector>

#include "sbx/amqp/content_header.h"
#include "sbx/amqp/field_codec.h"

namespace sbx::broker {

namespace {

namespace wire = sbx::amqp;
using amqp::FieldTable;
using amqp::FieldValue;

constexpr std::int64_t kFormatVersion = 1;
// Frame type, channel and size come before a frame's payload; the end octet after it.
constexpr std::size_t kFrameHeaderSize = 7;
constexpr std::size_t kFrameEndSize = 1;

std::string escapeVhost(std::string_view vhost) {
    std::string out;
    for (const char c : vhost) {
        if (c == '%') {
            out += "%25";
        } else if (c == '/') {
            out += "%2F";
        } else {
            out += c;
        }
    }
    return out;
}

std::string toHex(std::string_view bytes) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (const char c : bytes) {
        const auto byte = static_cast<unsigned char>(c);
        out += kDigits[byte >> 4];
        out += kDigits[byte & 0x0F];
    }
    return out;
}

std::string encodeTable(FieldTable table) {
    table.set("v", FieldValue(kFormatVersion));
    std::vector<std::uint8_t> out;
    wire::encodeFieldTable(table, out);
    return {out.begin(), out.end()};
}

std::optional<FieldTable> decodeTable(std::string_view value) {
    const auto* data = reinterpret_cast<const std::uint8_t*>(value.data());
    auto decoded = wire::decodeFieldTable(std::span(data, value.size()));
    auto* table = std::get_if<FieldTable>(&decoded);
    if (table == nullptr) {
        return std::nullopt;
    }
    const FieldValue* version = table->find("v");
    if (version == nullptr || version->asInteger() != kFormatVersion) {
        return std::nullopt;
    }
    return std::move(*table);
}

const std::string* stringAt(const FieldTable& table, std::string_view key) {
    const FieldValue* value = table.find(key);
    return value != nullptr ? value->asString() : nullptr;
}

const std::string* bytesAt(const FieldTable& table, std::string_view key) {
    const FieldValue* value = table.find(key);
    const auto* bytes = value != nullptr ? std::get_if<wire::ByteArray>(&value->value) : nullptr;
    return bytes != nullptr ? &bytes->bytes : nullptr;
}

bool flagAt(const FieldTable& table, std::string_view key) {
    const FieldValue* value = table.find(key);
    const bool* flag = value != nullptr ? std::get_if<bool>(&value->value) : nullptr;
    return flag != nullptr && *flag;
}

FieldTable tableAt(const FieldTable& table, std::string_view key) {
    const FieldValue* value = table.find(key);
    const FieldTable* inner = value != nullptr ? value->asTable() : nullptr;
    return inner != nullptr ? *inner : FieldTable{};
}

std::optional<std::int64_t> integerAt(const FieldTable& table, std::string_view key) {
    const FieldValue* value = table.find(key);
    return value != nullptr ? value->asInteger() : std::nullopt;
}

FieldTable bindingTable(std::string_view vhost, const amqp::Binding& binding) {
    FieldTable table;
    table.set("vhost", FieldValue(std::string(vhost)));
    table.set("source", FieldValue(binding.source));
    table.set("to-exchange",
              FieldValue(binding.destinationKind == amqp::DestinationKind::Exchange));
    table.set("destination", FieldValue(binding.destination));
    table.set("routing-key", FieldValue(binding.routingKey));
    table.set("arguments", FieldValue(binding.arguments));
    return table;
}

std::string encodeProperties(const amqp::BasicProperties& properties) {
    std::vector<std::uint8_t> frame;
    wire::encodeContentHeaderFrame(0, 0, properties, frame);
    return {frame.begin() + kFrameHeaderSize, frame.end() - kFrameEndSize};
}

std::optional<amqp::BasicProperties> decodeProperties(std::string_view payload) {
    const auto* data = reinterpret_cast<const std::uint8_t*>(payload.data());
    auto decoded = wire::decodeContentHeader(std::span(data, payload.size()));
    auto* header = std::get_if<wire::ContentHeader>(&decoded);
    if (header == nullptr) {
        return std::nullopt;
    }
    return std::move(header->properties);
}

}  // namespace

std::string amqpRecordKey(std::string_view vhost, std::string_view name) {
    return escapeVhost(vhost) + "/" + std::string(name);
}

std::string amqpBindingKey(std::string_view vhost, const amqp::Binding& binding) {
    // The whole binding identifies it (arguments included); hex keeps the key text.
    std::vector<std::uint8_t> bytes;
    wire::encodeFieldTable(bindingTable("", binding), bytes);
    return escapeVhost(vhost) + "/" +
           toHex(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::string amqpMessageQueue(std::string_view vhost, std::string_view queue) {
    return std::string(kAmqpMessagesPrefix) + amqpRecordKey(vhost, queue);
}

std::string amqpDeliveredQueue(std::string_view vhost, std::string_view queue) {
    return std::string(kAmqpDeliveredPrefix) + amqpRecordKey(vhost, queue);
}

std::string encodeAmqpExchange(std::string_view vhost, const amqp::Exchange& exchange) {
    FieldTable table;
    table.set("vhost", FieldValue(std::string(vhost)));
    table.set("name", FieldValue(exchange.name));
    table.set("type", FieldValue(std::string(amqp::toString(exchange.type))));
    table.set("auto-delete", FieldValue(exchange.autoDelete));
    table.set("internal", FieldValue(exchange.internal));
    table.set("arguments", FieldValue(exchange.arguments));
    return encodeTable(std::move(table));
}

std::optional<StoredAmqpExchange> decodeAmqpExchange(std::string_view value) {
    auto table = decodeTable(value);
    const std::string* vhost = table ? stringAt(*table, "vhost") : nullptr;
    const std::string* name = table ? stringAt(*table, "name") : nullptr;
    const std::string* type = table ? stringAt(*table, "type") : nullptr;
    if (vhost == nullptr || name == nullptr || type == nullptr) {
        return std::nullopt;
    }
    StoredAmqpExchange stored;
    stored.vhost = *vhost;
    stored.declare.name = *name;
    stored.declare.type = *type;
    stored.declare.durable = true;
    stored.declare.autoDelete = flagAt(*table, "auto-delete");
    stored.declare.internal = flagAt(*table, "internal");
    stored.declare.arguments = tableAt(*table, "arguments");
    return stored;
}

std::string encodeAmqpQueue(const amqp::QueueSettings& queue) {
    FieldTable table;
    table.set("vhost", FieldValue(queue.vhost));
    table.set("name", FieldValue(queue.name));
    table.set("auto-delete", FieldValue(queue.autoDelete));
    table.set("arguments", FieldValue(queue.arguments));
    return encodeTable(std::move(table));
}

std::optional<StoredAmqpQueue> decodeAmqpQueue(std::string_view value) {
    auto table = decodeTable(value);
    const std::string* vhost = table ? stringAt(*table, "vhost") : nullptr;
    const std::string* name = table ? stringAt(*table, "name") : nullptr;
    if (vhost == nullptr || name == nullptr || name->empty()) {
        return std::nullopt;
    }
    StoredAmqpQueue stored;
    stored.vhost = *vhost;
    stored.declare.name = *name;
    stored.declare.durable = true;
    stored.declare.autoDelete = flagAt(*table, "auto-delete");
    stored.declare.arguments = tableAt(*table, "arguments");
    return stored;
}

std::string encodeAmqpBinding(std::string_view vhost, const amqp::Binding& binding) {
    return encodeTable(bindingTable(vhost, binding));
}

std::optional<StoredAmqpBinding> decodeAmqpBinding(std::string_view value) {
    auto table = decodeTable(value);
    const std::string* vhost = table ? stringAt(*table, "vhost") : nullptr;
    const std::string* source = table ? stringAt(*table, "source") : nullptr;
    const std::string* destination = table ? stringAt(*table, "destination") : nullptr;
    const std::string* key = table ? stringAt(*table, "routing-key") : nullptr;
    if (vhost == nullptr || source == nullptr || destination == nullptr || key == nullptr) {
        return std::nullopt;
    }
    StoredAmqpBinding stored;
    stored.vhost = *vhost;
    stored.binding.source = *source;
    stored.binding.destinationKind = flagAt(*table, "to-exchange") ? amqp::DestinationKind::Exchange
                                                                   : amqp::DestinationKind::Queue;
    stored.binding.destination = *destination;
    stored.binding.routingKey = *key;
    stored.binding.arguments = tableAt(*table, "arguments");
    return stored;
}

std::string encodeAmqpMessage(const amqp::AmqpMessage& message,
                              std::optional<std::int64_t> streamOffset) {
    const auto publishedAt = std::chrono::duration_cast<std::chrono::milliseconds>(
                                 message.publishedAt.time_since_epoch())
                                 .count();
    FieldTable table;
    table.set("id", FieldValue(static_cast<std::int64_t>(message.id)));
    table.set("published-at", FieldValue(static_cast<std::int64_t>(publishedAt)));
    table.set("exchange", FieldValue(message.exchange));
    table.set("routing-key", FieldValue(message.routingKey));
    table.set("properties", FieldValue(wire::ByteArray{encodeProperties(message.properties)}));
    table.set("body", FieldValue(wire::ByteArray{message.body}));
    if (streamOffset) {
        table.set("stream-offset", FieldValue(*streamOffset));
    }
    return encodeTable(std::move(table));
}

std::optional<amqp::AmqpMessage> decodeAmqpMessage(std::string_view blob) {
    auto stored = decodeStoredAmqpMessage(blob);
    if (!stored) {
        return std::nullopt;
    }
    return std::move(stored->message);
}

std::optional<StoredAmqpMessage> decodeStoredAmqpMessage(std::string_view blob) {
    auto table = decodeTable(blob);
    if (!table) {
        return std::nullopt;
    }
    const auto id = integerAt(*table, "id");
    const auto publishedAt = integerAt(*table, "published-at");
    const std::string* exchange = stringAt(*table, "exchange");
    const std::string* routingKey = stringAt(*table, "routing-key");
    const std::string* properties = bytesAt(*table, "properties");
    const std::string* body = bytesAt(*table, "body");
    if (!id || !publishedAt || exchange == nullptr || routingKey == nullptr ||
        properties == nullptr || body == nullptr) {
        return std::nullopt;
    }
    auto decoded = decodeProperties(*properties);
    if (!decoded) {
        return std::nullopt;
    }
    amqp::AmqpMessage message;
    message.id = static_cast<std::uint64_t>(*id);
    message.publishedAt = amqp::TimePoint(std::chrono::milliseconds(*publishedAt));
    message.exchange = *exchange;
    message.routingKey = *routingKey;
    message.properties = std::move(*decoded);
    message.body = *body;
    // Absent in blobs written before offsets were kept, and for queues that are not streams.
    return StoredAmqpMessage{std::move(message), integerAt(*table, "stream-offset")};
}

}  // namespace sbx::broker
