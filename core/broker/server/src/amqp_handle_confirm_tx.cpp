// confirm.select (RabbitMQ's publisher confirms) and tx.* (AMQP 0-9-1 §1.9.2): the two
// ways a publisher learns its messages were taken, which RabbitMQ lets a channel use
// only one of.
#include "amqp_protocol.h"
#include "broker_context.h"

namespace sbx::broker {

namespace wire = sbx::amqp;

AmqpProtocol::Status AmqpProtocol::handleConfirmSelect(AmqpChannel& channel,
                                                       const wire::ConfirmSelect& m) {
    if (channel.transactional) {
        return amqp::AmqpError::make(amqp::ReplyCode::PreconditionFailed,
                                     "cannot switch from tx to confirm mode");
    }
    channel.confirming = true;
    if (!m.noWait) {
        send(channel.number, wire::ConfirmSelectOk{});
    }
    return {};
}

void AmqpProtocol::confirm(AmqpChannel& channel, bool ack) {
    // Routing finished before this returns and nothing is persisted yet, so each
    // message is confirmed on its own, in order.
    if (ack) {
        send(channel.number, wire::BasicAck{channel.publishSequence, false});
    } else {
        send(channel.number, wire::BasicNack{channel.publishSequence, false, false});
    }
}

AmqpProtocol::Status AmqpProtocol::handleTxSelect(AmqpChannel& channel) {
    if (channel.confirming) {
        return amqp::AmqpError::make(amqp::ReplyCode::PreconditionFailed,
                                     "cannot switch from confirm to tx mode");
    }
    channel.transactional = true;
    send(channel.number, wire::TxSelectOk{});
    return {};
}

AmqpProtocol::Status AmqpProtocol::handleTxCommit(AmqpChannel& channel) {
    if (!channel.transactional) {
        return amqp::AmqpError::make(amqp::ReplyCode::PreconditionFailed,
                                     "channel is not transactional");
    }
    auto publishes = std::move(channel.txPublishes);
    auto settles = std::move(channel.txSettles);
    channel.txPublishes.clear();
    channel.txSettles.clear();
    for (auto& held : publishes) {
        if (auto status = publish(channel, std::move(held.message), held.mandatory); !status) {
            return status;
        }
    }
    for (const auto& held : settles) {
        if (auto status = settle(channel, held); !status) {
            return status;
        }
    }
    send(channel.number, wire::TxCommitOk{});
    return {};
}

AmqpProtocol::Status AmqpProtocol::handleTxRollback(AmqpChannel& channel) {
    if (!channel.transactional) {
        return amqp::AmqpError::make(amqp::ReplyCode::PreconditionFailed,
                                     "channel is not transactional");
    }
    channel.txPublishes.clear();
    channel.txSettles.clear();
    send(channel.number, wire::TxRollbackOk{});
    return {};
}

}  // namespace sbx::broker
