#include "amqp_client.h"

#include <span>

#include "sbx/amqp/codec.h"
#include "sbx/amqp/content_header.h"
#include "sbx/amqp/frame.h"
#include "sbx/amqp/protocol_header.h"
#include "sbx/connect/network_stream.h"

namespace sbx::rabbitmq {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

milliseconds remaining(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline - Clock::now());
    return left.count() > 0 ? left : milliseconds(0);
}

std::span<const std::uint8_t> bytesOf(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()), text.size()};
}

// What a channel.close or connection.close reply code means for the caller.
ErrorCode codeForReply(std::uint16_t replyCode) {
    switch (static_cast<amqp::ReplyCode>(replyCode)) {
        case amqp::ReplyCode::NotFound:
            return ErrorCode::NotFound;
        case amqp::ReplyCode::AccessRefused:
            return ErrorCode::PermissionDenied;
        case amqp::ReplyCode::PreconditionFailed:
        case amqp::ReplyCode::ResourceLocked:
        case amqp::ReplyCode::CommandInvalid:
            return ErrorCode::InvalidArgument;
        case amqp::ReplyCode::ConnectionForced:
            return ErrorCode::Unavailable;
        case amqp::ReplyCode::NotAllowed:
            return ErrorCode::PermissionDenied;
        default:
            return ErrorCode::Internal;
    }
}

amqp::FieldTable clientProperties() {
    amqp::FieldTable capabilities;
    capabilities.set("publisher_confirms", amqp::FieldValue(true));
    capabilities.set("authentication_failure_close", amqp::FieldValue(true));
    capabilities.set("basic.nack", amqp::FieldValue(true));
    capabilities.set("consumer_cancel_notify", amqp::FieldValue(true));
    amqp::FieldTable table;
    table.set("product", amqp::FieldValue(std::string("Signalbox")));
    table.set("connection_name", amqp::FieldValue(std::string("Signalbox RabbitMQ connector")));
    table.set("capabilities", amqp::FieldValue(std::move(capabilities)));
    return table;
}

}  // namespace

AmqpClient::AmqpClient(Options options, std::unique_ptr<connect::NetworkStream> stream)
    : options_(std::move(options)), stream_(std::move(stream)) {}

AmqpClient::~AmqpClient() {
    close();
}

Result<std::unique_ptr<AmqpClient>> AmqpClient::connect(const Options& options) {
    auto stream =
        connect::NetworkStream::connect(options.host, options.port, options.tls, options.timeout);
    if (!stream) {
        return stream.error();
    }
    std::unique_ptr<AmqpClient> client(new AmqpClient(options, std::move(*stream)));
    if (auto shaken = client->handshake(); !shaken) {
        return shaken.error();
    }
    return client;
}

Error AmqpClient::fail(Error error) {
    if (broken_.empty()) {
        broken_ = error.message;
    }
    if (stream_) {
        stream_->close();
    }
    return error;
}

Status AmqpClient::handshake() {
    std::vector<std::uint8_t> header;
    amqp::appendProtocolHeader(header);
    if (auto sent = stream_->write(
            std::string_view(reinterpret_cast<const char*>(header.data()), header.size()),
            options_.timeout);
        !sent) {
        return fail(sent.error());
    }
    auto start = readMethod(options_.timeout);
    if (!start) {
        return fail(start.error());
    }
    const auto* hello = std::get_if<amqp::ConnectionStart>(&start->method);
    if (hello == nullptr) {
        return fail(Error{ErrorCode::ParseError,
                          stream_->peer() + " does not speak AMQP 0-9-1 (no connection.start)"});
    }
    if (hello->mechanisms.find("PLAIN") == std::string::npos) {
        return fail(Error{
            ErrorCode::Unsupported,
            stream_->peer() + " does not offer PLAIN login (offers " + hello->mechanisms + ")"});
    }
    amqp::ConnectionStartOk startOk;
    startOk.clientProperties = clientProperties();
    startOk.response = std::string(1, '\0') + options_.username + '\0' + options_.password;
    if (auto sent = send(0, startOk); !sent) {
        return sent;
    }
    auto tune = readMethod(options_.timeout);
    if (!tune) {
        // RabbitMQ without authentication_failure_close just drops the socket.
        if (tune.error().code == ErrorCode::Unavailable) {
            return fail(Error{ErrorCode::Unauthenticated,
                              "RabbitMQ at " + stream_->peer() + " refused user '" +
                                  options_.username + "': wrong user name or password"});
        }
        return fail(tune.error());
    }
    if (const auto* closed = std::get_if<amqp::ConnectionClose>(&tune->method)) {
        (void)send(0, amqp::ConnectionCloseOk{});
        if (closed->replyCode == amqp::toWire(amqp::ReplyCode::AccessRefused)) {
            return fail(Error{ErrorCode::Unauthenticated,
                              "RabbitMQ at " + stream_->peer() + " refused user '" +
                                  options_.username + "': wrong user name or password"});
        }
        return fail(Error{
            codeForReply(closed->replyCode),
            "RabbitMQ at " + stream_->peer() + " closed the connection: " + closed->replyText});
    }
    const auto* tuned = std::get_if<amqp::ConnectionTune>(&tune->method);
    if (tuned == nullptr) {
        return fail(Error{ErrorCode::ParseError, "expected connection.tune from " +
                                                     stream_->peer() + ", got " +
                                                     std::string(amqp::nameOf(tune->method))});
    }
    frameMax_ = tuned->frameMax == 0 ? amqp::kDefaultFrameMax
                                     : std::min(tuned->frameMax, amqp::kDefaultFrameMax);
    amqp::ConnectionTuneOk tuneOk;
    tuneOk.channelMax = tuned->channelMax == 0 ? 2047 : tuned->channelMax;
    tuneOk.frameMax = frameMax_;
    tuneOk.heartbeat = 0;  // sessions are short; the broker's TCP keepalive is enough
    if (auto sent = send(0, tuneOk); !sent) {
        return sent;
    }
    amqp::ConnectionOpen open;
    open.virtualHost = options_.vhost;
    if (auto sent = send(0, open); !sent) {
        return sent;
    }
    auto opened = readMethod(options_.timeout);
    if (!opened) {
        return fail(opened.error());
    }
    if (const auto* closed = std::get_if<amqp::ConnectionClose>(&opened->method)) {
        (void)send(0, amqp::ConnectionCloseOk{});
        return fail(Error{codeForReply(closed->replyCode),
                          "RabbitMQ refused to open vhost '" + options_.vhost + "' for user '" +
                              options_.username + "': " + closed->replyText});
    }
    if (!std::holds_alternative<amqp::ConnectionOpenOk>(opened->method)) {
        return fail(
            Error{ErrorCode::ParseError, "expected connection.open-ok from " + stream_->peer()});
    }
    return {};
}

Status AmqpClient::send(std::uint16_t channel, const amqp::Method& method) {
    if (!usable()) {
        return Error{ErrorCode::Unavailable, broken_};
    }
    std::vector<std::uint8_t> out;
    amqp::encodeMethodFrame(channel, method, out);
    if (auto sent =
            stream_->write(std::string_view(reinterpret_cast<const char*>(out.data()), out.size()),
                           options_.timeout);
        !sent) {
        return fail(sent.error());
    }
    return {};
}

Status AmqpClient::sendContent(std::uint16_t channel, const amqp::Method& method,
                               const amqp::BasicProperties& properties, std::string_view body) {
    if (!usable()) {
        return Error{ErrorCode::Unavailable, broken_};
    }
    std::vector<std::uint8_t> out;
    amqp::encodeMethodFrame(channel, method, out);
    amqp::encodeContentHeaderFrame(channel, body.size(), properties, out);
    amqp::encodeBodyFrames(channel, bytesOf(body), frameMax_, out);
    if (auto sent =
            stream_->write(std::string_view(reinterpret_cast<const char*>(out.data()), out.size()),
                           options_.timeout);
        !sent) {
        return fail(sent.error());
    }
    return {};
}

Result<std::string> AmqpClient::readFramePayload(std::uint8_t& type, std::uint16_t& channel,
                                                 milliseconds wait) {
    const auto deadline = Clock::now() + wait;
    for (;;) {
        const auto peek = amqp::peekFrame(bytesOf(buffer_), frameMax_ + amqp::kFrameOverhead);
        if (peek.status == amqp::FrameStatus::Malformed) {
            return fail(Error{ErrorCode::ParseError,
                              "RabbitMQ sent a malformed frame: " + peek.error.text});
        }
        if (peek.status == amqp::FrameStatus::Complete) {
            type = static_cast<std::uint8_t>(peek.frame.type);
            channel = peek.frame.channel;
            std::string payload(reinterpret_cast<const char*>(peek.frame.payload.data()),
                                peek.frame.payload.size());
            buffer_.erase(0, peek.frameSize);
            return payload;
        }
        if (!usable()) {
            return Error{ErrorCode::Unavailable, broken_};
        }
        auto got = stream_->readSome(buffer_, remaining(deadline));
        if (!got) {
            if (got.error().code != ErrorCode::Timeout) {
                return fail(got.error());
            }
            return got.error();
        }
    }
}

Result<AmqpClient::Incoming> AmqpClient::readMethod(milliseconds wait) {
    const auto deadline = Clock::now() + wait;
    for (;;) {
        std::uint8_t type = 0;
        std::uint16_t channel = 0;
        auto payload = readFramePayload(type, channel, remaining(deadline));
        if (!payload) {
            return payload.error();
        }
        if (type == static_cast<std::uint8_t>(amqp::FrameType::Heartbeat)) {
            continue;
        }
        if (type != static_cast<std::uint8_t>(amqp::FrameType::Method)) {
            return fail(Error{ErrorCode::ParseError,
                              "RabbitMQ sent a content frame where a method was expected"});
        }
        auto decoded = amqp::decodeMethodFrame(bytesOf(*payload));
        if (const auto* error = std::get_if<amqp::DecodeError>(&decoded)) {
            return fail(Error{ErrorCode::ParseError,
                              "cannot decode a method from RabbitMQ: " + error->text});
        }
        return Incoming{channel, std::move(std::get<amqp::Method>(decoded))};
    }
}

Result<AmqpDelivery> AmqpClient::readContent(AmqpDelivery delivery) {
    std::uint8_t type = 0;
    std::uint16_t channel = 0;
    auto header = readFramePayload(type, channel, options_.timeout);
    if (!header) {
        return fail(header.error());
    }
    if (type != static_cast<std::uint8_t>(amqp::FrameType::Header)) {
        return fail(Error{ErrorCode::ParseError, "RabbitMQ sent no content header"});
    }
    auto decoded = amqp::decodeContentHeader(bytesOf(*header));
    if (const auto* error = std::get_if<amqp::DecodeError>(&decoded)) {
        return fail(Error{ErrorCode::ParseError, "bad content header: " + error->text});
    }
    auto& content = std::get<amqp::ContentHeader>(decoded);
    delivery.properties = std::move(content.properties);
    while (delivery.body.size() < content.bodySize) {
        auto body = readFramePayload(type, channel, options_.timeout);
        if (!body) {
            return fail(body.error());
        }
        if (type != static_cast<std::uint8_t>(amqp::FrameType::Body)) {
            return fail(Error{ErrorCode::ParseError, "RabbitMQ sent a short message body"});
        }
        delivery.body += *body;
    }
    return delivery;
}

Status AmqpClient::handleAside(const Incoming& incoming) {
    const auto& method = incoming.method;
    if (const auto* deliver = std::get_if<amqp::BasicDeliver>(&method)) {
        AmqpDelivery delivery;
        delivery.deliveryTag = deliver->deliveryTag;
        delivery.redelivered = deliver->redelivered;
        delivery.exchange = deliver->exchange;
        delivery.routingKey = deliver->routingKey;
        auto full = readContent(std::move(delivery));
        if (!full) {
            return full.error();
        }
        deliveries_.push_back(std::move(*full));
        return {};
    }
    const auto settle = [this](std::uint64_t tag, bool multiple, bool negative) {
        auto begin = multiple ? unconfirmed_.begin() : unconfirmed_.find(tag);
        if (begin == unconfirmed_.end()) {
            return;
        }
        auto end = multiple ? unconfirmed_.upper_bound(tag) : std::next(begin);
        if (negative) {
            nacked_.insert(begin, end);
        }
        unconfirmed_.erase(begin, end);
    };
    if (const auto* ack = std::get_if<amqp::BasicAck>(&method)) {
        settle(ack->deliveryTag, ack->multiple, false);
        return {};
    }
    if (const auto* nack = std::get_if<amqp::BasicNack>(&method)) {
        settle(nack->deliveryTag, nack->multiple, true);
        return {};
    }
    if (const auto* returned = std::get_if<amqp::BasicReturn>(&method)) {
        auto content = readContent({});
        if (!content) {
            return content.error();
        }
        returned_ = true;
        returnText_ = returned->replyText + ": exchange '" + returned->exchange +
                      "' has no queue bound for routing key '" + returned->routingKey + "'";
        return {};
    }
    if (const auto* closed = std::get_if<amqp::ChannelClose>(&method)) {
        (void)send(incoming.channel, amqp::ChannelCloseOk{});
        channel_ = 0;
        confirming_ = false;
        unconfirmed_.clear();
        deliveries_.clear();
        return Error{codeForReply(closed->replyCode), "RabbitMQ said " + closed->replyText};
    }
    if (const auto* closed = std::get_if<amqp::ConnectionClose>(&method)) {
        (void)send(0, amqp::ConnectionCloseOk{});
        return fail(Error{codeForReply(closed->replyCode),
                          "RabbitMQ closed the connection: " + closed->replyText});
    }
    if (const auto* flow = std::get_if<amqp::ChannelFlow>(&method)) {
        return send(incoming.channel, amqp::ChannelFlowOk{flow->active});
    }
    return {};  // connection.blocked, a consumer cancelled by the broker, ...
}

template <typename Reply>
Result<Reply> AmqpClient::await(milliseconds wait) {
    const auto deadline = Clock::now() + wait;
    const std::uint16_t expectedChannel = Reply::kClassId == amqp::kConnectionClass ? 0 : channel_;
    for (;;) {
        auto incoming = readMethod(remaining(deadline));
        if (!incoming) {
            if (incoming.error().code == ErrorCode::Timeout) {
                return fail(Error{ErrorCode::Timeout, "RabbitMQ did not answer " +
                                                          std::string(Reply::kName) + " within " +
                                                          connect::describeDuration(wait)});
            }
            return incoming.error();
        }
        if (incoming->channel == expectedChannel) {
            if (auto* reply = std::get_if<Reply>(&incoming->method)) {
                return std::move(*reply);
            }
        }
        if (auto handled = handleAside(*incoming); !handled) {
            return handled.error();
        }
    }
}

template <typename Reply>
Result<Reply> AmqpClient::call(const amqp::Method& request) {
    const std::uint16_t channel = Reply::kClassId == amqp::kConnectionClass ? 0 : channel_;
    if (auto sent = send(channel, request); !sent) {
        return sent.error();
    }
    return await<Reply>(options_.timeout);
}

Status AmqpClient::ensureChannel() {
    if (!usable()) {
        return Error{ErrorCode::Unavailable, broken_};
    }
    if (channel_ != 0) {
        return {};
    }
    lastChannel_ = static_cast<std::uint16_t>(lastChannel_ % 2000 + 1);
    channel_ = lastChannel_;
    if (auto opened = call<amqp::ChannelOpenOk>(amqp::ChannelOpen{}); !opened) {
        channel_ = 0;
        return opened.error();
    }
    if (auto confirm = call<amqp::ConfirmSelectOk>(amqp::ConfirmSelect{}); !confirm) {
        return confirm.error();
    }
    confirming_ = true;
    nextPublishTag_ = 1;
    unconfirmed_.clear();
    nacked_.clear();
    return {};
}

Status AmqpClient::publishConfirmed(const std::string& exchange, const std::string& routingKey,
                                    const amqp::BasicProperties& properties,
                                    std::string_view body) {
    if (auto ready = ensureChannel(); !ready) {
        return ready;
    }
    returned_ = false;
    const std::uint64_t tag = nextPublishTag_++;
    unconfirmed_.insert(tag);
    amqp::BasicPublish publish;
    publish.exchange = exchange;
    publish.routingKey = routingKey;
    publish.mandatory = true;
    if (auto sent = sendContent(channel_, publish, properties, body); !sent) {
        return sent;
    }
    const auto deadline = Clock::now() + options_.timeout;
    while (unconfirmed_.contains(tag)) {
        auto incoming = readMethod(remaining(deadline));
        if (!incoming) {
            if (incoming.error().code == ErrorCode::Timeout) {
                return fail(
                    Error{ErrorCode::Timeout, "RabbitMQ did not confirm the message within " +
                                                  connect::describeDuration(options_.timeout)});
            }
            return incoming.error();
        }
        if (auto handled = handleAside(*incoming); !handled) {
            return handled;
        }
    }
    if (nacked_.erase(tag) > 0) {
        return Error{ErrorCode::Internal, "RabbitMQ refused the message (basic.nack)"};
    }
    if (returned_) {
        return Error{ErrorCode::NotFound, "RabbitMQ could not route the message: " + returnText_};
    }
    return {};
}

Result<std::optional<AmqpDelivery>> AmqpClient::get(const std::string& queue) {
    if (auto ready = ensureChannel(); !ready) {
        return ready.error();
    }
    amqp::BasicGet request;
    request.queue = queue;
    if (auto sent = send(channel_, request); !sent) {
        return sent.error();
    }
    const auto deadline = Clock::now() + options_.timeout;
    for (;;) {
        auto incoming = readMethod(remaining(deadline));
        if (!incoming) {
            return fail(incoming.error());
        }
        if (const auto* ok = std::get_if<amqp::BasicGetOk>(&incoming->method)) {
            AmqpDelivery delivery;
            delivery.deliveryTag = ok->deliveryTag;
            delivery.redelivered = ok->redelivered;
            delivery.exchange = ok->exchange;
            delivery.routingKey = ok->routingKey;
            delivery.messageCount = ok->messageCount;
            auto full = readContent(std::move(delivery));
            if (!full) {
                return full.error();
            }
            return std::optional<AmqpDelivery>(std::move(*full));
        }
        if (std::holds_alternative<amqp::BasicGetEmpty>(incoming->method)) {
            return std::optional<AmqpDelivery>();
        }
        if (auto handled = handleAside(*incoming); !handled) {
            return handled.error();
        }
    }
}

Status AmqpClient::ack(std::uint64_t deliveryTag, bool multiple) {
    if (channel_ == 0) {
        return Error{ErrorCode::Unavailable, "the channel closed before the ack"};
    }
    return send(channel_, amqp::BasicAck{deliveryTag, multiple});
}

Status AmqpClient::nack(std::uint64_t deliveryTag, bool multiple, bool requeue) {
    if (channel_ == 0) {
        return Error{ErrorCode::Unavailable, "the channel closed before the nack"};
    }
    return send(channel_, amqp::BasicNack{deliveryTag, multiple, requeue});
}

Status AmqpClient::qos(std::uint16_t prefetchCount) {
    if (auto ready = ensureChannel(); !ready) {
        return ready;
    }
    amqp::BasicQos request;
    request.prefetchCount = prefetchCount;
    if (auto done = call<amqp::BasicQosOk>(request); !done) {
        return done.error();
    }
    return {};
}

Result<std::string> AmqpClient::consume(const std::string& queue, amqp::FieldTable arguments) {
    if (auto ready = ensureChannel(); !ready) {
        return ready.error();
    }
    amqp::BasicConsume request;
    request.queue = queue;
    request.arguments = std::move(arguments);
    auto done = call<amqp::BasicConsumeOk>(request);
    if (!done) {
        return done.error();
    }
    return done->consumerTag;
}

Result<std::optional<AmqpDelivery>> AmqpClient::nextDelivery(milliseconds wait) {
    const auto deadline = Clock::now() + wait;
    while (deliveries_.empty()) {
        auto incoming = readMethod(remaining(deadline));
        if (!incoming) {
            if (incoming.error().code == ErrorCode::Timeout) {
                return std::optional<AmqpDelivery>();
            }
            return incoming.error();
        }
        if (auto handled = handleAside(*incoming); !handled) {
            return handled.error();
        }
    }
    AmqpDelivery next = std::move(deliveries_.front());
    deliveries_.pop_front();
    return std::optional<AmqpDelivery>(std::move(next));
}

Status AmqpClient::closeChannel() {
    if (channel_ == 0 || !usable()) {
        channel_ = 0;
        return {};
    }
    amqp::ChannelClose request;
    request.replyCode = amqp::toWire(amqp::ReplyCode::ReplySuccess);
    request.replyText = "done";
    auto done = call<amqp::ChannelCloseOk>(request);
    channel_ = 0;
    confirming_ = false;
    deliveries_.clear();
    unconfirmed_.clear();
    if (!done) {
        return done.error();
    }
    return {};
}

void AmqpClient::close() {
    if (!stream_ || !usable()) {
        return;
    }
    amqp::ConnectionClose request;
    request.replyCode = amqp::toWire(amqp::ReplyCode::ReplySuccess);
    request.replyText = "bye";
    if (send(0, request)) {
        (void)await<amqp::ConnectionCloseOk>(std::min(options_.timeout, milliseconds(1000)));
    }
    fail(Error{ErrorCode::Unavailable, "the AMQP connection was closed"});
}

}  // namespace sbx::rabbitmq
