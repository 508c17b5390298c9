#include "amqp_confirm_book.h"

#include "connection_io.h"
#include "sbx/amqp/codec.h"

namespace sbx::broker {

namespace wire = sbx::amqp;

void AmqpConfirmBook::settle(std::uint64_t sequence, bool ack) {
    bool queueFill = false;
    {
        std::lock_guard lock(mutex_);
        if (closed_ || sequence <= sentUpTo_) {
            return;
        }
        const auto index = static_cast<std::size_t>(sequence - sentUpTo_ - 1);
        if (index >= fates_.size()) {
            fates_.resize(index + 1, Fate::Unknown);
        }
        fates_[index] = ack ? Fate::Ack : Fate::Nack;
        if (index != 0) {
            beyondGap_.push_back(sequence);
        }
        queueFill = !fillQueued_;
        fillQueued_ = true;
    }
    // Not under mutex_: fill() takes it under the connection's output lock.
    if (queueFill) {
        auto io = io_.lock();
        if (io) {
            io->writeLate(
                [self = shared_from_this()](std::vector<std::uint8_t>& out) { self->fill(out); });
        }
    }
}

void AmqpConfirmBook::close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    fates_.clear();
    beyondGap_.clear();
}

void AmqpConfirmBook::fill(std::vector<std::uint8_t>& out) {
    std::lock_guard lock(mutex_);
    fillQueued_ = false;
    if (closed_) {
        return;
    }
    // The run from the oldest unconfirmed message: one ack for all its acks (sent ones
    // inside it are covered again, as RabbitMQ's multiple acks cover them).
    std::uint64_t runStart = 0;
    std::uint64_t runEnd = 0;
    const auto writeRun = [&] {
        if (runStart != 0) {
            wire::encodeMethodFrame(channelNumber_, wire::BasicAck{runEnd, runEnd > runStart}, out);
            runStart = 0;
        }
    };
    while (!fates_.empty() && fates_.front() != Fate::Unknown) {
        const Fate fate = fates_.front();
        fates_.pop_front();
        ++sentUpTo_;
        if (fate == Fate::Ack) {
            runStart = runStart == 0 ? sentUpTo_ : runStart;
            runEnd = sentUpTo_;
        } else if (fate == Fate::Nack) {
            writeRun();
            wire::encodeMethodFrame(channelNumber_, wire::BasicNack{sentUpTo_, false, false}, out);
        }
    }
    writeRun();
    // Beyond the gap: one frame each, now, instead of waiting for the slow one.
    for (const auto sequence : beyondGap_) {
        if (sequence <= sentUpTo_) {
            continue;  // went out with the run
        }
        Fate& fate = fates_[static_cast<std::size_t>(sequence - sentUpTo_ - 1)];
        if (fate == Fate::Ack) {
            wire::encodeMethodFrame(channelNumber_, wire::BasicAck{sequence, false}, out);
        } else if (fate == Fate::Nack) {
            wire::encodeMethodFrame(channelNumber_, wire::BasicNack{sequence, false, false}, out);
        }
        fate = Fate::Sent;
    }
    beyondGap_.clear();
}

}  // namespace sbx::broker
