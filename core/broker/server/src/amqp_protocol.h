#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ack_barrier.h"
#include "amqp_access.h"
#include "amqp_channel.h"
#include "protocol.h"
#include "sbx/amqp/frame.h"
#include "sbx/amqp/methods.h"
#include "sbx/broker/amqp/amqp_result.h"
#include "sbx/broker/amqp/virtual_host.h"

namespace sbx::broker {

class BrokerContext;
class ClientEntry;
class ConnectionIo;

// The AMQP 0-9-1 state machine of one connection, with RabbitMQ's behaviour and reply
// texts, free of sockets: bytes in through consume(), bytes out through ConnectionIo.
// Exchanges, queues and routing live in the broker's VirtualHost (sbx::amqp_model); this
// class maps methods onto it. One file per class of methods (amqp_handle_connection.cpp,
// amqp_handle_channel.cpp, amqp_handle_exchange.cpp, amqp_handle_queue.cpp,
// amqp_handle_basic.cpp, amqp_handle_confirm_tx.cpp). Runs on the connection's strand;
// consumer sinks write deliveries from other threads.
class AmqpProtocol final : public Protocol, public std::enable_shared_from_this<AmqpProtocol> {
public:
    // What we propose in connection.tune; clients may only negotiate down.
    static constexpr std::uint16_t kChannelMax = 2047;
    static constexpr std::uint32_t kFrameMax = 131'072;
    static constexpr std::uint16_t kHeartbeatSeconds = 60;

    AmqpProtocol(BrokerContext& context, std::weak_ptr<ConnectionIo> io);
    ~AmqpProtocol() override;

    std::size_t consume(std::span<const std::uint8_t> bytes) override;
    [[nodiscard]] bool closing() const override { return phase_ == Phase::Closing; }
    void onClosed() override;
    // Sends a heartbeat every half interval of silence; closes after two silent intervals.
    bool onIdleTimeout() override;
    // Resumes consumers that were throttled on a full output buffer.
    void onOutputWritten() override;

private:
    enum class Phase {
        AwaitingHeader,
        AwaitingStartOk,
        AwaitingTuneOk,
        AwaitingOpen,
        Open,
        CloseSent,  // connection.close sent: only close / close-ok count now
        Closing,
        Closed
    };
    using Method = sbx::amqp::Method;
    using Status = amqp::AmqpStatus;
    using Clock = std::chrono::steady_clock;

    std::size_t consumeProtocolHeader(std::span<const std::uint8_t> bytes);
    void handleFrame(const sbx::amqp::Frame& frame);
    void handleMethodFrame(const sbx::amqp::Frame& frame);
    void handleContentFrame(const sbx::amqp::Frame& frame);

    // amqp_handle_connection.cpp
    void sendStart();
    void handleConnectionMethod(Method& method);
    void handleStartOk(const sbx::amqp::ConnectionStartOk& startOk);
    void handleTuneOk(const sbx::amqp::ConnectionTuneOk& tuneOk);
    void handleOpen(const sbx::amqp::ConnectionOpen& open);
    // The user the credentials name, when they are right.
    [[nodiscard]] std::optional<std::string> authenticate(
        const sbx::amqp::ConnectionStartOk& startOk) const;
    // 403 ACCESS_REFUSED unless the user's grant allows `permission` on the resource.
    [[nodiscard]] Status checkAccess(AmqpPermission permission, std::string_view kind,
                                     std::string_view name) const;

    // amqp_handle_channel.cpp
    void handleChannelFrameMethod(std::uint16_t channelNumber, Method& method);
    void openChannel(std::uint16_t channelNumber);
    void closeChannelState(AmqpChannel& channel);
    Status dispatchChannelMethod(AmqpChannel& channel, Method& method);

    // amqp_handle_exchange.cpp
    Status handleExchangeDeclare(AmqpChannel& channel, const sbx::amqp::ExchangeDeclare& m);
    Status handleExchangeDelete(AmqpChannel& channel, const sbx::amqp::ExchangeDelete& m);
    Status handleExchangeBind(AmqpChannel& channel, const sbx::amqp::ExchangeBind& m);
    Status handleExchangeUnbind(AmqpChannel& channel, const sbx::amqp::ExchangeUnbind& m);

    [[nodiscard]] Status checkBinding(std::string_view destination, std::string_view source) const;

    // amqp_handle_queue.cpp
    [[nodiscard]] Status checkQueueBinding(std::string_view queue, std::string_view exchange) const;
    Status handleQueueDeclare(AmqpChannel& channel, const sbx::amqp::QueueDeclare& m);
    Status handleQueueBind(AmqpChannel& channel, const sbx::amqp::QueueBind& m);
    Status handleQueueUnbind(AmqpChannel& channel, const sbx::amqp::QueueUnbind& m);
    Status handleQueuePurge(AmqpChannel& channel, const sbx::amqp::QueuePurge& m);
    Status handleQueueDelete(AmqpChannel& channel, const sbx::amqp::QueueDelete& m);
    [[nodiscard]] static amqp::AmqpResult<std::string> queueName(const AmqpChannel& channel,
                                                                 const std::string& name);

    // amqp_handle_basic.cpp
    Status handleQos(AmqpChannel& channel, const sbx::amqp::BasicQos& m);
    // Consumers refused by the channel's basic.qos global limit get going again once
    // acknowledgements (or a higher limit) made room.
    void resumeChannelLimited(AmqpChannel& channel);
    Status handleConsume(AmqpChannel& channel, const sbx::amqp::BasicConsume& m);
    Status handleCancel(AmqpChannel& channel, const sbx::amqp::BasicCancel& m);
    Status handleGet(AmqpChannel& channel, const sbx::amqp::BasicGet& m);
    Status settle(AmqpChannel& channel, const AmqpTxSettle& settle);
    Status handleSettle(AmqpChannel& channel, const AmqpTxSettle& settle);
    Status handleRecover(AmqpChannel& channel, bool requeue);
    Status handlePublishStart(AmqpChannel& channel, const sbx::amqp::BasicPublish& m);
    Status finishPublish(AmqpChannel& channel);
    Status publish(AmqpChannel& channel, amqp::AmqpMessage message, bool mandatory);
    void sendContent(std::uint16_t channelNumber, const Method& method,
                     const amqp::AmqpMessage& message);

    // amqp_handle_confirm_tx.cpp
    // A reply (basic.ack / nack, tx.commit-ok) that waits for the store writes of the
    // operation: pass `barrier` to an AmqpStoreWait around the model calls, set
    // `outcome`, then release the barrier's first hold. It goes out once the writes
    // committed, from whichever thread that is; kNone sends nothing.
    struct PendingReply {
        static constexpr int kNone = 0;
        static constexpr int kAck = 1;
        static constexpr int kNack = 2;
        AckBarrierPtr barrier;
        std::shared_ptr<std::atomic<int>> outcome;
        void finish(int result) const {
            outcome->store(result);
            barrier->release();
        }
    };
    Status handleConfirmSelect(AmqpChannel& channel, const sbx::amqp::ConfirmSelect& m);
    Status handleTxSelect(AmqpChannel& channel);
    Status handleTxCommit(AmqpChannel& channel);
    Status handleTxRollback(AmqpChannel& channel);
    Status applyTransaction(AmqpChannel& channel, std::vector<AmqpTxPublish>& publishes,
                            const std::vector<AmqpTxSettle>& settles, const AckBarrierPtr& barrier);
    // The confirm of the channel's current publishSequence.
    [[nodiscard]] PendingReply pendingConfirm(AmqpChannel& channel);
    [[nodiscard]] PendingReply pendingCommit(AmqpChannel& channel);
    // Sends `method` unless the channel closed meanwhile. Any thread.
    static void sendOnChannel(const std::weak_ptr<ConnectionIo>& io,
                              const std::weak_ptr<AmqpChannel>& channel, const Method& method);

    // Flow control, RabbitMQ's resource alarm over the bytes held in AMQP queues. A
    // connection that publishes while the alarm is on stops being read (and hears
    // connection.blocked if it advertised the capability) until the bytes fall below
    // the low watermark; polled on the idle timer meanwhile.
    void blockIfAlarmed();
    void unblockIfDrained();
    bool blocked_ = false;
    bool blockedNotified_ = false;      // connection.blocked went out
    bool wantsBlockedNotices_ = false;  // client capability connection.blocked

    void send(std::uint16_t channelNumber, const Method& method);
    void sendHeartbeat();
    // Hard error: connection.close, then wait for close-ok (or the peer going away).
    void closeConnection(sbx::amqp::ReplyCode code, const std::string& text, std::uint16_t classId,
                         std::uint16_t methodId);
    // Soft error: channel.close; the channel drops everything until close-ok.
    void closeChannel(AmqpChannel& channel, const amqp::AmqpError& error, std::uint16_t classId,
                      std::uint16_t methodId);
    // Either of the two, as the reply code says.
    void raise(AmqpChannel* channel, const amqp::AmqpError& error, std::uint16_t classId,
               std::uint16_t methodId);
    void closeNow();
    [[nodiscard]] std::string describePeer() const;
    [[nodiscard]] static amqp::TimePoint now();

    BrokerContext& context_;
    std::weak_ptr<ConnectionIo> io_;
    std::string remoteAddress_;
    const std::uint64_t connectionId_;
    Phase phase_ = Phase::AwaitingHeader;
    std::string user_;
    amqp::VirtualHost* vhost_ = nullptr;  // set by connection.open
    const AmqpGrant* grant_ = nullptr;    // the user's permissions in vhost_

    // Negotiated in tune-ok.
    std::uint16_t channelMax_ = kChannelMax;
    std::uint32_t frameMax_ = sbx::amqp::kFrameMinSize;
    std::uint16_t heartbeatSeconds_ = 0;
    Clock::time_point lastReceived_ = Clock::now();
    Clock::time_point lastHeartbeatSent_ = Clock::now();

    std::map<std::uint16_t, std::shared_ptr<AmqpChannel>> channels_;

    // The observe model (embedded_source*): this connection in the client directory once
    // open, under its connection_name client property.
    void registerClient();
    // connection_name, else the peer's address; a reference, so hop calls copy nothing.
    [[nodiscard]] const std::string& clientName() const { return connectionName_; }
    std::string connectionName_;
    std::shared_ptr<ClientEntry> clientEntry_;
};

}  // namespace sbx::broker
