#include "amqp_protocol.h"

#include "amqp_consumer_sink.h"
#include "broker_context.h"
#include "client_directory.h"
#include "connection_io.h"
#include "sbx/amqp/codec.h"
#include "sbx/amqp/content_header.h"
#include "sbx/amqp/protocol_header.h"

namespace sbx::broker {

namespace wire = sbx::amqp;

namespace {

std::string replyText(wire::ReplyCode code, const std::string& detail) {
    return std::string(wire::replyCodeName(code)) + " - " + detail;
}

// While blocked, how often the alarm is looked at again (the vhosts count their bytes on
// the broker's 250 ms housekeeping tick).
constexpr std::chrono::milliseconds kBlockedPoll{100};

}  // namespace

AmqpProtocol::AmqpProtocol(BrokerContext& context, std::weak_ptr<ConnectionIo> io)
    : context_(context), io_(std::move(io)), connectionId_(context.nextAmqpConnectionId()) {
    if (auto connection = io_.lock()) {
        remoteAddress_ = connection->remoteAddress();
    }
}

AmqpProtocol::~AmqpProtocol() = default;

amqp::TimePoint AmqpProtocol::now() {
    return amqp::Clock::now();
}

std::string AmqpProtocol::describePeer() const {
    return "amqp " + remoteAddress_ + (user_.empty() ? "" : " (" + user_ + ")");
}

std::size_t AmqpProtocol::consume(std::span<const std::uint8_t> bytes) {
    lastReceived_ = Clock::now();
    // A client that only publishes keeps the idle timer from firing, yet it must hear
    // from us within its heartbeat interval too.
    if (phase_ == Phase::Open && heartbeatSeconds_ > 0 &&
        lastReceived_ - lastHeartbeatSent_ >= std::chrono::seconds(heartbeatSeconds_) / 2) {
        sendHeartbeat();
    }
    std::size_t used = 0;
    if (phase_ == Phase::AwaitingHeader) {
        used = consumeProtocolHeader(bytes);
    }
    if (blocked_) {
        unblockIfDrained();
    }
    while (!blocked_ && phase_ != Phase::AwaitingHeader && phase_ != Phase::Closing &&
           phase_ != Phase::Closed) {
        // Before tune-ok settles frame-max, every peer must accept kFrameMinSize.
        const auto peek = wire::peekFrame(bytes.subspan(used), frameMax_);
        if (peek.status == wire::FrameStatus::Incomplete) {
            break;
        }
        if (peek.status == wire::FrameStatus::Malformed) {
            closeConnection(peek.error.replyCode, replyText(peek.error.replyCode, peek.error.text),
                            0, 0);
            // Nothing after a broken frame can be read.
            closeNow();
            break;
        }
        used += peek.frameSize;
        BrokerCounters::add(context_.counters.bytesReceived, peek.frameSize);
        handleFrame(peek.frame);
    }
    if (blocked_) {
        if (auto io = io_.lock()) {
            io->pauseReading();  // the rest stays in the connection's input buffer
        }
    }
    return used;
}

// As RabbitMQ's reader: the publish that finds the alarm on is taken, then the
// connection blocks.
void AmqpProtocol::blockIfAlarmed() {
    if (blocked_ || !context_.amqpMemoryAlarm.on()) {
        return;
    }
    blocked_ = true;
    context_.logMessage(LogLevel::Info, describePeer() + ": blocked (AMQP queues hold " +
                                            std::to_string(context_.amqpMemoryAlarm.heldBytes()) +
                                            " bytes)");
    if (wantsBlockedNotices_) {
        send(0, wire::ConnectionBlocked{"low on memory"});
        blockedNotified_ = true;
    }
    // The idle timer polls the alarm; heartbeats from the client go unread meanwhile.
    if (auto io = io_.lock()) {
        io->setIdleTimeout(kBlockedPoll);
    }
}

void AmqpProtocol::unblockIfDrained() {
    if (!blocked_ || context_.amqpMemoryAlarm.on()) {
        return;
    }
    blocked_ = false;
    lastReceived_ = Clock::now();
    if (blockedNotified_) {
        send(0, wire::ConnectionUnblocked{});
        blockedNotified_ = false;
    }
    if (auto io = io_.lock()) {
        io->setIdleTimeout(std::chrono::milliseconds(heartbeatSeconds_) * 1000 / 2);
        io->resumeReading();
    }
}

std::size_t AmqpProtocol::consumeProtocolHeader(std::span<const std::uint8_t> bytes) {
    switch (wire::checkProtocolHeader(bytes)) {
        case wire::ProtocolHeaderStatus::Incomplete:
            return 0;
        case wire::ProtocolHeaderStatus::Amqp091:
            phase_ = Phase::AwaitingStartOk;
            sendStart();
            return wire::kProtocolHeader.size();
        case wire::ProtocolHeaderStatus::OtherAmqpVersion:
        case wire::ProtocolHeaderStatus::NotAmqp:
            // §4.2.2: answer with the version we speak, then close. RabbitMQ does so for
            // any header it cannot use, "HTTP/1.1" included.
            if (auto io = io_.lock()) {
                io->write([](std::vector<std::uint8_t>& out) { wire::appendProtocolHeader(out); });
            }
            closeNow();
            return bytes.size();
    }
    return 0;
}

void AmqpProtocol::handleFrame(const wire::Frame& frame) {
    if (frame.type == wire::FrameType::Heartbeat) {
        return;  // its arrival already counted as activity
    }
    if (phase_ == Phase::CloseSent) {
        // §2.2.4: after connection.close only close and close-ok matter.
        if (frame.type == wire::FrameType::Method && frame.channel == 0) {
            handleMethodFrame(frame);
        }
        return;
    }
    if (frame.type == wire::FrameType::Method) {
        handleMethodFrame(frame);
        return;
    }
    handleContentFrame(frame);
}

void AmqpProtocol::handleMethodFrame(const wire::Frame& frame) {
    std::uint16_t classId = 0;
    std::uint16_t methodId = 0;
    if (frame.payload.size() >= 4) {
        classId = static_cast<std::uint16_t>((frame.payload[0] << 8) | frame.payload[1]);
        methodId = static_cast<std::uint16_t>((frame.payload[2] << 8) | frame.payload[3]);
    }
    auto decoded = wire::decodeMethodFrame(frame.payload);
    if (auto* error = std::get_if<wire::DecodeError>(&decoded)) {
        closeConnection(error->replyCode, replyText(error->replyCode, error->text), classId,
                        methodId);
        return;
    }
    auto& method = std::get<Method>(decoded);
    if (phase_ == Phase::CloseSent && classId != wire::kConnectionClass) {
        return;
    }
    if (frame.channel == 0) {
        if (classId != wire::kConnectionClass) {
            closeConnection(
                wire::ReplyCode::CommandInvalid,
                replyText(wire::ReplyCode::CommandInvalid,
                          "unexpected method on channel 0: " + std::string(wire::nameOf(method))),
                classId, methodId);
            return;
        }
        handleConnectionMethod(method);
        return;
    }
    if (phase_ != Phase::Open) {
        closeConnection(
            wire::ReplyCode::CommandInvalid,
            replyText(wire::ReplyCode::CommandInvalid,
                      "channel " + std::to_string(frame.channel) + " used before connection.open"),
            classId, methodId);
        return;
    }
    handleChannelFrameMethod(frame.channel, method);
}

void AmqpProtocol::handleContentFrame(const wire::Frame& frame) {
    auto found = channels_.find(frame.channel);
    if (phase_ != Phase::Open || found == channels_.end()) {
        closeConnection(wire::ReplyCode::UnexpectedFrame,
                        replyText(wire::ReplyCode::UnexpectedFrame,
                                  "content frame on channel " + std::to_string(frame.channel) +
                                      " without basic.publish"),
                        0, 0);
        return;
    }
    auto& channel = *found->second;
    if (channel.closing) {
        return;
    }
    const auto publishIds = std::pair{wire::BasicPublish::kClassId, wire::BasicPublish::kMethodId};
    if (!channel.publishing) {
        closeConnection(
            wire::ReplyCode::UnexpectedFrame,
            replyText(wire::ReplyCode::UnexpectedFrame, "expected method frame, got content frame"),
            0, 0);
        return;
    }
    if (frame.type == wire::FrameType::Header) {
        if (channel.header) {
            closeConnection(wire::ReplyCode::UnexpectedFrame,
                            replyText(wire::ReplyCode::UnexpectedFrame,
                                      "expected content body, got content header"),
                            publishIds.first, publishIds.second);
            return;
        }
        auto decoded = wire::decodeContentHeader(frame.payload);
        if (auto* error = std::get_if<wire::DecodeError>(&decoded)) {
            closeConnection(error->replyCode, replyText(error->replyCode, error->text),
                            publishIds.first, publishIds.second);
            return;
        }
        channel.header = std::get<wire::ContentHeader>(std::move(decoded));
        channel.body.clear();
        channel.body.reserve(static_cast<std::size_t>(
            std::min<std::uint64_t>(channel.header->bodySize, std::uint64_t{1} << 20)));
    } else {
        if (!channel.header) {
            closeConnection(wire::ReplyCode::UnexpectedFrame,
                            replyText(wire::ReplyCode::UnexpectedFrame,
                                      "expected content header, got content body"),
                            publishIds.first, publishIds.second);
            return;
        }
        channel.body.append(frame.payload.begin(), frame.payload.end());
        if (channel.body.size() > channel.header->bodySize) {
            closeConnection(wire::ReplyCode::FrameError,
                            replyText(wire::ReplyCode::FrameError,
                                      "content body exceeds the size in its header"),
                            publishIds.first, publishIds.second);
            return;
        }
    }
    if (channel.header->bodySize == channel.body.size()) {
        if (auto status = finishPublish(channel); !status) {
            raise(&channel, status.error(), publishIds.first, publishIds.second);
        }
        blockIfAlarmed();
    }
}

void AmqpProtocol::send(std::uint16_t channelNumber, const Method& method) {
    auto io = io_.lock();
    if (!io) {
        return;
    }
    io->write([&](std::vector<std::uint8_t>& out) {
        const auto before = out.size();
        wire::encodeMethodFrame(channelNumber, method, out);
        BrokerCounters::add(context_.counters.bytesSent, out.size() - before);
    });
}

void AmqpProtocol::sendHeartbeat() {
    lastHeartbeatSent_ = Clock::now();
    if (auto io = io_.lock()) {
        io->write([](std::vector<std::uint8_t>& out) { wire::encodeHeartbeatFrame(out); });
    }
}

void AmqpProtocol::raise(AmqpChannel* channel, const amqp::AmqpError& error, std::uint16_t classId,
                         std::uint16_t methodId) {
    if (channel == nullptr || amqp::closesConnection(error.code)) {
        closeConnection(error.code, error.text, classId, methodId);
        return;
    }
    closeChannel(*channel, error, classId, methodId);
}

void AmqpProtocol::closeConnection(wire::ReplyCode code, const std::string& text,
                                   std::uint16_t classId, std::uint16_t methodId) {
    if (phase_ == Phase::CloseSent || phase_ == Phase::Closing || phase_ == Phase::Closed) {
        return;
    }
    context_.logMessage(LogLevel::Info, describePeer() + ": closing the connection: " + text);
    send(0, wire::ConnectionClose{wire::toWire(code), text, classId, methodId});
    phase_ = Phase::CloseSent;
    // Channels stop working at once; the socket stays until close-ok or the timeout.
    for (auto& [number, channel] : channels_) {
        closeChannelState(*channel);
    }
    channels_.clear();
    if (auto io = io_.lock()) {
        io->setIdleTimeout(std::chrono::seconds(10));
    }
}

void AmqpProtocol::closeChannel(AmqpChannel& channel, const amqp::AmqpError& error,
                                std::uint16_t classId, std::uint16_t methodId) {
    if (channel.closing) {
        return;
    }
    send(channel.number,
         wire::ChannelClose{wire::toWire(error.code), error.text, classId, methodId});
    channel.closing = true;
    closeChannelState(channel);
}

void AmqpProtocol::closeNow() {
    if (phase_ == Phase::Closing || phase_ == Phase::Closed) {
        return;
    }
    phase_ = Phase::Closing;
    if (auto io = io_.lock()) {
        io->closeAfterWrites();
    }
}

bool AmqpProtocol::onIdleTimeout() {
    if (phase_ == Phase::Open && blocked_) {
        unblockIfDrained();
        if (blocked_) {
            if (heartbeatSeconds_ > 0 &&
                Clock::now() - lastHeartbeatSent_ >= std::chrono::seconds(heartbeatSeconds_) / 2) {
                sendHeartbeat();
            }
            if (auto io = io_.lock()) {
                io->setIdleTimeout(kBlockedPoll);
            }
        }
        return true;
    }
    if (phase_ != Phase::Open || heartbeatSeconds_ == 0) {
        // The handshake or the wait for close-ok took too long.
        closeNow();
        return false;
    }
    const auto interval = std::chrono::seconds(heartbeatSeconds_);
    if (Clock::now() - lastReceived_ >= 2 * interval) {
        context_.logMessage(LogLevel::Info, describePeer() + ": missed heartbeats; closing");
        closeNow();
        return false;
    }
    sendHeartbeat();
    if (auto io = io_.lock()) {
        io->setIdleTimeout(std::chrono::duration_cast<std::chrono::milliseconds>(interval) / 2);
    }
    return true;
}

void AmqpProtocol::onOutputWritten() {
    for (auto& [number, channel] : channels_) {
        for (auto& [tag, consumer] : channel->consumers) {
            if (consumer.sink->takeThrottled()) {
                consumer.queue->resume(consumer.id, now());
            }
        }
    }
}

void AmqpProtocol::onClosed() {
    if (phase_ == Phase::Closed) {
        return;
    }
    phase_ = Phase::Closed;
    if (clientEntry_) {
        context_.clients.remove(*clientEntry_);
    }
    for (auto& [number, channel] : channels_) {
        closeChannelState(*channel);
    }
    channels_.clear();
    if (vhost_ != nullptr) {
        vhost_->connectionClosed(connectionId_, now());
    }
}

}  // namespace sbx::broker
