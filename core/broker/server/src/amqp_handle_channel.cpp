// channel.* (AMQP 0-9-1 §1.5.2) and the routing of every channel method to its class's
// handler.
#include "amqp_confirm_book.h"
#include "amqp_protocol.h"
#include "broker_context.h"
#include "client_directory.h"

namespace sbx::broker {

namespace wire = sbx::amqp;

void AmqpProtocol::handleChannelFrameMethod(std::uint16_t channelNumber, Method& method) {
    const auto classId = wire::classIdOf(method);
    const auto methodId = wire::methodIdOf(method);
    if (channelNumber > channelMax_) {
        closeConnection(wire::ReplyCode::NotAllowed,
                        "NOT_ALLOWED - channel " + std::to_string(channelNumber) +
                            " above the negotiated channel_max " + std::to_string(channelMax_),
                        classId, methodId);
        return;
    }
    auto found = channels_.find(channelNumber);
    if (found == channels_.end()) {
        if (std::holds_alternative<wire::ChannelOpen>(method)) {
            openChannel(channelNumber);
            return;
        }
        closeConnection(wire::ReplyCode::ChannelError, "CHANNEL_ERROR - expected 'channel.open'",
                        classId, methodId);
        return;
    }
    auto channel = found->second;  // keeps it alive while handlers erase it
    if (channel->closing) {
        // §2.3.5.2: after channel.close only close and close-ok count.
        if (std::holds_alternative<wire::ChannelClose>(method)) {
            send(channelNumber, wire::ChannelCloseOk{});
            channels_.erase(channelNumber);
        } else if (std::holds_alternative<wire::ChannelCloseOk>(method)) {
            channels_.erase(channelNumber);
        }
        return;
    }
    if (channel->publishing) {
        closeConnection(wire::ReplyCode::UnexpectedFrame,
                        "UNEXPECTED_FRAME - expected content header for class 60, got non "
                        "content header frame instead",
                        classId, methodId);
        return;
    }
    if (std::holds_alternative<wire::ChannelOpen>(method)) {
        closeConnection(wire::ReplyCode::ChannelError, "CHANNEL_ERROR - second 'channel.open' seen",
                        classId, methodId);
        return;
    }
    if (std::holds_alternative<wire::ChannelClose>(method)) {
        closeChannelState(*channel);
        channels_.erase(channelNumber);
        send(channelNumber, wire::ChannelCloseOk{});
        return;
    }
    if (std::holds_alternative<wire::ChannelCloseOk>(method)) {
        return;  // nothing of ours to confirm
    }
    if (auto* flow = std::get_if<wire::ChannelFlow>(&method)) {
        send(channelNumber, wire::ChannelFlowOk{flow->active});
        return;
    }
    if (auto status = dispatchChannelMethod(*channel, method); !status) {
        raise(channel.get(), status.error(), classId, methodId);
    }
}

void AmqpProtocol::openChannel(std::uint16_t channelNumber) {
    const amqp::ChannelId id = (connectionId_ << 16) | channelNumber;
    channels_.emplace(channelNumber, std::make_shared<AmqpChannel>(channelNumber, id));
    if (clientEntry_) {
        clientEntry_->channelOpened(channelNumber);
    }
    send(channelNumber, wire::ChannelOpenOk{});
}

void AmqpProtocol::closeChannelState(AmqpChannel& channel) {
    {
        std::lock_guard lock(channel.tagsMutex);
        channel.closed = true;
        // The model requeues them in channelClosed below.
        static_cast<void>(channel.tags.takeAll());
        channel.channelPrefetch.clear();
    }
    if (channel.confirms) {
        channel.confirms->close();
    }
    channel.consumers.clear();
    if (clientEntry_) {
        clientEntry_->channelClosed(channel.number);
    }
    channel.publishing.reset();
    channel.header.reset();
    channel.body.clear();
    channel.txPublishes.clear();
    channel.txSettles.clear();
    vhost_->channelClosed(channel.id, now());
}

AmqpProtocol::Status AmqpProtocol::dispatchChannelMethod(AmqpChannel& channel, Method& method) {
    return std::visit(
        [this, &channel](auto& m) -> Status {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, wire::ExchangeDeclare>) {
                return handleExchangeDeclare(channel, m);
            } else if constexpr (std::is_same_v<T, wire::ExchangeDelete>) {
                return handleExchangeDelete(channel, m);
            } else if constexpr (std::is_same_v<T, wire::ExchangeBind>) {
                return handleExchangeBind(channel, m);
            } else if constexpr (std::is_same_v<T, wire::ExchangeUnbind>) {
                return handleExchangeUnbind(channel, m);
            } else if constexpr (std::is_same_v<T, wire::QueueDeclare>) {
                return handleQueueDeclare(channel, m);
            } else if constexpr (std::is_same_v<T, wire::QueueBind>) {
                return handleQueueBind(channel, m);
            } else if constexpr (std::is_same_v<T, wire::QueueUnbind>) {
                return handleQueueUnbind(channel, m);
            } else if constexpr (std::is_same_v<T, wire::QueuePurge>) {
                return handleQueuePurge(channel, m);
            } else if constexpr (std::is_same_v<T, wire::QueueDelete>) {
                return handleQueueDelete(channel, m);
            } else if constexpr (std::is_same_v<T, wire::BasicQos>) {
                return handleQos(channel, m);
            } else if constexpr (std::is_same_v<T, wire::BasicConsume>) {
                return handleConsume(channel, m);
            } else if constexpr (std::is_same_v<T, wire::BasicCancel>) {
                return handleCancel(channel, m);
            } else if constexpr (std::is_same_v<T, wire::BasicPublish>) {
                return handlePublishStart(channel, m);
            } else if constexpr (std::is_same_v<T, wire::BasicGet>) {
                return handleGet(channel, m);
            } else if constexpr (std::is_same_v<T, wire::BasicAck>) {
                return handleSettle(channel, AmqpTxSettle{m.deliveryTag, m.multiple, true, false});
            } else if constexpr (std::is_same_v<T, wire::BasicNack>) {
                return handleSettle(channel,
                                    AmqpTxSettle{m.deliveryTag, m.multiple, false, m.requeue});
            } else if constexpr (std::is_same_v<T, wire::BasicReject>) {
                return handleSettle(channel, AmqpTxSettle{m.deliveryTag, false, false, m.requeue});
            } else if constexpr (std::is_same_v<T, wire::BasicRecover>) {
                auto status = handleRecover(channel, m.requeue);
                if (status) {
                    send(channel.number, wire::BasicRecoverOk{});
                }
                return status;
            } else if constexpr (std::is_same_v<T, wire::BasicRecoverAsync>) {
                return handleRecover(channel, m.requeue);
            } else if constexpr (std::is_same_v<T, wire::ConfirmSelect>) {
                return handleConfirmSelect(channel, m);
            } else if constexpr (std::is_same_v<T, wire::TxSelect>) {
                return handleTxSelect(channel);
            } else if constexpr (std::is_same_v<T, wire::TxCommit>) {
                return handleTxCommit(channel);
            } else if constexpr (std::is_same_v<T, wire::TxRollback>) {
                return handleTxRollback(channel);
            } else {
                return amqp::AmqpError::make(amqp::ReplyCode::CommandInvalid,
                                             "unexpected method " + std::string(T::kName) +
                                                 " on channel " + std::to_string(channel.number));
            }
        },
        method);
}

}  // namespace sbx::broker
