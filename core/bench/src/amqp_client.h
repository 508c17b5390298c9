#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <cstdint>
#include <deque>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "net_types.h"
#include "sbx/amqp/constants.h"  // before methods.h: FrameType::Method would shadow Method
#include "sbx/amqp/methods.h"
#include "sbx/common/result.h"

namespace sbx::bench {

struct AmqpClientSettings {
    std::string user = "guest";
    std::string password = "guest";
    std::string vhost = "/";
    std::string connectionName;  // shown by the broker (rabbitmqctl list_connections)
    double connectTimeoutSeconds = 10;
    std::string brokerName;  // "host:port", for messages
};

// What a client tells its owner; always called on the client's strand.
class AmqpClientListener {
public:
    virtual ~AmqpClientListener() = default;
    // One delivery; `body` is valid during the call only.
    virtual void onDelivery(std::uint64_t deliveryTag, std::span<const std::uint8_t> body) = 0;
    // Everything received so far is handled: a good moment to acknowledge in one go.
    virtual void onReadHandled() = 0;
    // A publisher confirm (basic.ack, or basic.nack when `ack` is false).
    virtual void onConfirm(std::uint64_t deliveryTag, bool multiple, bool ack) = 0;
    // The bytes queued so far are on their way: a good moment to queue more.
    virtual void onWritable() = 0;
    // The connection ended; `expected` after our own connection.close.
    virtual void onClosed(bool expected, const std::string& reason) = 0;
};

// A small asynchronous AMQP 0-9-1 client for load generation: one TCP connection with
// one channel (1), every handler on its own strand, every frame through the sbx AMQP
// codec. Writes coalesce: what is queued while a write is in flight goes out in the
// next one. All members but the constructor must be called on strand().
class AmqpClient {
public:
    static constexpr std::uint16_t kChannel = 1;

    AmqpClient(boost::asio::io_context& io, AmqpClientSettings settings,
               AmqpClientListener& listener);
    AmqpClient(const AmqpClient&) = delete;
    AmqpClient& operator=(const AmqpClient&) = delete;

    [[nodiscard]] Strand& strand() { return strand_; }

    // TCP connect, protocol header, start/tune/open, channel.open; `done` gets the
    // reason it failed.
    void connect(const Endpoints& endpoints, std::function<void(Status)> done);
    // A synchronous method on the channel (queue.declare, basic.consume, ...): `done`
    // gets the broker's reply, or why there was none (a channel or connection error).
    void call(const amqp::Method& method, std::function<void(Result<amqp::Method>)> done);
    // A method that has no reply (basic.ack), queued for the next write.
    void send(const amqp::Method& method);

    // The frame-max both sides agreed on.
    [[nodiscard]] std::uint32_t frameMax() const { return frameMax_; }

    // Bytes waiting for the next write; append encoded frames, then flush().
    [[nodiscard]] std::vector<std::uint8_t>& pending() { return pending_; }
    void flush();

    // connection.close, then wait (briefly) for close-ok.
    void close();
    [[nodiscard]] bool open() const { return socket_.is_open() && !closed_; }

private:
    enum class Content : std::uint8_t { None, AwaitingHeader, AwaitingBody };

    void onConnected(const boost::system::error_code& error);
    void readMore();
    void onRead(const boost::system::error_code& error, std::size_t size);
    bool processFrames();
    void onMethod(std::uint16_t channel, std::span<const std::uint8_t> payload);
    void onConnectionMethod(amqp::Method&& method);
    void onChannelMethod(amqp::Method&& method);
    void onHeader(std::span<const std::uint8_t> payload);
    void onBody(std::span<const std::uint8_t> payload);
    void deliver(std::span<const std::uint8_t> body);
    void answerTune(const amqp::ConnectionTune& tune);
    void completeCall(Result<amqp::Method> reply);
    void onWritten(const boost::system::error_code& error);
    void finish(const std::string& reason);
    void failPendingSteps(const std::string& reason);

    Strand strand_;
    boost::asio::ip::tcp::socket socket_;
    boost::asio::steady_timer timer_;  // connect timeout, then the close grace period
    AmqpClientSettings settings_;
    AmqpClientListener& listener_;

    std::function<void(Status)> connectDone_;
    std::deque<std::function<void(Result<amqp::Method>)>> calls_;
    bool closing_ = false;
    bool closed_ = false;
    std::uint32_t frameMax_ = 0;

    std::vector<std::uint8_t> readBuffer_;
    std::size_t readStart_ = 0;  // first byte not yet parsed
    std::size_t readEnd_ = 0;    // one past the last byte received

    // The delivery being assembled from its method, header and body frames.
    Content content_ = Content::None;
    std::uint64_t deliveryTag_ = 0;
    std::uint64_t bodySize_ = 0;
    std::vector<std::uint8_t> body_;  // only for bodies split over several frames

    std::vector<std::uint8_t> pending_;
    std::vector<std::uint8_t> writing_;
    bool writeInFlight_ = false;
};

}  // namespace sbx::bench
