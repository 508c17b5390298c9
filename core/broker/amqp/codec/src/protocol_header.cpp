#include "sbx/amqp/protocol_header.h"

#include <algorithm>

namespace sbx::amqp {

namespace {
constexpr std::size_t kProtocolNameSize = 4;  // "AMQP"
}

ProtocolHeaderStatus checkProtocolHeader(std::span<const std::uint8_t> bytes) {
    const auto nameBytes = std::min(bytes.size(), kProtocolNameSize);
    if (!std::equal(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(nameBytes),
                    kProtocolHeader.begin())) {
        return ProtocolHeaderStatus::NotAmqp;
    }
    if (bytes.size() < kProtocolHeader.size()) {
        return ProtocolHeaderStatus::Incomplete;
    }
    return std::equal(kProtocolHeader.begin(), kProtocolHeader.end(), bytes.begin())
               ? ProtocolHeaderStatus::Amqp091
               : ProtocolHeaderStatus::OtherAmqpVersion;
}

void appendProtocolHeader(std::vector<std::uint8_t>& out) {
    out.insert(out.end(), kProtocolHeader.begin(), kProtocolHeader.end());
}

}  // namespace sbx::amqp
