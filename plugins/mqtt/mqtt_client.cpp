#include "mqtt_client.h"

#include <span>
#include <variant>

#include "refusal.h"
#include "sbx/mqtt/codec.h"

namespace sbx::mqtt_connector {

namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

// How long the reader waits for bytes before it looks at its outbox and the keepalive
// again; a caller that queues a packet wakes it at once.
constexpr auto kReadWait = 500ms;

std::span<const std::uint8_t> bytesOf(const std::string& text, std::size_t from = 0) {
    return {reinterpret_cast<const std::uint8_t*>(text.data()) + from, text.size() - from};
}

std::string_view textOf(const std::vector<std::uint8_t>& bytes) {
    return {reinterpret_cast<const char*>(bytes.data()), bytes.size()};
}

// One complete packet at the start of `buffer` (from `offset`), or nothing yet.
Result<std::optional<mqtt::Packet>> takePacket(const std::string& buffer, std::size_t& offset,
                                               mqtt::ProtocolVersion version,
                                               const std::string& peer) {
    mqtt::FrameHeader header;
    const auto bytes = bytesOf(buffer, offset);
    switch (mqtt::peekFrame(bytes, header)) {
        case mqtt::FrameStatus::Incomplete:
            return std::optional<mqtt::Packet>{};
        case mqtt::FrameStatus::Malformed:
            return Error{ErrorCode::ParseError, peer + " sent a malformed MQTT packet header"};
        case mqtt::FrameStatus::Complete:
            break;
    }
    auto decoded = mqtt::decodePacket(
        header, bytes.subspan(header.headerSize, header.remainingLength), version);
    offset += header.totalSize();
    if (const auto* error = std::get_if<mqtt::DecodeError>(&decoded)) {
        return Error{ErrorCode::ParseError,
                     peer + " sent an MQTT packet the client cannot read: " + error->message};
    }
    return std::optional<mqtt::Packet>(std::move(std::get<mqtt::Packet>(decoded)));
}

Error lostConnection(const std::string& peer, const Error& why) {
    return Error{why.code == ErrorCode::Timeout ? ErrorCode::Timeout : ErrorCode::Unavailable,
                 "lost the connection to the MQTT broker at " + peer + ": " + why.message};
}

}  // namespace

MqttClient::MqttClient(const ClientOptions& options, std::unique_ptr<connect::NetworkStream> stream,
                       PublishHandler handler)
    : options_(options),
      peer_(stream->peer()),
      stream_(std::move(stream)),
      handler_(std::move(handler)),
      keepAlive_(options.keepAliveSeconds) {}

Result<std::unique_ptr<MqttClient>> MqttClient::connect(const ClientOptions& options,
                                                        PublishHandler handler) {
    auto stream =
        connect::NetworkStream::connect(options.host, options.port, options.tls, options.timeout);
    if (!stream) {
        return stream.error();
    }
    std::unique_ptr<MqttClient> client(
        new MqttClient(options, std::move(*stream), std::move(handler)));
    if (auto status = client->handshake(); !status) {
        client->stream_->close();
        return status.error();
    }
    client->reader_ = std::thread([raw = client.get()] { raw->run(); });
    return client;
}

Status MqttClient::handshake() {
    mqtt::Connect connect;
    connect.version = options_.version;
    connect.cleanStart = true;
    connect.keepAlive = options_.keepAliveSeconds;
    connect.clientId = options_.clientId;
    if (!options_.username.empty()) {
        connect.username = options_.username;
    }
    if (!options_.password.empty()) {
        connect.password = options_.password;
    }
    std::vector<std::uint8_t> bytes;
    mqtt::encodePacket(connect, options_.version, bytes);
    if (auto written = stream_->write(textOf(bytes), options_.timeout); !written) {
        return written.error();
    }
    const auto deadline = Clock::now() + options_.timeout;
    std::string inbound;
    for (;;) {
        mqtt::FrameHeader header;
        const auto status = mqtt::peekFrame(bytesOf(inbound), header);
        if (status == mqtt::FrameStatus::Malformed ||
            (status == mqtt::FrameStatus::Complete && header.type() != mqtt::PacketType::Connack)) {
            return Error{ErrorCode::ParseError,
                         peer_ + " did not answer CONNECT like an MQTT broker (is it one?)"};
        }
        if (status == mqtt::FrameStatus::Complete) {
            // A broker that only speaks 3.1.1 answers a v5 CONNECT in the 3.1.1 form.
            const bool oldForm =
                options_.version == mqtt::ProtocolVersion::V5 && header.remainingLength == 2;
            const auto version = oldForm ? mqtt::ProtocolVersion::V311 : options_.version;
            auto decoded = mqtt::decodePacket(
                header, bytesOf(inbound).subspan(header.headerSize, header.remainingLength),
                version);
            if (std::holds_alternative<mqtt::DecodeError>(decoded)) {
                return Error{ErrorCode::ParseError,
                             peer_ + " sent a CONNACK the client cannot read: " +
                                 std::get<mqtt::DecodeError>(decoded).message};
            }
            connack_ = std::get<mqtt::Connack>(std::get<mqtt::Packet>(decoded));
            leftover_ = inbound.substr(header.totalSize());
            if (oldForm && connack_.reasonCode == 1) {
                // 3.1.1's "unacceptable protocol level" in answer to our v5 CONNECT.
                return connackRefusal(0x84, mqtt::ProtocolVersion::V5, peer_, options_.username,
                                      false);
            }
            if (connack_.reasonCode != 0) {
                return connackRefusal(connack_.reasonCode, version, peer_, options_.username,
                                      !options_.password.empty());
            }
            if (connack_.properties.serverKeepAlive) {
                keepAlive_ = std::chrono::seconds(*connack_.properties.serverKeepAlive);
            }
            return {};
        }
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        if (left <= 0ms) {
            return Error{ErrorCode::Timeout, "the MQTT broker at " + peer_ +
                                                 " did not answer CONNECT within " +
                                                 connect::describeDuration(options_.timeout)};
        }
        auto read = stream_->readSome(inbound, left);
        if (!read) {
            if (read.error().code == ErrorCode::Timeout) {
                return Error{ErrorCode::Timeout, "the MQTT broker at " + peer_ +
                                                     " did not answer CONNECT within " +
                                                     connect::describeDuration(options_.timeout)};
            }
            if (read.error().code == ErrorCode::Unavailable && !options_.tls.enabled) {
                return Error{ErrorCode::Unavailable,
                             read.error().message +
                                 " instead of answering CONNECT (does the port expect TLS, or "
                                 "another protocol version?)"};
            }
            return read.error();
        }
    }
}

MqttClient::~MqttClient() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        if (!failure_) {
            enqueue(mqtt::Disconnect{});
        }
    }
    stream_->wake();
    if (reader_.joinable()) {
        reader_.join();
    }
    stream_->close();
}

void MqttClient::run() {
    std::string inbound = std::move(leftover_);
    auto lastSent = Clock::now();
    std::optional<Clock::time_point> pingSentAt;
    while (step(inbound, lastSent, pingSentAt)) {
    }
}

// One round of the reader: write what is queued, keep the session alive, read and handle
// what came. False when the connection ended (or we are stopping).
bool MqttClient::step(std::string& inbound, Clock::time_point& lastSent,
                      std::optional<Clock::time_point>& pingSentAt) {
    std::vector<std::uint8_t> out;
    bool stop = false;
    {
        std::lock_guard lock(mutex_);
        out.swap(outbox_);
        stop = stopping_;
    }
    const auto now = Clock::now();
    if (keepAlive_.count() > 0 && !pingSentAt && now - lastSent >= keepAlive_ / 2) {
        mqtt::encodePacket(mqtt::Pingreq{}, options_.version, out);
        pingSentAt = now;
    }
    if (!out.empty()) {
        if (auto written = stream_->write(textOf(out), options_.timeout); !written) {
            fail(written.error());
            return false;
        }
        lastSent = now;
    }
    if (stop) {
        return false;
    }
    if (pingSentAt && now - *pingSentAt > options_.timeout) {
        fail(Error{ErrorCode::Timeout, "no answer to a keepalive ping within " +
                                           connect::describeDuration(options_.timeout)});
        return false;
    }
    auto read = stream_->readAvailable(inbound, kReadWait);
    if (!read) {
        fail(read.error());
        return false;
    }
    std::size_t offset = 0;
    std::vector<std::uint8_t> replies;
    for (;;) {
        auto packet = takePacket(inbound, offset, options_.version, peer_);
        if (!packet) {
            fail(packet.error());
            return false;
        }
        if (!*packet) {
            break;
        }
        if (std::holds_alternative<mqtt::Pingresp>(**packet)) {
            pingSentAt.reset();
            continue;
        }
        if (auto handled = dispatch(std::move(**packet), replies); !handled) {
            fail(handled.error());
            return false;
        }
    }
    inbound.erase(0, offset);
    if (!replies.empty()) {
        std::lock_guard lock(mutex_);
        outbox_.insert(outbox_.end(), replies.begin(), replies.end());
    }
    return true;
}

Status MqttClient::dispatch(mqtt::Packet packet, std::vector<std::uint8_t>& replies) {
    if (auto* publish = std::get_if<mqtt::Publish>(&packet)) {
        onPublish(*publish, replies);
    } else if (const auto* response = std::get_if<mqtt::PublishResponse>(&packet)) {
        onResponse(*response, replies);
    } else if (const auto* suback = std::get_if<mqtt::Suback>(&packet)) {
        complete(suback->packetId, packet);
    } else if (const auto* unsuback = std::get_if<mqtt::Unsuback>(&packet)) {
        complete(unsuback->packetId, packet);
    } else if (const auto* disconnect = std::get_if<mqtt::Disconnect>(&packet)) {
        std::string reason(mqtt::describe(static_cast<mqtt::ReasonCode>(disconnect->reasonCode)));
        if (disconnect->properties.reasonString) {
            reason += " (" + *disconnect->properties.reasonString + ")";
        }
        return Error{ErrorCode::Unavailable, "the broker ended the session: " + reason};
    }
    return {};
}

void MqttClient::onPublish(mqtt::Publish& publish, std::vector<std::uint8_t>& replies) {
    bool duplicate = false;
    if (publish.qos == 1) {
        mqtt::encodePacket(mqtt::PublishResponse{mqtt::PacketType::Puback, publish.packetId, 0, {}},
                           options_.version, replies);
    } else if (publish.qos == 2) {
        std::lock_guard lock(mutex_);
        duplicate = !inboundQos2_.insert(publish.packetId).second;
        mqtt::encodePacket(mqtt::PublishResponse{mqtt::PacketType::Pubrec, publish.packetId, 0, {}},
                           options_.version, replies);
    }
    if (!duplicate && handler_) {
        handler_(publish);
    }
}

void MqttClient::onResponse(const mqtt::PublishResponse& response,
                            std::vector<std::uint8_t>& replies) {
    switch (response.type) {
        case mqtt::PacketType::Pubrel: {
            {
                std::lock_guard lock(mutex_);
                inboundQos2_.erase(response.packetId);
            }
            mqtt::encodePacket(
                mqtt::PublishResponse{mqtt::PacketType::Pubcomp, response.packetId, 0, {}},
                options_.version, replies);
            return;
        }
        case mqtt::PacketType::Pubrec:
            if (response.reasonCode < 0x80) {
                mqtt::encodePacket(
                    mqtt::PublishResponse{mqtt::PacketType::Pubrel, response.packetId, 0, {}},
                    options_.version, replies);
                return;  // PUBCOMP ends the flow
            }
            complete(response.packetId, response);
            return;
        default:
            complete(response.packetId, response);
    }
}

void MqttClient::complete(std::uint16_t packetId, mqtt::Packet reply) {
    std::lock_guard lock(mutex_);
    auto it = pending_.find(packetId);
    if (it == pending_.end()) {
        return;  // a late answer to a call that timed out
    }
    it->second->reply = std::move(reply);
    it->second->done = true;
    pending_.erase(it);
    changed_.notify_all();
}

void MqttClient::fail(const Error& error) {
    std::lock_guard lock(mutex_);
    if (!failure_ && !stopping_) {
        failure_ = lostConnection(peer_, error);
    } else if (!failure_) {
        failure_ = Error{ErrorCode::Unavailable, "the connection to " + peer_ + " was closed"};
    }
    changed_.notify_all();
}

std::optional<Error> MqttClient::failure() const {
    std::lock_guard lock(mutex_);
    return failure_;
}

std::uint16_t MqttClient::nextPacketId() {
    do {
        ++lastPacketId_;
    } while (lastPacketId_ == 0 || pending_.contains(lastPacketId_));
    return lastPacketId_;
}

void MqttClient::enqueue(const mqtt::Packet& packet) {
    mqtt::encodePacket(packet, options_.version, outbox_);
}

Result<mqtt::Packet> MqttClient::exchange(mqtt::Packet packet, std::uint16_t packetId,
                                          mqtt::PacketType awaited) {
    std::unique_lock lock(mutex_);
    auto pending = std::make_shared<Pending>();
    pending->awaited = awaited;
    pending_[packetId] = pending;
    enqueue(packet);
    stream_->wake();
    const bool answered = changed_.wait_for(
        lock, options_.timeout, [&] { return pending->done || failure_.has_value() || stopping_; });
    if (pending->done) {
        return std::move(*pending->reply);
    }
    pending_.erase(packetId);
    if (failure_) {
        return *failure_;
    }
    if (!answered) {
        return Error{ErrorCode::Timeout, "the MQTT broker at " + peer_ + " did not answer within " +
                                             connect::describeDuration(options_.timeout)};
    }
    return Error{ErrorCode::Unavailable, "the connection to " + peer_ + " is closing"};
}

Result<std::vector<std::uint8_t>> MqttClient::subscribe(
    std::vector<mqtt::SubscribeEntry> entries, std::optional<std::uint32_t> subscriptionId) {
    mqtt::Subscribe subscribe;
    subscribe.entries = std::move(entries);
    if (subscriptionId && options_.version == mqtt::ProtocolVersion::V5) {
        subscribe.properties.subscriptionIdentifiers.push_back(*subscriptionId);
    }
    {
        std::lock_guard lock(mutex_);
        subscribe.packetId = nextPacketId();
    }
    auto reply = exchange(subscribe, subscribe.packetId, mqtt::PacketType::Suback);
    if (!reply) {
        return reply.error();
    }
    const auto* suback = std::get_if<mqtt::Suback>(&*reply);
    if (suback == nullptr) {
        return Error{ErrorCode::ParseError, peer_ + " answered SUBSCRIBE with another packet"};
    }
    return suback->reasonCodes;
}

Status MqttClient::unsubscribe(std::vector<std::string> filters) {
    mqtt::Unsubscribe unsubscribe;
    unsubscribe.filters = std::move(filters);
    {
        std::lock_guard lock(mutex_);
        unsubscribe.packetId = nextPacketId();
    }
    auto reply = exchange(unsubscribe, unsubscribe.packetId, mqtt::PacketType::Unsuback);
    if (!reply) {
        return reply.error();
    }
    return {};
}

Status MqttClient::publish(mqtt::Publish message) {
    const std::string what = "the message to '" + message.topic + "'";
    if (const auto maximum = connack_.properties.maximumPacketSize;
        maximum && mqtt::encodedSize(message, options_.version) > *maximum) {
        return Error{ErrorCode::InvalidArgument, "the MQTT broker at " + peer_ +
                                                     " takes packets of at most " +
                                                     std::to_string(*maximum) + " bytes"};
    }
    if (message.qos == 0) {
        std::lock_guard lock(mutex_);
        if (failure_) {
            return *failure_;
        }
        enqueue(message);
        stream_->wake();
        return {};
    }
    {
        std::lock_guard lock(mutex_);
        message.packetId = nextPacketId();
    }
    const auto awaited = message.qos == 1 ? mqtt::PacketType::Puback : mqtt::PacketType::Pubcomp;
    const auto packetId = message.packetId;
    auto reply = exchange(std::move(message), packetId, awaited);
    if (!reply) {
        return reply.error();
    }
    const auto* response = std::get_if<mqtt::PublishResponse>(&*reply);
    if (response != nullptr && response->reasonCode >= 0x80) {
        return requestRefusal(response->reasonCode, what, peer_);
    }
    return {};
}

}  // namespace sbx::mqtt_connector
