#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "sbx/bench/payload_stamp.h"

namespace sbx::bench {

// One basic.publish with its content header and body frames, encoded once by the AMQP
// codec and then stamped in place for every message: only the first 16 body bytes
// change between messages.
class AmqpPublishTemplate {
public:
    AmqpPublishTemplate(std::uint16_t channel, const std::string& exchange,
                        const std::string& routingKey, std::size_t payloadSize, bool persistent,
                        std::uint32_t frameMax);

    // Appends one message with this stamp to `out`.
    void appendTo(std::vector<std::uint8_t>& out, const PayloadStamp& stamp) const;

    [[nodiscard]] std::size_t size() const { return bytes_.size(); }

private:
    std::vector<std::uint8_t> bytes_;
    std::size_t payloadOffset_ = 0;
};

}  // namespace sbx::bench
