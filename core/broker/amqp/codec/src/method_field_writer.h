#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "field_codec_internal.h"
#include "wire_writer.h"

namespace sbx::amqp {

// Encodes method arguments for describe(), packing consecutive bits into one octet the
// way MethodFieldReader unpacks them.
class MethodFieldWriter {
public:
    explicit MethodFieldWriter(WireWriter& writer) : writer_(writer) {}

    void octet(std::uint8_t value) {
        closeBits();
        writer_.octet(value);
    }
    void shortUint(std::uint16_t value) {
        closeBits();
        writer_.shortUint(value);
    }
    void longUint(std::uint32_t value) {
        closeBits();
        writer_.longUint(value);
    }
    void longLongUint(std::uint64_t value) {
        closeBits();
        writer_.longLongUint(value);
    }
    void shortString(std::string_view value) {
        closeBits();
        writer_.shortString(value);
    }
    void longString(std::string_view value) {
        closeBits();
        writer_.longString(value);
    }
    void table(const FieldTable& value) {
        closeBits();
        writeFieldTable(value, writer_);
    }
    void bit(bool value) {
        if (bitIndex_ == kNoOpenOctet) {
            bitsAt_ = writer_.size();
            writer_.octet(0);
            bitIndex_ = 0;
        }
        if (value) {
            writer_.buffer()[bitsAt_] |= static_cast<std::uint8_t>(1u << bitIndex_);
        }
        bitIndex_ = bitIndex_ == 7 ? kNoOpenOctet : bitIndex_ + 1;
    }

private:
    static constexpr unsigned kNoOpenOctet = 8;

    void closeBits() { bitIndex_ = kNoOpenOctet; }

    WireWriter& writer_;
    std::size_t bitsAt_ = 0;
    unsigned bitIndex_ = kNoOpenOctet;
};

}  // namespace sbx::amqp
