#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "sbx/amqp/constants.h"
#include "sbx/amqp/decode_error.h"

namespace sbx::amqp {

// One frame as it lies in the receive buffer: the payload is a view into that buffer,
// so a body frame's bytes are not copied until the broker decides where they go.
struct Frame {
    FrameType type = FrameType::Heartbeat;
    std::uint16_t channel = 0;
    std::span<const std::uint8_t> payload;
};

enum class FrameStatus { Complete, Incomplete, Malformed };

struct FramePeek {
    FrameStatus status = FrameStatus::Incomplete;
    Frame frame;                // filled in when Complete
    std::size_t frameSize = 0;  // bytes the whole frame takes (header, payload, frame end)
    DecodeError error;          // filled in when Malformed
};

// Looks at the start of `bytes` (after the protocol header). Complete when a whole frame
// is there; Incomplete when more bytes are needed; Malformed (FRAME_ERROR, a connection
// error) for an unknown frame type, a frame larger than `maxFrameSize` (header and frame
// end included, as frame-max counts them), a heartbeat that is not on channel 0 or has a
// payload, or a frame-end octet that is not 0xCE. Type and size are refused as soon as
// the header is there, so a peer cannot make the broker buffer an oversized frame.
// `maxFrameSize` 0 means no limit (tune's frame-max 0). Never reads past `bytes`.
[[nodiscard]] FramePeek peekFrame(std::span<const std::uint8_t> bytes, std::uint32_t maxFrameSize);

// Appends one whole frame around `payload`.
void encodeFrame(FrameType type, std::uint16_t channel, std::span<const std::uint8_t> payload,
                 std::vector<std::uint8_t>& out);

void encodeHeartbeatFrame(std::vector<std::uint8_t>& out);

// Appends `body` as body frames of at most `frameMax` bytes each (so at most
// frameMax - 8 payload bytes); nothing for an empty body, as the spec sends none.
// `frameMax` 0 means no limit; values below kFrameMinSize are raised to it.
void encodeBodyFrames(std::uint16_t channel, std::span<const std::uint8_t> body,
                      std::uint32_t frameMax, std::vector<std::uint8_t>& out);

// For encoders that write a payload in place: appends the frame header with a zero size
// and returns where the payload starts; finishFrame writes the size and the frame end.
[[nodiscard]] std::size_t beginFrame(FrameType type, std::uint16_t channel,
                                     std::vector<std::uint8_t>& out);
void finishFrame(std::size_t payloadStart, std::vector<std::uint8_t>& out);

}  // namespace sbx::amqp
