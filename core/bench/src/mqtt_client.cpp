#include "mqtt_client.h"

#include <algorithm>
#include <boost/asio/bind_executor.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/write.hpp>
#include <cctype>
#include <chrono>
#include <cstring>

#include "sbx/mqtt/codec.h"

namespace sbx::bench {

namespace {

namespace asio = boost::asio;
using asio::ip::tcp;

constexpr std::size_t kReadChunk = std::size_t{64} * 1024;
constexpr auto kDisconnectGrace = std::chrono::seconds(2);

// "Connection refused" -> "connection refused", to read well after a colon.
std::string describe(const boost::system::error_code& error) {
    auto text = error.message();
    if (!text.empty()) {
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    }
    return text;
}

std::string describeReason(std::uint8_t code) {
    return std::string(mqtt::describe(static_cast<mqtt::ReasonCode>(code)));
}

}  // namespace

MqttClient::MqttClient(asio::io_context& io, ClientSettings settings, ClientListener& listener)
    : strand_(asio::make_strand(io)),
      socket_(strand_),
      timer_(strand_),
      settings_(std::move(settings)),
      listener_(listener),
      readBuffer_(kReadChunk),
      outgoing_(65536, IdState::Free),
      awaitingRel_(65536, 0),
      window_(settings_.inflight) {}

void MqttClient::connect(const Endpoints& endpoints, std::function<void(Status)> done) {
    connectDone_ = std::move(done);
    timer_.expires_after(std::chrono::milliseconds(
        static_cast<std::int64_t>(settings_.connectTimeoutSeconds * 1000)));
    timer_.async_wait([this](const boost::system::error_code& error) {
        if (!error && connectDone_) {
            close("timed out after " + std::to_string(settings_.connectTimeoutSeconds) + " s");
        }
    });
    asio::async_connect(socket_, endpoints,
                        [this](const boost::system::error_code& error, const tcp::endpoint&) {
                            onConnected(error);
                        });
}

void MqttClient::onConnected(const boost::system::error_code& error) {
    if (error) {
        close(describe(error));
        return;
    }
    boost::system::error_code ignored;
    socket_.set_option(tcp::no_delay(true), ignored);
    mqtt::Connect connect;
    connect.version = settings_.version;
    connect.cleanStart = true;
    connect.keepAlive = settings_.keepAliveSeconds;
    connect.clientId = settings_.clientId;
    if (settings_.version == mqtt::ProtocolVersion::V5) {
        // Let the broker push as many QoS 1/2 messages at us as it likes.
        connect.properties.receiveMaximum = 65535;
    }
    queue(connect);
    flush();
    readMore();
}

void MqttClient::subscribe(const std::vector<std::string>& filters, std::uint8_t qos,
                           std::function<void(Status)> done) {
    subscribeDone_ = std::move(done);
    mqtt::Subscribe subscribe;
    subscribe.packetId = 1;
    for (const auto& filter : filters) {
        subscribe.entries.push_back(mqtt::SubscribeEntry{filter, qos, false, false, 0});
    }
    queue(subscribe);
    flush();
}

std::uint16_t MqttClient::takePacketId(std::uint8_t qos) {
    while (nextPacketId_ == 0 || outgoing_[nextPacketId_] != IdState::Free) {
        ++nextPacketId_;
    }
    const auto id = nextPacketId_++;
    outgoing_[id] = qos == 1 ? IdState::AwaitingAck : IdState::AwaitingRec;
    ++inflight_;
    return id;
}

void MqttClient::readMore() {
    if (readBuffer_.size() - readEnd_ < kReadChunk / 4) {
        // Move the unparsed tail to the front, and grow only for a packet that needs it.
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

void MqttClient::onRead(const boost::system::error_code& error, std::size_t size) {
    if (error) {
        close(error == asio::error::eof ? "the broker closed the connection" : describe(error));
        return;
    }
    readEnd_ += size;
    if (!processFrames()) {
        return;
    }
    flush();  // acknowledgements queued while parsing go out in one write
    if (!closed_) {
        readMore();
    }
}

bool MqttClient::processFrames() {
    while (!closed_) {
        const std::span<const std::uint8_t> bytes(readBuffer_.data() + readStart_,
                                                  readEnd_ - readStart_);
        mqtt::FrameHeader header;
        const auto status = mqtt::peekFrame(bytes, header);
        if (status == mqtt::FrameStatus::Incomplete) {
            if (readStart_ == 0 && header.totalSize() > readBuffer_.size()) {
                readBuffer_.resize(header.totalSize() + kReadChunk);
            }
            return true;
        }
        if (status == mqtt::FrameStatus::Malformed) {
            close("malformed packet from the broker");
            return false;
        }
        auto decoded = mqtt::decodePacket(
            header, bytes.subspan(header.headerSize, header.remainingLength), settings_.version);
        readStart_ += header.totalSize();
        if (auto* failure = std::get_if<mqtt::DecodeError>(&decoded)) {
            close("the broker sent a packet we cannot decode: " + failure->message);
            return false;
        }
        dispatch(std::get<mqtt::Packet>(std::move(decoded)));
    }
    return false;
}

void MqttClient::dispatch(mqtt::Packet&& packet) {
    if (auto* publish = std::get_if<mqtt::Publish>(&packet)) {
        onIncomingPublish(*publish);
    } else if (auto* response = std::get_if<mqtt::PublishResponse>(&packet)) {
        onPublishResponse(*response);
    } else if (auto* connack = std::get_if<mqtt::Connack>(&packet)) {
        onConnack(*connack);
    } else if (auto* suback = std::get_if<mqtt::Suback>(&packet)) {
        onSuback(*suback);
    } else if (auto* disconnect = std::get_if<mqtt::Disconnect>(&packet)) {
        close("the broker disconnected us: " + describeReason(disconnect->reasonCode));
    }
    // PINGRESP and anything else need no answer.
}

void MqttClient::onConnack(const mqtt::Connack& connack) {
    if (!connectDone_) {
        return;
    }
    if (connack.reasonCode != 0) {
        const auto reason =
            settings_.version == mqtt::ProtocolVersion::V5
                ? describeReason(connack.reasonCode)
                : "return code " + std::to_string(static_cast<int>(connack.reasonCode));
        close("the broker refused the connection: " + reason);
        return;
    }
    if (connack.properties.receiveMaximum) {
        window_ = std::min(window_, *connack.properties.receiveMaximum);
    }
    timer_.cancel();
    schedulePing();
    auto done = std::move(connectDone_);
    connectDone_ = nullptr;
    done(Status{});
}

void MqttClient::onSuback(const mqtt::Suback& suback) {
    if (!subscribeDone_) {
        return;
    }
    auto done = std::move(subscribeDone_);
    subscribeDone_ = nullptr;
    for (const auto code : suback.reasonCodes) {
        if (code >= 0x80) {
            done(Error{
                ErrorCode::PermissionDenied,
                "the broker refused the subscription: " +
                    (settings_.version == mqtt::ProtocolVersion::V5 ? describeReason(code)
                                                                    : std::string("failure"))});
            return;
        }
    }
    done(Status{});
}

void MqttClient::onIncomingPublish(const mqtt::Publish& publish) {
    if (publish.qos == 2) {
        // Method B of MQTT 5 §4.3.3: deliver once, remember the id until PUBREL.
        if (awaitingRel_[publish.packetId] == 0) {
            awaitingRel_[publish.packetId] = 1;
            listener_.onMessage(publish);
        }
        queue(mqtt::PublishResponse{mqtt::PacketType::Pubrec, publish.packetId, 0, {}});
        return;
    }
    listener_.onMessage(publish);
    if (publish.qos == 1) {
        queue(mqtt::PublishResponse{mqtt::PacketType::Puback, publish.packetId, 0, {}});
    }
}

void MqttClient::onPublishResponse(const mqtt::PublishResponse& response) {
    const auto id = response.packetId;
    switch (response.type) {
        case mqtt::PacketType::Puback:
            if (outgoing_[id] == IdState::AwaitingAck) {
                completeOutgoing(id, response.reasonCode);
            }
            break;
        case mqtt::PacketType::Pubrec:
            if (outgoing_[id] != IdState::AwaitingRec) {
                break;
            }
            if (response.reasonCode >= 0x80) {
                completeOutgoing(id, response.reasonCode);  // refused: no PUBREL follows
            } else {
                outgoing_[id] = IdState::AwaitingComp;
                queue(mqtt::PublishResponse{mqtt::PacketType::Pubrel, id, 0, {}});
            }
            break;
        case mqtt::PacketType::Pubcomp:
            if (outgoing_[id] == IdState::AwaitingComp) {
                completeOutgoing(id, response.reasonCode);
            }
            break;
        case mqtt::PacketType::Pubrel:
            awaitingRel_[id] = 0;
            queue(mqtt::PublishResponse{mqtt::PacketType::Pubcomp, id, 0, {}});
            break;
        default:
            break;
    }
}

void MqttClient::completeOutgoing(std::uint16_t packetId, std::uint8_t reasonCode) {
    outgoing_[packetId] = IdState::Free;
    --inflight_;
    listener_.onPublishDone(reasonCode);
}

void MqttClient::queue(const mqtt::Packet& packet) {
    mqtt::encodePacket(packet, settings_.version, pending_);
}

void MqttClient::flush() {
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

void MqttClient::onWritten(const boost::system::error_code& error) {
    writeInFlight_ = false;
    if (error) {
        close(describe(error));
        return;
    }
    if (disconnecting_) {
        if (pending_.empty()) {
            boost::system::error_code ignored;
            socket_.shutdown(tcp::socket::shutdown_send, ignored);
        } else {
            flush();
        }
        return;
    }
    listener_.onWritable();
    flush();
}

void MqttClient::schedulePing() {
    timer_.expires_after(std::chrono::seconds(std::max(1, settings_.keepAliveSeconds / 2)));
    timer_.async_wait([this](const boost::system::error_code& error) {
        if (error || closed_ || disconnecting_) {
            return;
        }
        queue(mqtt::Pingreq{});
        flush();
        schedulePing();
    });
}

void MqttClient::disconnect() {
    if (closed_ || disconnecting_) {
        return;
    }
    disconnecting_ = true;
    queue(mqtt::Disconnect{});
    if (!writeInFlight_) {
        flush();
    }
    // The broker closes after DISCONNECT; if it does not, we do.
    timer_.cancel();
    timer_.expires_after(kDisconnectGrace);
    timer_.async_wait([this](const boost::system::error_code& error) {
        if (!error) {
            close("the broker did not close the connection after DISCONNECT");
        }
    });
}

void MqttClient::close(const std::string& reason) {
    if (closed_) {
        return;
    }
    closed_ = true;
    boost::system::error_code ignored;
    timer_.cancel();
    socket_.shutdown(tcp::socket::shutdown_both, ignored);
    socket_.close(ignored);
    failPendingSteps(reason);
    listener_.onClosed(disconnecting_, reason);
}

void MqttClient::failPendingSteps(const std::string& reason) {
    const auto error =
        Error{ErrorCode::IoError, "cannot connect to " + settings_.brokerName + ": " + reason};
    if (connectDone_) {
        auto done = std::move(connectDone_);
        connectDone_ = nullptr;
        done(error);
    }
    if (subscribeDone_) {
        auto done = std::move(subscribeDone_);
        subscribeDone_ = nullptr;
        done(Error{ErrorCode::IoError, "subscribing failed: " + reason});
    }
}

}  // namespace sbx::bench
