#include "utf8.h"

#include <cstdint>

#include "sbx/mqtt/codec.h"

namespace sbx::mqtt {

namespace {

bool isContinuation(std::uint8_t byte) {
    return (byte & 0xC0u) == 0x80u;
}

// The allowed range of the second byte depends on the lead byte; this is what rules out
// overlong forms, surrogates and code points above U+10FFFF (RFC 3629 §4).
struct LeadRule {
    std::size_t length;
    std::uint8_t secondMin;
    std::uint8_t secondMax;
};

bool leadRuleFor(std::uint8_t lead, LeadRule& rule) {
    if (lead >= 0xC2 && lead <= 0xDF) {
        rule = {2, 0x80, 0xBF};
    } else if (lead == 0xE0) {
        rule = {3, 0xA0, 0xBF};
    } else if (lead == 0xED) {
        rule = {3, 0x80, 0x9F};  // 0xA0.. would be a surrogate
    } else if (lead >= 0xE1 && lead <= 0xEF) {
        rule = {3, 0x80, 0xBF};
    } else if (lead == 0xF0) {
        rule = {4, 0x90, 0xBF};
    } else if (lead >= 0xF1 && lead <= 0xF3) {
        rule = {4, 0x80, 0xBF};
    } else if (lead == 0xF4) {
        rule = {4, 0x80, 0x8F};
    } else {
        return false;
    }
    return true;
}

std::string_view describeBadSecond(std::uint8_t lead, std::uint8_t second) {
    if (!isContinuation(second)) {
        return "truncated multi-byte sequence";
    }
    if (lead == 0xED) {
        return "surrogate code point (U+D800..U+DFFF)";
    }
    if (lead == 0xF4) {
        return "code point above U+10FFFF";
    }
    return "overlong encoding";
}

}  // namespace

bool checkUtf8String(std::string_view text, Utf8Problem& problem) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(text.data());
    const std::size_t size = text.size();
    std::size_t index = 0;
    while (index < size) {
        const std::uint8_t lead = bytes[index];
        if (lead < 0x80u) {
            if (lead == 0) {
                problem = {index, "U+0000 is not allowed"};
                return false;
            }
            ++index;
            continue;
        }
        LeadRule rule{};
        if (!leadRuleFor(lead, rule)) {
            problem = {index, isContinuation(lead) ? "unexpected continuation byte"
                                                   : "invalid or overlong lead byte"};
            return false;
        }
        if (size - index < rule.length) {
            problem = {index, "truncated multi-byte sequence"};
            return false;
        }
        const std::uint8_t second = bytes[index + 1];
        if (second < rule.secondMin || second > rule.secondMax) {
            problem = {index, describeBadSecond(lead, second)};
            return false;
        }
        for (std::size_t next = 2; next < rule.length; ++next) {
            if (!isContinuation(bytes[index + next])) {
                problem = {index, "truncated multi-byte sequence"};
                return false;
            }
        }
        index += rule.length;
    }
    return true;
}

bool isValidUtf8String(std::string_view text) {
    Utf8Problem ignored;
    return text.size() <= 0xFFFF && checkUtf8String(text, ignored);
}

}  // namespace sbx::mqtt
