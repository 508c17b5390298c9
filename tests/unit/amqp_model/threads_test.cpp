#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "model_test_support.h"

namespace sbx::broker::amqp {
namespace {

using namespace test;

// Publishers, a getter/acker and topology changes at once: no deadlock, nothing lost.
// (Run under the asan preset or TSan to check the locking, not the timing.)
TEST(VirtualHostThreads, PublishGetAckAndTopologyChangesRunTogether) {
    VirtualHost vhost(options());
    declare(vhost, "work");
    declare(vhost, "audit");
    ASSERT_TRUE(vhost.bindQueue("work", "amq.fanout", "", {}, 1).ok());
    ASSERT_TRUE(vhost.bindQueue("audit", "amq.fanout", "", {}, 1).ok());
    constexpr int kPublishers = 3;
    constexpr int kEach = 400;
    constexpr int kTotal = kPublishers * kEach;

    std::vector<std::thread> threads;
    for (int p = 0; p < kPublishers; ++p) {
        threads.emplace_back([&vhost, p] {
            for (int i = 0; i < kEach; ++i) {
                auto result = vhost.publish(
                    message("amq.fanout", "", std::to_string(p) + ":" + std::to_string(i)), kT0);
                EXPECT_TRUE(result.ok());
            }
        });
    }
    threads.emplace_back([&vhost] {
        for (int i = 0; i < 100; ++i) {
            QueueDeclare d;
            d.name = "temp";
            EXPECT_TRUE(vhost.declareQueue(d, kT0).ok());
            EXPECT_TRUE(vhost.bindQueue("temp", "amq.fanout", "", {}, 1).ok());
            EXPECT_TRUE(vhost.deleteQueue("temp", false, false, 1).ok());
            vhost.tick(kT0);
        }
    });
    int acked = 0;
    threads.emplace_back([&vhost, &acked] {
        auto queue = vhost.findQueue("work");
        while (acked < kTotal) {
            auto got = vhost.get("work", 1, 1, false, kT0);
            ASSERT_TRUE(got.ok());
            if (got->has_value()) {
                EXPECT_TRUE(queue->ack((*got)->id, kT0));
                ++acked;
            } else {
                std::this_thread::yield();
            }
        }
    });
    for (auto& t : threads) {
        t.join();
    }
    EXPECT_EQ(acked, kTotal);
    EXPECT_EQ(vhost.findQueue("work")->stats().acked, static_cast<std::uint64_t>(kTotal));
    EXPECT_EQ(vhost.findQueue("audit")->stats().ready, static_cast<std::size_t>(kTotal));
    EXPECT_FALSE(vhost.findQueue("temp"));
}

}  // namespace
}  // namespace sbx::broker::amqp
