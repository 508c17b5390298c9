#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sbx::amqp {

// Frame types (AMQP 0-9-1 §4.2.3). RabbitMQ refuses any other type with FRAME_ERROR.
enum class FrameType : std::uint8_t { Method = 1, Header = 2, Body = 3, Heartbeat = 8 };

inline constexpr std::uint8_t kFrameEnd = 0xCE;
// Type (1), channel (2), payload size (4).
inline constexpr std::size_t kFrameHeaderSize = 7;
// Header plus the frame-end octet: what a frame costs beyond its payload.
inline constexpr std::size_t kFrameOverhead = kFrameHeaderSize + 1;
// Every peer must accept frames this large, also before connection.tune settles frame-max.
inline constexpr std::uint32_t kFrameMinSize = 4096;
// RabbitMQ's default frame_max (128 KiB).
inline constexpr std::uint32_t kDefaultFrameMax = 131'072;

// Class ids of the classes RabbitMQ clients use (access, 30, is deprecated and not used).
inline constexpr std::uint16_t kConnectionClass = 10;
inline constexpr std::uint16_t kChannelClass = 20;
inline constexpr std::uint16_t kExchangeClass = 40;
inline constexpr std::uint16_t kQueueClass = 50;
inline constexpr std::uint16_t kBasicClass = 60;
inline constexpr std::uint16_t kConfirmClass = 85;
inline constexpr std::uint16_t kTxClass = 90;

inline constexpr std::size_t kMaxShortStringSize = 255;
// How deep field tables and arrays may nest inside each other before the decoder refuses
// them; the wire format has no limit, but recursion on untrusted input needs one.
inline constexpr std::size_t kMaxFieldNesting = 64;

// Reply codes (AMQP 0-9-1 §1.2 constants, as RabbitMQ uses them).
enum class ReplyCode : std::uint16_t {
    ReplySuccess = 200,
    ContentTooLarge = 311,
    NoRoute = 312,
    NoConsumers = 313,
    ConnectionForced = 320,
    InvalidPath = 402,
    AccessRefused = 403,
    NotFound = 404,
    ResourceLocked = 405,
    PreconditionFailed = 406,
    FrameError = 501,
    SyntaxError = 502,
    CommandInvalid = 503,
    ChannelError = 504,
    UnexpectedFrame = 505,
    ResourceError = 506,
    NotAllowed = 530,
    NotImplemented = 540,
    InternalError = 541,
};

// True for the spec's "hard-error" codes, which close the whole connection
// (connection.close); the "soft-error" codes close only the channel (channel.close).
// 200 is neither and answers false.
[[nodiscard]] bool isConnectionError(ReplyCode code);
[[nodiscard]] bool isChannelError(ReplyCode code);

// "NOT_FOUND", "FRAME_ERROR", ...: the prefix RabbitMQ puts in reply-text
// ("NOT_FOUND - no queue 'q' in vhost '/'"). Unknown codes give "UNKNOWN".
[[nodiscard]] std::string_view replyCodeName(ReplyCode code);

// The numeric code as it goes on the wire (channel.close reply-code is a short).
[[nodiscard]] constexpr std::uint16_t toWire(ReplyCode code) {
    return static_cast<std::uint16_t>(code);
}

}  // namespace sbx::amqp
