#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "field_codec_internal.h"
#include "wire_reader.h"

namespace sbx::amqp {

// Decodes method arguments for describe(). Consecutive bits share an octet, low bit
// first (§4.2.5.2); any other field closes the octet. After the first failure the rest
// of the fields are skipped and finish() reports it.
class MethodFieldReader {
public:
    MethodFieldReader(std::span<const std::uint8_t> arguments, std::string_view methodName)
        : reader_(arguments), methodName_(methodName) {}

    void octet(std::uint8_t& value) { check(startField() && reader_.octet(value)); }
    void shortUint(std::uint16_t& value) { check(startField() && reader_.shortUint(value)); }
    void longUint(std::uint32_t& value) { check(startField() && reader_.longUint(value)); }
    void longLongUint(std::uint64_t& value) { check(startField() && reader_.longLongUint(value)); }
    void shortString(std::string& value) { check(startField() && reader_.shortString(value)); }
    void longString(std::string& value) { check(startField() && reader_.longString(value)); }
    void table(FieldTable& value) {
        if (startField()) {
            failure_ = readFieldTable(reader_, value, 1);
        }
    }
    void bit(bool& value) {
        if (failure_) {
            return;
        }
        if (bitIndex_ == kNoOpenOctet) {
            if (!reader_.octet(bits_)) {
                check(false);
                return;
            }
            bitIndex_ = 0;
        }
        value = ((bits_ >> bitIndex_) & 1u) != 0;
        bitIndex_ = bitIndex_ == 7 ? kNoOpenOctet : bitIndex_ + 1;
    }

    // The decoding outcome: the first failure, or bytes left after the last argument.
    [[nodiscard]] Failure finish() {
        if (!failure_ && !reader_.atEnd()) {
            failure_ =
                frameError("cannot decode " + std::string(methodName_) + ": " +
                           std::to_string(reader_.remaining()) + " bytes after its last argument");
        }
        return std::move(failure_);
    }

private:
    static constexpr unsigned kNoOpenOctet = 8;

    [[nodiscard]] bool startField() {
        bitIndex_ = kNoOpenOctet;
        return !failure_;
    }
    void check(bool ok) {
        if (!ok && !failure_) {
            failure_ = frameError("cannot decode " + std::string(methodName_) +
                                  ": its arguments end early");
        }
    }

    WireReader reader_;
    std::string_view methodName_;
    Failure failure_;
    std::uint8_t bits_ = 0;
    unsigned bitIndex_ = kNoOpenOctet;
};

}  // namespace sbx::amqp
