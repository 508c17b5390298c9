#include "byte_writer.h"

#include "sbx/mqtt/codec.h"

namespace sbx::mqtt {

void appendVariableByteInteger(std::uint32_t value, std::vector<std::uint8_t>& out) {
    // Values above the 4-byte maximum cannot be represented; they are a caller bug and
    // are capped so the output is at least a valid integer.
    if (value > kMaxVariableByteInteger) {
        value = kMaxVariableByteInteger;
    }
    do {
        auto digit = static_cast<std::uint8_t>(value & 0x7Fu);
        value >>= 7;
        if (value > 0) {
            digit |= 0x80u;
        }
        out.push_back(digit);
    } while (value > 0);
}

void ByteWriter::variableByteInteger(std::uint32_t value) {
    appendVariableByteInteger(value, out_);
}

}  // namespace sbx::mqtt
