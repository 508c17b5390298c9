#include "sbx/bench/publish_template.h"

#include "sbx/mqtt/codec.h"

namespace sbx::bench {

PublishTemplate::PublishTemplate(std::string topic, std::size_t payloadSize, std::uint8_t qos,
                                 mqtt::ProtocolVersion version) {
    mqtt::Publish publish;
    const auto topicSize = topic.size();
    publish.topic = std::move(topic);
    publish.payload.assign(payloadSize, 'x');
    publish.qos = qos;
    publish.packetId = qos > 0 ? 1 : 0;
    mqtt::encodePacket(publish, version, bytes_);

    // The variable header follows the fixed header: topic (2-byte length + bytes), then
    // the packet id when QoS > 0 (MQTT 5 §3.3.2); the payload is always last.
    mqtt::FrameHeader header;
    if (mqtt::peekFrame(bytes_, header) == mqtt::FrameStatus::Complete && qos > 0) {
        packetIdOffset_ = header.headerSize + 2 + topicSize;
    }
    payloadOffset_ = bytes_.size() - payloadSize;
}

void PublishTemplate::appendTo(std::vector<std::uint8_t>& out, const PayloadStamp& stamp,
                               std::uint16_t packetId) const {
    const auto start = out.size();
    out.insert(out.end(), bytes_.begin(), bytes_.end());
    if (packetIdOffset_ != 0) {
        out[start + packetIdOffset_] = static_cast<std::uint8_t>(packetId >> 8);
        out[start + packetIdOffset_ + 1] = static_cast<std::uint8_t>(packetId & 0xFF);
    }
    writeStamp(stamp,
               std::span<std::uint8_t>(out).subspan(start + payloadOffset_, kPayloadStampSize));
}

}  // namespace sbx::bench
