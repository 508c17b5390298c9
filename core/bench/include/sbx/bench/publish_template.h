#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sbx/bench/payload_stamp.h"
#include "sbx/mqtt/packets.h"

namespace sbx::bench {

// One PUBLISH encoded once by the codec, then stamped in place for every message: a
// publisher sends hundreds of thousands a second, and only the packet id and the first
// 16 payload bytes change between them.
class PublishTemplate {
public:
    PublishTemplate(std::string topic, std::size_t payloadSize, std::uint8_t qos,
                    mqtt::ProtocolVersion version);

    // Appends one message with this stamp (and packet id, for QoS 1 and 2) to `out`.
    void appendTo(std::vector<std::uint8_t>& out, const PayloadStamp& stamp,
                  std::uint16_t packetId) const;

    [[nodiscard]] std::size_t size() const { return bytes_.size(); }

private:
    std::vector<std::uint8_t> bytes_;
    std::size_t packetIdOffset_ = 0;  // 0 for QoS 0
    std::size_t payloadOffset_ = 0;
};

}  // namespace sbx::bench
