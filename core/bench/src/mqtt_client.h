#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "net_types.h"
#include "sbx/common/result.h"
#include "sbx/mqtt/packets.h"

namespace sbx::bench {

struct ClientSettings {
    std::string clientId;
    mqtt::ProtocolVersion version = mqtt::ProtocolVersion::V5;
    std::uint16_t inflight = 64;  // our own cap on unacknowledged QoS 1/2 publishes
    std::uint16_t keepAliveSeconds = 60;
    double connectTimeoutSeconds = 10;
    std::string brokerName;  // "host:port", for messages
};

// What a client tells its owner; always called on the client's strand.
class ClientListener {
public:
    virtual ~ClientListener() = default;
    virtual void onMessage(const mqtt::Publish& publish) = 0;
    // A QoS 1 or 2 publish of ours is complete (PUBACK, PUBCOMP, or an error reason).
    virtual void onPublishDone(std::uint8_t reasonCode) = 0;
    // The bytes queued so far are on their way: a good moment to queue more.
    virtual void onWritable() = 0;
    // The connection ended; `expected` after our own DISCONNECT.
    virtual void onClosed(bool expected, const std::string& reason) = 0;
};

// A small asynchronous MQTT 3.1.1/5.0 client for load generation: one TCP connection,
// every handler on its own strand, all packets through the sbx codec. Writes coalesce:
// what is queued while a write is in flight goes out in the next one. All members but
// the constructor must be called on strand().
class MqttClient {
public:
    MqttClient(boost::asio::io_context& io, ClientSettings settings, ClientListener& listener);
    MqttClient(const MqttClient&) = delete;
    MqttClient& operator=(const MqttClient&) = delete;

    [[nodiscard]] Strand& strand() { return strand_; }

    // TCP connect, CONNECT, CONNACK; `done` gets the reason it failed.
    void connect(const Endpoints& endpoints, std::function<void(Status)> done);
    // One SUBSCRIBE with every filter at `qos`; `done` after the SUBACK.
    void subscribe(const std::vector<std::string>& filters, std::uint8_t qos,
                   std::function<void(Status)> done);

    // QoS 1/2 flow control: the window is the smaller of ours and the broker's Receive
    // Maximum (MQTT 5 §3.2.2.3.3).
    [[nodiscard]] bool hasWindow() const { return inflight_ < window_; }
    [[nodiscard]] std::uint16_t window() const { return window_; }
    [[nodiscard]] std::uint32_t inflight() const { return inflight_; }
    // Reserves a packet id for a QoS `qos` publish the caller is about to queue.
    std::uint16_t takePacketId(std::uint8_t qos);

    // Bytes waiting for the next write; append encoded packets, then flush().
    [[nodiscard]] std::vector<std::uint8_t>& pending() { return pending_; }
    void flush();

    // DISCONNECT, then wait (briefly) for the broker to close the connection.
    void disconnect();
    [[nodiscard]] bool open() const { return socket_.is_open(); }

private:
    enum class IdState : std::uint8_t { Free, AwaitingAck, AwaitingRec, AwaitingComp };

    void onConnected(const boost::system::error_code& error);
    void readMore();
    void onRead(const boost::system::error_code& error, std::size_t size);
    bool processFrames();
    void dispatch(mqtt::Packet&& packet);
    void onConnack(const mqtt::Connack& connack);
    void onSuback(const mqtt::Suback& suback);
    void onIncomingPublish(const mqtt::Publish& publish);
    void onPublishResponse(const mqtt::PublishResponse& response);
    void completeOutgoing(std::uint16_t packetId, std::uint8_t reasonCode);
    void queue(const mqtt::Packet& packet);
    void onWritten(const boost::system::error_code& error);
    void schedulePing();
    void close(const std::string& reason);
    void failPendingSteps(const std::string& reason);

    Strand strand_;
    boost::asio::ip::tcp::socket socket_;
    boost::asio::steady_timer timer_;  // connect timeout, then keep-alive pings
    ClientSettings settings_;
    ClientListener& listener_;

    std::function<void(Status)> connectDone_;
    std::function<void(Status)> subscribeDone_;
    bool disconnecting_ = false;
    bool closed_ = false;

    std::vector<std::uint8_t> readBuffer_;
    std::size_t readStart_ = 0;  // first byte not yet parsed
    std::size_t readEnd_ = 0;    // one past the last byte received

    std::vector<std::uint8_t> pending_;
    std::vector<std::uint8_t> writing_;
    bool writeInFlight_ = false;

    std::vector<IdState> outgoing_;          // by packet id
    std::vector<std::uint8_t> awaitingRel_;  // incoming QoS 2 ids we sent PUBREC for
    std::uint16_t nextPacketId_ = 1;
    std::uint32_t inflight_ = 0;
    std::uint16_t window_ = 1;
};

}  // namespace sbx::bench
