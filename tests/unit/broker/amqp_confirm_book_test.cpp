// AmqpConfirmBook: publisher confirms coalesced as RabbitMQ's channel coalesces them.
#include "amqp_confirm_book.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "connection_io.h"
#include "sbx/amqp/codec.h"

namespace sbx::broker {
namespace {

namespace wire = sbx::amqp;

// Holds writeLate() fills until the test lets the "socket" take the bytes.
class DeferringIo : public ConnectionIo {
public:
    bool write(const Fill& fill) override {
        fill(output);
        return true;
    }
    bool writeLate(Fill fill) override {
        late.push_back(std::move(fill));
        return true;
    }
    std::size_t pendingBytes() const override { return 0; }
    void closeAfterWrites() override {}
    void setIdleTimeout(std::chrono::milliseconds) override {}
    const std::string& remoteAddress() const override { return address; }
    void pauseReading() override {}
    void resumeReading() override {}

    // What the connection would hand to the socket now.
    std::vector<std::uint8_t> takeOutput() {
        for (auto& fill : late) {
            fill(output);
        }
        late.clear();
        return std::exchange(output, {});
    }

    std::vector<std::uint8_t> output;
    std::vector<Fill> late;
    std::string address = "test";
};

std::vector<std::uint8_t> frames(const std::vector<wire::Method>& methods) {
    std::vector<std::uint8_t> out;
    for (const auto& method : methods) {
        wire::encodeMethodFrame(1, method, out);
    }
    return out;
}

class AmqpConfirmBookTest : public ::testing::Test {
protected:
    std::shared_ptr<DeferringIo> io = std::make_shared<DeferringIo>();
    std::shared_ptr<AmqpConfirmBook> book = std::make_shared<AmqpConfirmBook>(1, io);
};

TEST_F(AmqpConfirmBookTest, ARunSettledBeforeTheWriteIsOneMultipleAck) {
    for (std::uint64_t sequence = 1; sequence <= 5; ++sequence) {
        book->settle(sequence, true);
    }
    EXPECT_EQ(io->late.size(), 1U);  // one write turn for all five
    EXPECT_EQ(io->takeOutput(), frames({wire::BasicAck{5, true}}));
    book->settle(6, true);
    EXPECT_EQ(io->takeOutput(), frames({wire::BasicAck{6, false}}));
}

TEST_F(AmqpConfirmBookTest, MessagesBeyondAGapAreAckedSinglyAndTheRunFollowsTheGap) {
    book->settle(2, true);
    book->settle(3, true);
    EXPECT_EQ(io->takeOutput(), frames({wire::BasicAck{2, false}, wire::BasicAck{3, false}}));
    // #1 (say, waiting for an fsync) settles last: one multiple ack closes the gap.
    book->settle(4, true);
    book->settle(1, true);
    EXPECT_EQ(io->takeOutput(), frames({wire::BasicAck{4, true}}));
}

TEST_F(AmqpConfirmBookTest, NacksGoAloneAndSplitRuns) {
    book->settle(1, true);
    book->settle(2, true);
    book->settle(3, false);
    book->settle(4, true);
    EXPECT_EQ(io->takeOutput(), frames({wire::BasicAck{2, true}, wire::BasicNack{3, false, false},
                                        wire::BasicAck{4, false}}));
}

TEST_F(AmqpConfirmBookTest, NothingIsSentAfterTheChannelClosed) {
    book->settle(1, true);
    book->close();
    book->settle(2, true);
    EXPECT_TRUE(io->takeOutput().empty());
}

}  // namespace
}  // namespace sbx::broker
