#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/amqp/basic_properties.h"
#include "sbx/amqp/constants.h"  // before methods.h: FrameType::Method would shadow amqp::Method
#include "sbx/amqp/methods.h"
#include "sbx/common/result.h"
#include "sbx/connect/connection_profile.h"

namespace sbx::connect {
class NetworkStream;
}

namespace sbx::rabbitmq {

// A message handed to this client by basic.deliver or basic.get-ok.
struct AmqpDelivery {
    std::uint64_t deliveryTag = 0;
    bool redelivered = false;
    std::string exchange;
    std::string routingKey;
    std::uint32_t messageCount = 0;  // basic.get-ok: messages left in the queue
    amqp::BasicProperties properties;
    std::string body;
};

// A small AMQP 0-9-1 client over NetworkStream with the broker's own frame codec: PLAIN
// login, one channel at a time, publisher confirms, basic.get/ack/nack, basic.consume and
// cancel. Synchronous and not thread-safe (the source holds a lock around it). A channel
// error (404 no queue, 406 ...) closes only the channel, which the next call reopens; a
// connection error or a lost socket leaves the client unusable.
class AmqpClient {
public:
    struct Options {
        std::string host;
        std::uint16_t port = 5672;
        connect::TlsSettings tls;
        std::string username;
        std::string password;
        std::string vhost = "/";
        std::chrono::milliseconds timeout{5000};
    };

    static Result<std::unique_ptr<AmqpClient>> connect(const Options& options);
    ~AmqpClient();
    AmqpClient(const AmqpClient&) = delete;
    AmqpClient& operator=(const AmqpClient&) = delete;

    [[nodiscard]] bool usable() const { return broken_.empty(); }
    [[nodiscard]] const std::string& vhost() const { return options_.vhost; }

    // Publishes with mandatory set and waits for the broker's confirm. A message no queue
    // took (basic.return) fails with NotFound, a basic.nack with Internal.
    Status publishConfirmed(const std::string& exchange, const std::string& routingKey,
                            const amqp::BasicProperties& properties, std::string_view body);

    // basic.get without auto-ack; nullopt when the queue is empty.
    Result<std::optional<AmqpDelivery>> get(const std::string& queue);
    Status ack(std::uint64_t deliveryTag, bool multiple = false);
    Status nack(std::uint64_t deliveryTag, bool multiple, bool requeue);

    Status qos(std::uint16_t prefetchCount);
    // A consumer with manual acks; returns its tag.
    Result<std::string> consume(const std::string& queue, amqp::FieldTable arguments);
    // The next delivery, or nullopt when none came within `wait`.
    Result<std::optional<AmqpDelivery>> nextDelivery(std::chrono::milliseconds wait);
    // Closes the channel (cancelling its consumers, returning unacked messages).
    Status closeChannel();

    // connection.close, politely; the client is unusable afterwards.
    void close();

private:
    struct Incoming {
        std::uint16_t channel = 0;
        amqp::Method method;
    };

    explicit AmqpClient(Options options, std::unique_ptr<connect::NetworkStream> stream);
    Status handshake();
    Status ensureChannel();
    Status send(std::uint16_t channel, const amqp::Method& method);
    Status sendContent(std::uint16_t channel, const amqp::Method& method,
                       const amqp::BasicProperties& properties, std::string_view body);
    // The next method frame (heartbeats skipped), reading up to `wait`; Timeout when none.
    Result<Incoming> readMethod(std::chrono::milliseconds wait);
    Result<AmqpDelivery> readContent(AmqpDelivery delivery);
    Result<std::string> readFramePayload(std::uint8_t& type, std::uint16_t& channel,
                                         std::chrono::milliseconds wait);
    // Reads until a method of type Reply arrives on the channel; handles what comes
    // between (deliveries are queued, confirms and returns recorded, closes turned into
    // errors).
    template <typename Reply>
    Result<Reply> await(std::chrono::milliseconds wait);
    template <typename Reply>
    Result<Reply> call(const amqp::Method& request);
    // Deals with a method that is not the awaited reply; an error for closes.
    Status handleAside(const Incoming& incoming);
    Error fail(Error error);

    Options options_;
    std::unique_ptr<connect::NetworkStream> stream_;
    std::string buffer_;
    std::uint32_t frameMax_ = 131072;
    std::uint16_t channel_ = 0;  // 0: none open
    std::uint16_t lastChannel_ = 0;
    bool confirming_ = false;
    std::uint64_t nextPublishTag_ = 1;
    std::set<std::uint64_t> unconfirmed_;
    std::set<std::uint64_t> nacked_;
    bool returned_ = false;
    std::string returnText_;
    std::deque<AmqpDelivery> deliveries_;
    std::string broken_;  // why the connection is gone
};

}  // namespace sbx::rabbitmq
