#include "sbx/inspect/payload.h"

#include <array>
#include <cstdint>
#include <nlohmann/json.hpp>

namespace sbx::inspect {
namespace {

bool startsWith(std::string_view payload, std::string_view magic) {
    return payload.substr(0, magic.size()) == magic;
}

// Length of the UTF-8 sequence starting with `lead`, 0 when it cannot start one.
std::size_t sequenceLength(unsigned char lead) {
    if (lead < 0x80) {
        return 1;
    }
    if ((lead & 0xE0U) == 0xC0U && lead >= 0xC2) {
        return 2;
    }
    if ((lead & 0xF0U) == 0xE0U) {
        return 3;
    }
    if ((lead & 0xF8U) == 0xF0U && lead <= 0xF4) {
        return 4;
    }
    return 0;
}

bool isAllowedControl(unsigned char c) {
    return c == '\t' || c == '\n' || c == '\r';
}

}  // namespace

std::string_view toString(PayloadKind kind) {
    switch (kind) {
        case PayloadKind::Empty:
            return "empty";
        case PayloadKind::Json:
            return "json";
        case PayloadKind::Text:
            return "text";
        case PayloadKind::Png:
            return "png";
        case PayloadKind::Jpeg:
            return "jpeg";
        case PayloadKind::Gif:
            return "gif";
        case PayloadKind::Binary:
            return "binary";
    }
    return "binary";
}

bool isText(std::string_view payload) {
    for (std::size_t i = 0; i < payload.size();) {
        const auto lead = static_cast<unsigned char>(payload[i]);
        const auto length = sequenceLength(lead);
        if (length == 0 || i + length > payload.size()) {
            return false;
        }
        if (length == 1 && ((lead < 0x20 && !isAllowedControl(lead)) || lead == 0x7F)) {
            return false;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((static_cast<unsigned char>(payload[i + k]) & 0xC0U) != 0x80U) {
                return false;
            }
        }
        i += length;
    }
    return true;
}

PayloadKind detectPayload(std::string_view payload) {
    if (payload.empty()) {
        return PayloadKind::Empty;
    }
    if (startsWith(payload, "\x89PNG\r\n\x1a\n")) {
        return PayloadKind::Png;
    }
    if (startsWith(payload, "\xFF\xD8\xFF")) {
        return PayloadKind::Jpeg;
    }
    if (startsWith(payload, "GIF87a") || startsWith(payload, "GIF89a")) {
        return PayloadKind::Gif;
    }
    if (!isText(payload)) {
        return PayloadKind::Binary;
    }
    // Only objects and arrays: "42" or "true" are text to people reading a message.
    const auto first = payload.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && (payload[first] == '{' || payload[first] == '[') &&
        nlohmann::json::accept(payload)) {
        return PayloadKind::Json;
    }
    return PayloadKind::Text;
}

bool isImage(PayloadKind kind) {
    return kind == PayloadKind::Png || kind == PayloadKind::Jpeg || kind == PayloadKind::Gif;
}

std::optional<std::string> prettyJson(std::string_view payload) {
    auto parsed = nlohmann::json::parse(payload, nullptr, false);
    if (parsed.is_discarded()) {
        return std::nullopt;
    }
    // Replace invalid UTF-8 instead of throwing: dump() must never fail on a payload.
    return parsed.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string hexDump(std::string_view payload, std::size_t maxBytes) {
    static constexpr std::array<char, 16> kDigits = {'0', '1', '2', '3', '4', '5', '6', '7',
                                                     '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    constexpr std::size_t kPerLine = 16;
    const auto shown = payload.substr(0, maxBytes);
    std::string out;
    out.reserve((shown.size() / kPerLine + 1) * 80);
    for (std::size_t line = 0; line < shown.size(); line += kPerLine) {
        for (int shift = 28; shift >= 0; shift -= 4) {
            out += kDigits[(line >> static_cast<unsigned>(shift)) & 0xFU];
        }
        out += "  ";
        std::string ascii;
        for (std::size_t i = 0; i < kPerLine; ++i) {
            if (line + i < shown.size()) {
                const auto byte = static_cast<unsigned char>(shown[line + i]);
                out += kDigits[byte >> 4U];
                out += kDigits[byte & 0xFU];
                out += ' ';
                ascii += (byte >= 0x20 && byte < 0x7F) ? static_cast<char>(byte) : '.';
            } else {
                out += "   ";
            }
            if (i == 7) {
                out += ' ';
            }
        }
        out += " |" + ascii + "|\n";
    }
    if (payload.size() > shown.size()) {
        out += "... " + std::to_string(payload.size() - shown.size()) + " more bytes\n";
    }
    return out;
}

}  // namespace sbx::inspect
