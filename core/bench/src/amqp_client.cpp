#include "amqp_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>
#include <cctype>
#include <chrono>
#include <cstring>

#include "sbx/amqp/codec.h"
#include "sbx/amqp/constants.h"
#include "sbx/amqp/frame.h"
#include "sbx/amqp/protocol_header.h"

namespace sbx::bench {

namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

constexpr std::size_t kReadChunk = std::size_t{64} * 1024;
constexpr auto kCloseGrace = std::chrono::seconds(2);
// Class id, weight and body size lead a content header (§4.2.6.1).
constexpr std::size_t kBodySizeOffset = 4;
constexpr std::size_t kHeaderFixedSize = 14;

// "Connection refused" -> "connection refused", to read well after a colon.
std::string describe(const boost::system::error_code& error) {
    auto text = error.message();
    if (!text.empty()) {
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    }
    return text;
}

std::uint64_t readUint64(std::span<const std::uint8_t> bytes) {
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < 8; ++i) {
        value = (value << 8) | bytes[i];
    }
    return value;
}

amqp::FieldTable clientProperties(const AmqpClientSettings& settings) {
    amqp::FieldTable capabilities;
    capabilities.set("publisher_confirms", amqp::FieldValue(true));
    capabilities.set("basic.nack", amqp::FieldValue(true));
    capabilities.set("authentication_failure_close", amqp::FieldValue(true));
    amqp::FieldTable properties;
    properties.set("product", amqp::FieldValue(std::string("sbx bench amqp")));
    properties.set("connection_name", amqp::FieldValue(settings.connectionName));
    properties.set("capabilities", amqp::FieldValue(std::move(capabilities)));
    return properties;
}

std::string describeClose(std::uint16_t code, const std::string& text) {
    return std::to_string(code) + " " + text;
}

}  // namespace

AmqpClient::AmqpClient(asio::io_context& io, AmqpClientSettings settings,
                       AmqpClientListener& listener)
    : strand_(asio::make_strand(io)),
      socket_(strand_),
      timer_(strand_),
      settings_(std::move(settings)),
      listener_(listener),
      readBuffer_(kReadChunk) {}

void AmqpClient::connect(const Endpoints& endpoints, std::function<void(Status)> done) {
    connectDone_ = std::move(done);
    timer_.expires_after(std::chrono::milliseconds(
        static_cast<std::int64_t>(settings_.connectTimeoutSeconds * 1000)));
    timer_.async_wait([this](const boost::system::error_code& error) {
        if (!error && connectDone_) {
            finish("timed out after " + std::to_string(settings_.connectTimeoutSeconds) + " s");
        }
    });
    asio::async_connect(socket_, endpoints,
                        [this](const boost::system::error_code& error, const tcp::endpoint&) {
                            onConnected(error);
                        });
}

void AmqpClient::onConnected(const boost::system::error_code& error) {
    if (error) {
        finish(describe(error));
        return;
    }
    boost::system::error_code ignored;
    socket_.set_option(tcp::no_delay(true), ignored);
    amqp::appendProtocolHeader(pending_);
    flush();
    readMore();
}

void AmqpClient::call(const amqp::Method& method, std::function<void(Result<amqp::Method>)> done) {
    if (closed_) {
        done(Error{ErrorCode::IoError, "the connection is closed"});
        return;
    }
    calls_.push_back(std::move(done));
    send(method);
    flush();
}

void AmqpClient::send(const amqp::Method& method) {
    amqp::encodeMethodFrame(kChannel, method, pending_);
}

void AmqpClient::readMore() {
    if (readBuffer_.size() - readEnd_ < kReadChunk / 4) {
        // Move the unparsed tail to the front, and grow only for a frame that needs it.
        std::memmove(readBuffer_.data(), readBuffer_.data() + readStart_, readEnd_ - readStart_);
        readEnd_ -= readStart_;
        readStart_ = 0;
        if (readBuffer_.size() - readEnd_ < kReadChunk / 4) {
            readBuffer_.resize(readBuffer_.size() * 2);
        }
    }
    socket_.async_read_some(
        asio::buffer(readBuffer_.data() + readEnd_, readBuffer_.size() - readEnd_),
        [this](const boost::system::error_code& error, std::size_t size) { onRead(error, size); });
}

void AmqpClient::onRead(const boost::system::error_code& error, std::size_t size) {
    if (error) {
        finish(error == asio::error::eof ? "the broker closed the connection" : describe(error));
        return;
    }
    readEnd_ += size;
    if (!processFrames()) {
        return;
    }
    listener_.onReadHandled();
    flush();  // acknowledgements queued while parsing go out in one write
    if (!closed_) {
        readMore();
    }
}

bool AmqpClient::processFrames() {
    while (!closed_) {
        const std::span<const std::uint8_t> bytes(readBuffer_.data() + readStart_,
                                                  readEnd_ - readStart_);
        const auto peek = amqp::peekFrame(bytes, 0);
        if (peek.status == amqp::FrameStatus::Incomplete) {
            return true;
        }
        if (peek.status == amqp::FrameStatus::Malformed) {
            finish("malformed frame from the broker: " + peek.error.text);
            return false;
        }
        const auto& frame = peek.frame;
        switch (frame.type) {
            case amqp::FrameType::Method:
                onMethod(frame.channel, frame.payload);
                break;
            case amqp::FrameType::Header:
                onHeader(frame.payload);
                break;
            case amqp::FrameType::Body:
                onBody(frame.payload);
                break;
            case amqp::FrameType::Heartbeat:
                break;  // we asked for none; a broker that sends them anyway needs no answer
        }
        readStart_ += peek.frameSize;
    }
    return false;
}

void AmqpClient::onMethod(std::uint16_t channel, std::span<const std::uint8_t> payload) {
    auto decoded = amqp::decodeMethodFrame(payload);
    if (auto* failure = std::get_if<amqp::DecodeError>(&decoded)) {
        finish("the broker sent a method we cannot decode: " + failure->text);
        return;
    }
    auto& method = std::get<amqp::Method>(decoded);
    if (channel == 0) {
        onConnectionMethod(std::move(method));
    } else {
        onChannelMethod(std::move(method));
    }
}

void AmqpClient::onConnectionMethod(amqp::Method&& method) {
    if (std::holds_alternative<amqp::ConnectionStart>(method)) {
        amqp::ConnectionStartOk startOk;
        startOk.clientProperties = clientProperties(settings_);
        startOk.response = std::string(1, '\0') + settings_.user + '\0' + settings_.password;
        amqp::encodeMethodFrame(0, startOk, pending_);
    } else if (auto* tune = std::get_if<amqp::ConnectionTune>(&method)) {
        answerTune(*tune);
    } else if (std::holds_alternative<amqp::ConnectionOpenOk>(method)) {
        amqp::encodeMethodFrame(kChannel, amqp::ChannelOpen{}, pending_);
    } else if (auto* close = std::get_if<amqp::ConnectionClose>(&method)) {
        amqp::encodeMethodFrame(0, amqp::ConnectionCloseOk{}, pending_);
        flush();
        finish("the broker closed the connection: " +
               describeClose(close->replyCode, close->replyText));
    } else if (std::holds_alternative<amqp::ConnectionCloseOk>(method)) {
        finish("closed");
    }
    // connection.blocked / unblocked: the broker stops reading us; nothing to answer.
}

void AmqpClient::answerTune(const amqp::ConnectionTune& tune) {
    frameMax_ = tune.frameMax == 0 ? amqp::kDefaultFrameMax : tune.frameMax;
    amqp::ConnectionTuneOk tuneOk;
    tuneOk.channelMax = tune.channelMax;
    tuneOk.frameMax = frameMax_;
    tuneOk.heartbeat = 0;  // a run is short and busy; heartbeats would only add noise
    amqp::encodeMethodFrame(0, tuneOk, pending_);
    amqp::ConnectionOpen open;
    open.virtualHost = settings_.vhost;
    amqp::encodeMethodFrame(0, open, pending_);
}

void AmqpClient::onChannelMethod(amqp::Method&& method) {
    if (auto* deliver = std::get_if<amqp::BasicDeliver>(&method)) {
        content_ = Content::AwaitingHeader;
        deliveryTag_ = deliver->deliveryTag;
    } else if (auto* ack = std::get_if<amqp::BasicAck>(&method)) {
        listener_.onConfirm(ack->deliveryTag, ack->multiple, true);
    } else if (auto* nack = std::get_if<amqp::BasicNack>(&method)) {
        listener_.onConfirm(nack->deliveryTag, nack->multiple, false);
    } else if (std::holds_alternative<amqp::ChannelOpenOk>(method)) {
        if (connectDone_) {
            timer_.cancel();
            auto done = std::move(connectDone_);
            connectDone_ = nullptr;
            done(Status{});
        }
    } else if (auto* close = std::get_if<amqp::ChannelClose>(&method)) {
        send(amqp::ChannelCloseOk{});
        flush();
        finish("the broker closed the channel: " +
               describeClose(close->replyCode, close->replyText));
    } else if (std::holds_alternative<amqp::BasicCancel>(method) ||
               std::holds_alternative<amqp::ChannelFlow>(method)) {
        // Not announced as capabilities, so not expected; nothing to do for a benchmark.
    } else {
        completeCall(std::move(method));
    }
}

// The body size is all a benchmark needs from the header: read it where it always lies
// rather than decoding properties (streams add a header table to every message).
void AmqpClient::onHeader(std::span<const std::uint8_t> payload) {
    if (content_ != Content::AwaitingHeader || payload.size() < kHeaderFixedSize) {
        finish("unexpected content header from the broker");
        return;
    }
    bodySize_ = readUint64(payload.subspan(kBodySizeOffset));
    content_ = Content::AwaitingBody;
    body_.clear();
    if (bodySize_ == 0) {
        deliver({});
    }
}

void AmqpClient::onBody(std::span<const std::uint8_t> payload) {
    if (content_ != Content::AwaitingBody) {
        finish("unexpected body frame from the broker");
        return;
    }
    if (body_.empty() && payload.size() == bodySize_) {
        deliver(payload);  // the common case: the whole body in one frame, no copy
        return;
    }
    body_.insert(body_.end(), payload.begin(), payload.end());
    if (body_.size() >= bodySize_) {
        deliver(body_);
    }
}

void AmqpClient::deliver(std::span<const std::uint8_t> body) {
    content_ = Content::None;
    listener_.onDelivery(deliveryTag_, body);
}

void AmqpClient::completeCall(Result<amqp::Method> reply) {
    if (calls_.empty()) {
        return;  // a reply nobody waits for (a late cancel-ok): harmless
    }
    auto done = std::move(calls_.front());
    calls_.pop_front();
    done(std::move(reply));
}

void AmqpClient::flush() {
    if (writeInFlight_ || pending_.empty() || closed_) {
        return;
    }
    writing_.clear();
    std::swap(writing_, pending_);
    writeInFlight_ = true;
    asio::async_write(
        socket_, asio::buffer(writing_),
        [this](const boost::system::error_code& error, std::size_t) { onWritten(error); });
}

void AmqpClient::onWritten(const boost::system::error_code& error) {
    writeInFlight_ = false;
    if (error) {
        finish(describe(error));
        return;
    }
    if (!closing_) {
        listener_.onWritable();
    }
    flush();
}

void AmqpClient::close() {
    if (closed_ || closing_) {
        return;
    }
    closing_ = true;
    amqp::ConnectionClose close;
    close.replyCode = 200;
    close.replyText = "Goodbye";
    amqp::encodeMethodFrame(0, close, pending_);
    flush();
    timer_.cancel();
    timer_.expires_after(kCloseGrace);
    timer_.async_wait([this](const boost::system::error_code& error) {
        if (!error) {
            finish("the broker did not answer connection.close");
        }
    });
}

void AmqpClient::finish(const std::string& reason) {
    if (closed_) {
        return;
    }
    closed_ = true;
    boost::system::error_code ignored;
    timer_.cancel();
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
    failPendingSteps(reason);
    const bool expected = closing_ && reason == "closed";
    listener_.onClosed(expected, reason);
}

void AmqpClient::failPendingSteps(const std::string& reason) {
    if (connectDone_) {
        auto done = std::move(connectDone_);
        connectDone_ = nullptr;
        done(
            Error{ErrorCode::IoError, "cannot connect to " + settings_.brokerName + ": " + reason});
    }
    auto calls = std::move(calls_);
    calls_.clear();
    for (auto& done : calls) {
        done(Error{ErrorCode::IoError, reason});
    }
}

}  // namespace sbx::bench
