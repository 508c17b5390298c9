#include "sbx/amqp/field_codec.h"

#include <array>
#include <bit>
#include <string>
#include <type_traits>

#include "field_codec_internal.h"

namespace sbx::amqp {

namespace {

// Type tags in the order of FieldValue::Variant's alternatives.
constexpr std::array<char, 17> kTags{'t', 'b', 'B', 's', 'u', 'I', 'i', 'l', 'f',
                                     'd', 'D', 'S', 'x', 'A', 'T', 'F', 'V'};
static_assert(kTags.size() == std::variant_size_v<FieldValue::Variant>);

Failure truncated(std::string_view what) {
    return frameError("field table " + std::string(what) + " runs past the end of its data");
}

Failure readFieldValue(WireReader& reader, FieldValue& out, std::size_t depth);

template <class Unsigned, class Stored>
Failure readNumber(WireReader& reader, FieldValue& out) {
    Unsigned raw = 0;
    bool ok = false;
    if constexpr (sizeof(Unsigned) == 1) {
        ok = reader.octet(raw);
    } else if constexpr (sizeof(Unsigned) == 2) {
        ok = reader.shortUint(raw);
    } else if constexpr (sizeof(Unsigned) == 4) {
        ok = reader.longUint(raw);
    } else {
        ok = reader.longLongUint(raw);
    }
    if (!ok) {
        return truncated("value");
    }
    out.value = std::bit_cast<Stored>(raw);
    return std::nullopt;
}

Failure checkDepth(std::size_t depth) {
    if (depth > kMaxFieldNesting) {
        return syntaxError("field tables and arrays nested more than " +
                           std::to_string(kMaxFieldNesting) + " deep");
    }
    return std::nullopt;
}

// The four-byte size of a table or array and the bytes it covers.
Failure readSized(WireReader& reader, std::span<const std::uint8_t>& content,
                  std::string_view what) {
    std::uint32_t size = 0;
    if (!reader.longUint(size)) {
        return truncated(std::string(what) + " size");
    }
    if (!reader.bytes(size, content)) {
        return frameError(std::string(what) + " size " + std::to_string(size) +
                          " is larger than the " + std::to_string(reader.remaining()) +
                          " bytes left");
    }
    return std::nullopt;
}

Failure readFieldArray(WireReader& reader, FieldArray& array, std::size_t depth) {
    if (auto failure = checkDepth(depth)) {
        return failure;
    }
    std::span<const std::uint8_t> content;
    if (auto failure = readSized(reader, content, "field array")) {
        return failure;
    }
    WireReader items(content);
    while (!items.atEnd()) {
        if (auto failure = readFieldValue(items, array.emplace_back(), depth)) {
            return failure;
        }
    }
    return std::nullopt;
}

Failure readStringValue(WireReader& reader, FieldValue& out) {
    std::string text;
    if (!reader.longString(text)) {
        return truncated("long string");
    }
    out.value = std::move(text);
    return std::nullopt;
}

Failure readByteArray(WireReader& reader, FieldValue& out) {
    ByteArray array;
    if (!reader.longString(array.bytes)) {
        return truncated("byte array");
    }
    out.value = std::move(array);
    return std::nullopt;
}

Failure readDecimal(WireReader& reader, FieldValue& out) {
    Decimal decimal;
    std::uint32_t raw = 0;
    if (!reader.octet(decimal.scale) || !reader.longUint(raw)) {
        return truncated("decimal");
    }
    decimal.value = std::bit_cast<std::int32_t>(raw);
    out.value = decimal;
    return std::nullopt;
}

Failure readBool(WireReader& reader, FieldValue& out) {
    std::uint8_t raw = 0;
    if (!reader.octet(raw)) {
        return truncated("boolean");
    }
    out.value = raw != 0;
    return std::nullopt;
}

Failure readTimestamp(WireReader& reader, FieldValue& out) {
    Timestamp timestamp;
    if (!reader.longLongUint(timestamp.seconds)) {
        return truncated("timestamp");
    }
    out.value = timestamp;
    return std::nullopt;
}

Failure readNested(WireReader& reader, char tag, FieldValue& out, std::size_t depth) {
    if (tag == 'A') {
        FieldArray array;
        auto failure = readFieldArray(reader, array, depth + 1);
        out.value = std::move(array);
        return failure;
    }
    FieldTable table;
    auto failure = readFieldTable(reader, table, depth + 1);
    out.value = std::move(table);
    return failure;
}

Failure readFieldValue(WireReader& reader, FieldValue& out, std::size_t depth) {
    std::uint8_t tag = 0;
    if (!reader.octet(tag)) {
        return truncated("value type");
    }
    switch (tag) {
        case 't':
            return readBool(reader, out);
        case 'b':
            return readNumber<std::uint8_t, std::int8_t>(reader, out);
        case 'B':
            return readNumber<std::uint8_t, std::uint8_t>(reader, out);
        case 's':
            return readNumber<std::uint16_t, std::int16_t>(reader, out);
        case 'u':
            return readNumber<std::uint16_t, std::uint16_t>(reader, out);
        case 'I':
            return readNumber<std::uint32_t, std::int32_t>(reader, out);
        case 'i':
            return readNumber<std::uint32_t, std::uint32_t>(reader, out);
        case 'l':
            return readNumber<std::uint64_t, std::int64_t>(reader, out);
        case 'f':
            return readNumber<std::uint32_t, float>(reader, out);
        case 'd':
            return readNumber<std::uint64_t, double>(reader, out);
        case 'D':
            return readDecimal(reader, out);
        case 'S':
            return readStringValue(reader, out);
        case 'x':
            return readByteArray(reader, out);
        case 'T':
            return readTimestamp(reader, out);
        case 'A':
        case 'F':
            return readNested(reader, static_cast<char>(tag), out, depth);
        case 'V':
            out.value = Void{};
            return std::nullopt;
        default:
            break;
    }
    return syntaxError("unknown field value type tag " + std::to_string(tag));
}

void writeFieldValue(const FieldValue& value, WireWriter& writer);

void writeFieldArray(const FieldArray& array, WireWriter& writer) {
    const auto sizeAt = writer.placeholderLongUint();
    for (const auto& item : array) {
        writeFieldValue(item, writer);
    }
    writer.patchLongUint(sizeAt, static_cast<std::uint32_t>(writer.size() - sizeAt - 4));
}

struct ValueWriter {
    WireWriter& writer;

    void operator()(bool held) const { writer.octet(held ? 1 : 0); }
    void operator()(std::int8_t held) const { writer.octet(std::bit_cast<std::uint8_t>(held)); }
    void operator()(std::uint8_t held) const { writer.octet(held); }
    void operator()(std::int16_t held) const {
        writer.shortUint(std::bit_cast<std::uint16_t>(held));
    }
    void operator()(std::uint16_t held) const { writer.shortUint(held); }
    void operator()(std::int32_t held) const {
        writer.longUint(std::bit_cast<std::uint32_t>(held));
    }
    void operator()(std::uint32_t held) const { writer.longUint(held); }
    void operator()(std::int64_t held) const {
        writer.longLongUint(std::bit_cast<std::uint64_t>(held));
    }
    void operator()(float held) const { writer.longUint(std::bit_cast<std::uint32_t>(held)); }
    void operator()(double held) const { writer.longLongUint(std::bit_cast<std::uint64_t>(held)); }
    void operator()(const Decimal& held) const {
        writer.octet(held.scale);
        writer.longUint(std::bit_cast<std::uint32_t>(held.value));
    }
    void operator()(const std::string& held) const { writer.longString(held); }
    void operator()(const ByteArray& held) const { writer.longString(held.bytes); }
    void operator()(const FieldArray& held) const { writeFieldArray(held, writer); }
    void operator()(const Timestamp& held) const { writer.longLongUint(held.seconds); }
    void operator()(const FieldTable& held) const { writeFieldTable(held, writer); }
    void operator()(const Void&) const {}
};

void writeFieldValue(const FieldValue& value, WireWriter& writer) {
    writer.octet(static_cast<std::uint8_t>(fieldTypeTag(value)));
    std::visit(ValueWriter{writer}, value.value);
}

}  // namespace

DecodeError frameError(std::string text) {
    return {ReplyCode::FrameError, std::move(text)};
}

DecodeError syntaxError(std::string text) {
    return {ReplyCode::SyntaxError, std::move(text)};
}

Failure readFieldTable(WireReader& reader, FieldTable& table, std::size_t depth) {
    if (auto failure = checkDepth(depth)) {
        return failure;
    }
    std::span<const std::uint8_t> content;
    if (auto failure = readSized(reader, content, "field table")) {
        return failure;
    }
    WireReader entries(content);
    while (!entries.atEnd()) {
        auto& entry = table.entries.emplace_back();
        if (!entries.shortString(entry.name)) {
            return truncated("field name");
        }
        if (auto failure = readFieldValue(entries, entry.value, depth)) {
            return failure;
        }
    }
    return std::nullopt;
}

void writeFieldTable(const FieldTable& table, WireWriter& writer) {
    const auto sizeAt = writer.placeholderLongUint();
    for (const auto& entry : table.entries) {
        writer.shortString(entry.name);
        writeFieldValue(entry.value, writer);
    }
    writer.patchLongUint(sizeAt, static_cast<std::uint32_t>(writer.size() - sizeAt - 4));
}

FieldTableDecodeResult decodeFieldTable(std::span<const std::uint8_t> bytes) {
    WireReader reader(bytes);
    FieldTable table;
    if (auto failure = readFieldTable(reader, table, 1)) {
        return std::move(*failure);
    }
    if (!reader.atEnd()) {
        return frameError(std::to_string(reader.remaining()) + " bytes after the field table");
    }
    return table;
}

void encodeFieldTable(const FieldTable& table, std::vector<std::uint8_t>& out) {
    WireWriter writer(out);
    writeFieldTable(table, writer);
}

char fieldTypeTag(const FieldValue& value) {
    return kTags[value.value.index()];
}

}  // namespace sbx::amqp
