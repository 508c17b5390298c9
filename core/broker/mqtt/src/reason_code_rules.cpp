#include "reason_code_rules.h"

#include <algorithm>
#include <initializer_list>

namespace sbx::mqtt {

namespace {

bool isOneOf(std::uint8_t code, std::initializer_list<std::uint8_t> allowed) {
    return std::find(allowed.begin(), allowed.end(), code) != allowed.end();
}

}  // namespace

bool isReasonCodeAllowedV5(PacketType type, std::uint8_t code) {
    switch (type) {
        case PacketType::Connack:
            return isOneOf(code,
                           {0x00, 0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
                            0x8A, 0x8C, 0x90, 0x95, 0x97, 0x99, 0x9A, 0x9B, 0x9C, 0x9D, 0x9F});
        case PacketType::Puback:
        case PacketType::Pubrec:
            return isOneOf(code, {0x00, 0x10, 0x80, 0x83, 0x87, 0x90, 0x91, 0x97, 0x99});
        case PacketType::Pubrel:
        case PacketType::Pubcomp:
            return isOneOf(code, {0x00, 0x92});
        case PacketType::Suback:
            return isOneOf(
                code, {0x00, 0x01, 0x02, 0x80, 0x83, 0x87, 0x8F, 0x91, 0x97, 0x9E, 0xA1, 0xA2});
        case PacketType::Unsuback:
            return isOneOf(code, {0x00, 0x11, 0x80, 0x83, 0x87, 0x8F, 0x91});
        case PacketType::Disconnect:
            return isOneOf(code, {0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x87, 0x89, 0x8B, 0x8D,
                                  0x8E, 0x8F, 0x90, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99,
                                  0x9A, 0x9B, 0x9C, 0x9D, 0x9E, 0x9F, 0xA0, 0xA1, 0xA2});
        case PacketType::Auth:
            return isOneOf(code, {0x00, 0x18, 0x19});
        default:
            return false;
    }
}

bool isConnectReturnCode311(std::uint8_t code) {
    return code <= 5;
}

bool isSubackReturnCode311(std::uint8_t code) {
    return code <= 2 || code == 0x80;
}

}  // namespace sbx::mqtt
