#include "sbx/amqp/frame.h"

#include <algorithm>
#include <string>

#include "wire_reader.h"
#include "wire_writer.h"

namespace sbx::amqp {

namespace {

bool isKnownFrameType(std::uint8_t type) {
    switch (static_cast<FrameType>(type)) {
        case FrameType::Method:
        case FrameType::Header:
        case FrameType::Body:
        case FrameType::Heartbeat:
            return true;
    }
    return false;
}

FramePeek malformed(std::string text) {
    FramePeek peek;
    peek.status = FrameStatus::Malformed;
    peek.error = DecodeError{ReplyCode::FrameError, std::move(text)};
    return peek;
}

// Checks what the seven header octets already tell, before the payload has arrived.
FramePeek checkHeader(std::uint8_t type, std::uint16_t channel, std::uint32_t payloadSize,
                      std::uint32_t maxFrameSize) {
    const std::uint64_t frameSize = std::uint64_t{payloadSize} + kFrameOverhead;
    if (maxFrameSize != 0 && frameSize > maxFrameSize) {
        return malformed("frame of " + std::to_string(frameSize) +
                         " bytes is larger than frame-max " + std::to_string(maxFrameSize));
    }
    if (static_cast<FrameType>(type) == FrameType::Heartbeat &&
        (channel != 0 || payloadSize != 0)) {
        return malformed("heartbeat frame on channel " + std::to_string(channel) + " with " +
                         std::to_string(payloadSize) + " payload bytes (must be channel 0, empty)");
    }
    return {};
}

}  // namespace

FramePeek peekFrame(std::span<const std::uint8_t> bytes, std::uint32_t maxFrameSize) {
    if (bytes.empty()) {
        return {};
    }
    const std::uint8_t type = bytes[0];
    if (!isKnownFrameType(type)) {
        return malformed("unknown frame type " + std::to_string(type));
    }
    if (bytes.size() < kFrameHeaderSize) {
        return {};
    }
    WireReader header(bytes.subspan(1, kFrameHeaderSize - 1));
    std::uint16_t channel = 0;
    std::uint32_t payloadSize = 0;
    (void)header.shortUint(channel);
    (void)header.longUint(payloadSize);
    if (auto refused = checkHeader(type, channel, payloadSize, maxFrameSize);
        refused.status == FrameStatus::Malformed) {
        return refused;
    }
    const std::uint64_t frameSize = std::uint64_t{payloadSize} + kFrameOverhead;
    if (bytes.size() < frameSize) {
        return {};
    }
    if (bytes[frameSize - 1] != kFrameEnd) {
        return malformed("frame end octet is " + std::to_string(bytes[frameSize - 1]) +
                         ", not 206 (0xCE)");
    }
    FramePeek peek;
    peek.status = FrameStatus::Complete;
    peek.frame =
        Frame{static_cast<FrameType>(type), channel, bytes.subspan(kFrameHeaderSize, payloadSize)};
    peek.frameSize = static_cast<std::size_t>(frameSize);
    return peek;
}

std::size_t beginFrame(FrameType type, std::uint16_t channel, std::vector<std::uint8_t>& out) {
    WireWriter writer(out);
    writer.octet(static_cast<std::uint8_t>(type));
    writer.shortUint(channel);
    writer.longUint(0);
    return out.size();
}

void finishFrame(std::size_t payloadStart, std::vector<std::uint8_t>& out) {
    WireWriter writer(out);
    writer.patchLongUint(payloadStart - 4, static_cast<std::uint32_t>(out.size() - payloadStart));
    writer.octet(kFrameEnd);
}

void encodeFrame(FrameType type, std::uint16_t channel, std::span<const std::uint8_t> payload,
                 std::vector<std::uint8_t>& out) {
    out.reserve(out.size() + payload.size() + kFrameOverhead);
    const auto payloadStart = beginFrame(type, channel, out);
    out.insert(out.end(), payload.begin(), payload.end());
    finishFrame(payloadStart, out);
}

void encodeHeartbeatFrame(std::vector<std::uint8_t>& out) {
    encodeFrame(FrameType::Heartbeat, 0, {}, out);
}

void encodeBodyFrames(std::uint16_t channel, std::span<const std::uint8_t> body,
                      std::uint32_t frameMax, std::vector<std::uint8_t>& out) {
    if (body.empty()) {
        return;
    }
    const std::size_t limit = frameMax == 0 ? std::size_t{0xFFFF'FFFFu} + kFrameOverhead
                                            : std::max(frameMax, kFrameMinSize);
    const std::size_t chunk = limit - kFrameOverhead;
    const std::size_t frames = (body.size() + chunk - 1) / chunk;
    out.reserve(out.size() + body.size() + frames * kFrameOverhead);
    for (std::size_t offset = 0; offset < body.size(); offset += chunk) {
        encodeFrame(FrameType::Body, channel,
                    body.subspan(offset, std::min(chunk, body.size() - offset)), out);
    }
}

}  // namespace sbx::amqp
