// confirm.select (RabbitMQ's publisher confirms) and tx.* (AMQP 0-9-1 §1.9.2): the two
// ways a publisher learns its messages were taken, which RabbitMQ lets a channel use
// only one of.
#include "amqp_confirm_book.h"
#include "amqp_protocol.h"
#include "amqp_store_hooks.h"
#include "broker_context.h"
#include "connection_io.h"
#include "sbx/amqp/codec.h"

namespace sbx::broker {

namespace wire = sbx::amqp;

AmqpProtocol::Status AmqpProtocol::handleConfirmSelect(AmqpChannel& channel,
                                                       const wire::ConfirmSelect& m) {
    if (channel.transactional) {
        return amqp::AmqpError::make(amqp::ReplyCode::PreconditionFailed,
                                     "cannot switch from tx to confirm mode");
    }
    if (!channel.confirming) {
        channel.confirms = std::make_shared<AmqpConfirmBook>(channel.number, io_);
    }
    channel.confirming = true;
    if (!m.noWait) {
        send(channel.number, wire::ConfirmSelectOk{});
    }
    return {};
}

void AmqpProtocol::sendOnChannel(const std::weak_ptr<ConnectionIo>& io,
                                 const std::weak_ptr<AmqpChannel>& channel, const Method& method) {
    auto output = io.lock();
    auto target = channel.lock();
    if (!output || !target) {
        return;
    }
    // The channel's lock keeps a reply of a closed channel off a reopened one's number.
    std::lock_guard lock(target->tagsMutex);
    if (target->closed) {
        return;
    }
    const auto number = target->number;
    output->write(
        [&](std::vector<std::uint8_t>& out) { wire::encodeMethodFrame(number, method, out); });
}

AmqpProtocol::PendingReply AmqpProtocol::pendingConfirm(AmqpChannel& channel) {
    // Settled when the message's writes committed (or were cancelled by a consumer's ack
    // first); transient messages and persistent ones in transient queues wait for
    // nothing. The book sends confirms in order, so a multiple=true ack never covers a
    // message still on its way to the disk.
    auto outcome = std::make_shared<std::atomic<int>>(PendingReply::kNone);
    auto barrier = AckBarrier::create(
        [book = channel.confirms, sequence = channel.publishSequence, outcome](bool ok) {
            const int result = outcome->load();
            if (result != PendingReply::kNone) {
                book->settle(sequence, result == PendingReply::kAck && ok);
            }
        });
    return PendingReply{std::move(barrier), std::move(outcome)};
}

AmqpProtocol::PendingReply AmqpProtocol::pendingCommit(AmqpChannel& channel) {
    auto outcome = std::make_shared<std::atomic<int>>(PendingReply::kNone);
    auto barrier = AckBarrier::create(
        [io = io_, weak = std::weak_ptr(channels_.at(channel.number)), outcome](bool ok) {
            if (outcome->load() == PendingReply::kAck && ok) {
                sendOnChannel(io, weak, wire::TxCommitOk{});
            }
        });
    return PendingReply{std::move(barrier), std::move(outcome)};
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
    // commit-ok waits until the persistent messages published and removed by the
    // transaction are on disk: after it, neither is lost nor comes back on a crash.
    const PendingReply pending = pendingCommit(channel);
    Status status = applyTransaction(channel, publishes, settles, pending.barrier);
    pending.finish(status ? PendingReply::kAck : PendingReply::kNone);
    return status;
}

AmqpProtocol::Status AmqpProtocol::applyTransaction(AmqpChannel& channel,
                                                    std::vector<AmqpTxPublish>& publishes,
                                                    const std::vector<AmqpTxSettle>& settles,
                                                    const AckBarrierPtr& barrier) {
    const AmqpStoreWait wait(barrier);
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
