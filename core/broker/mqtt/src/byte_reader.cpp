#include "byte_reader.h"

namespace sbx::mqtt {

namespace {
constexpr std::size_t kMaxVariableByteIntegerBytes = 4;
}

VariableByteIntegerStatus decodeVariableByteInteger(std::span<const std::uint8_t> bytes,
                                                    std::uint32_t& value, std::size_t& used) {
    // Non-minimal encodings (0x80 0x00) are accepted: MQTT 3.1.1 does not forbid them
    // and the value is still unambiguous.
    std::uint32_t result = 0;
    for (std::size_t index = 0; index < kMaxVariableByteIntegerBytes; ++index) {
        if (index == bytes.size()) {
            return VariableByteIntegerStatus::Incomplete;
        }
        const std::uint8_t byte = bytes[index];
        result |= std::uint32_t{byte & 0x7Fu} << (7 * index);
        if ((byte & 0x80u) == 0) {
            value = result;
            used = index + 1;
            return VariableByteIntegerStatus::Ok;
        }
    }
    return VariableByteIntegerStatus::TooLong;
}

}  // namespace sbx::mqtt
