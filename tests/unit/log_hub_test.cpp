#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "sbx/common/log_hub.h"

namespace sbx {
namespace {

TEST(LogHub, DeliversToEverySubscriberUntilUnsubscribed) {
    LogHub hub;
    std::vector<std::string> first;
    std::vector<std::string> second;
    const auto a = hub.subscribe([&](const LogRecord& r) { first.push_back(r.message); });
    hub.subscribe([&](const LogRecord& r) { second.push_back(r.source + ":" + r.message); });

    hub.log(LogLevel::Info, "studio", "one");
    hub.unsubscribe(a);
    hub.log(LogLevel::Error, "broker", "two");

    EXPECT_EQ(first, (std::vector<std::string>{"one"}));
    EXPECT_EQ(second, (std::vector<std::string>{"studio:one", "broker:two"}));
}

TEST(LogHub, AcceptsRecordsFromManyThreads) {
    LogHub hub;
    std::atomic<int> seen{0};
    hub.subscribe([&](const LogRecord&) { seen.fetch_add(1); });
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 1000; ++i) {
                hub.log(LogLevel::Debug, "t", "m");
            }
        });
    }
    for (auto& thread : threads) {
        thread.join();
    }
    EXPECT_EQ(seen.load(), 4000);
}

}  // namespace
}  // namespace sbx
