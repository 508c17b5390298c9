#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace sbx::broker {

class ConnectionIo;

// A confirming channel's publisher confirms, coalesced as RabbitMQ's channel coalesces
// them: the run of settled messages from the oldest unconfirmed one goes out as one
// basic.ack with multiple=true; messages settled beyond a gap (a message still waiting
// for the disk) are acked singly right away, so one slow write does not hold the
// publisher's window. Nacks always go singly. Settling happens on any thread (the
// store's writer after a group commit, a consumer's ack that cancelled a write, the
// publisher itself for messages that wait for nothing); the frames are written when the
// connection next hands bytes to its socket (ConnectionIo::writeLate), so everything
// settled by then shares that write.
class AmqpConfirmBook : public std::enable_shared_from_this<AmqpConfirmBook> {
public:
    AmqpConfirmBook(std::uint16_t channelNumber, std::weak_ptr<ConnectionIo> io)
        : channelNumber_(channelNumber), io_(std::move(io)) {}

    // Publish `sequence` (1, 2, ...) was taken (ack) or refused (nack). Any thread.
    void settle(std::uint64_t sequence, bool ack);
    // The channel closed: nothing more is sent, whatever settles later.
    void close();

private:
    enum class Fate : std::uint8_t { Unknown, Ack, Nack, Sent };

    // Under the connection's output lock: appends the frames for what can go now.
    void fill(std::vector<std::uint8_t>& out);

    const std::uint16_t channelNumber_;
    const std::weak_ptr<ConnectionIo> io_;
    std::mutex mutex_;
    std::uint64_t sentUpTo_ = 0;            // every sequence up to this one is confirmed
    std::deque<Fate> fates_;                // sentUpTo_ + 1 onwards
    std::vector<std::uint64_t> beyondGap_;  // settled while an earlier one was not
    bool fillQueued_ = false;
    bool closed_ = false;
};

}  // namespace sbx::broker
