#include "field_reader.h"

#include <utility>

#include "utf8.h"

namespace sbx::mqtt {

namespace {

std::string concat(std::initializer_list<std::string_view> parts) {
    std::string text;
    for (auto part : parts) {
        text += part;
    }
    return text;
}

DecodeError truncated(std::string_view what, std::size_t needed, std::size_t left) {
    return malformed(concat({what, ": needs ", std::to_string(needed), " bytes but only ",
                             std::to_string(left), " are left in the packet"}));
}

Failure readLengthPrefixed(ByteReader& reader, std::string& value, std::string_view what) {
    std::uint16_t length = 0;
    if (!reader.readTwoByteInteger(length)) {
        return truncated(what, 2, reader.remaining());
    }
    std::span<const std::uint8_t> bytes;
    if (!reader.readBytes(length, bytes)) {
        return truncated(what, length, reader.remaining());
    }
    value.assign(asChars(bytes));
    return std::nullopt;
}

}  // namespace

DecodeError malformed(std::string message) {
    return {ReasonCode::MalformedPacket, std::move(message)};
}

DecodeError protocolError(std::string message) {
    return {ReasonCode::ProtocolError, std::move(message)};
}

std::string hexByte(std::uint8_t value) {
    constexpr std::string_view kDigits = "0123456789abcdef";
    return {'0', 'x', kDigits[value >> 4], kDigits[value & 0x0F]};
}

Failure readByteField(ByteReader& reader, std::uint8_t& value, std::string_view what) {
    if (!reader.readByte(value)) {
        return truncated(what, 1, reader.remaining());
    }
    return std::nullopt;
}

Failure readTwoByteField(ByteReader& reader, std::uint16_t& value, std::string_view what) {
    if (!reader.readTwoByteInteger(value)) {
        return truncated(what, 2, reader.remaining());
    }
    return std::nullopt;
}

Failure readFourByteField(ByteReader& reader, std::uint32_t& value, std::string_view what) {
    if (!reader.readFourByteInteger(value)) {
        return truncated(what, 4, reader.remaining());
    }
    return std::nullopt;
}

Failure readVariableByteIntegerField(ByteReader& reader, std::uint32_t& value,
                                     std::string_view what) {
    switch (reader.readVariableByteInteger(value)) {
        case VariableByteIntegerStatus::Ok:
            return std::nullopt;
        case VariableByteIntegerStatus::Incomplete:
            return malformed(concat({what, ": variable byte integer runs past the packet"}));
        case VariableByteIntegerStatus::TooLong:
            break;
    }
    return malformed(concat({what, ": variable byte integer longer than 4 bytes"}));
}

Failure readPacketId(ByteReader& reader, std::uint16_t& value, std::string_view packetName) {
    if (!reader.readTwoByteInteger(value)) {
        return truncated(concat({packetName, " packet identifier"}), 2, reader.remaining());
    }
    if (value == 0) {
        return protocolError(concat({packetName, " packet identifier is 0"}));
    }
    return std::nullopt;
}

Failure readUtf8StringField(ByteReader& reader, std::string& value, std::string_view what) {
    if (auto failure = readLengthPrefixed(reader, value, what)) {
        return failure;
    }
    Utf8Problem problem;
    if (!checkUtf8String(value, problem)) {
        return malformed(concat({what, " is not a valid UTF-8 string: ", problem.what, " at byte ",
                                 std::to_string(problem.offset)}));
    }
    return std::nullopt;
}

Failure readBinaryField(ByteReader& reader, std::string& value, std::string_view what) {
    return readLengthPrefixed(reader, value, what);
}

Failure expectEnd(const ByteReader& reader, std::string_view packetName) {
    if (!reader.atEnd()) {
        return malformed(concat({packetName, ": ", std::to_string(reader.remaining()),
                                 " unexpected bytes after the last field"}));
    }
    return std::nullopt;
}

}  // namespace sbx::mqtt
