#include "sbx/bench/topic_plan.h"

#include <gtest/gtest.h>

namespace sbx::bench {
namespace {

using Heard = std::vector<std::uint32_t>;

MqttBenchmarkOptions plan(std::uint32_t publishers, std::uint32_t subscribers,
                          TopicMode mode = TopicMode::PerPublisher) {
    MqttBenchmarkOptions options;
    options.publishers = publishers;
    options.subscribers = subscribers;
    options.topics = mode;
    return options;
}

TEST(TopicPlan, EachPublisherHasItsOwnTopic) {
    EXPECT_EQ(publisherTopic(plan(4, 4), 0), "sbx/bench/0");
    EXPECT_EQ(publisherTopic(plan(4, 4), 3), "sbx/bench/3");
}

TEST(TopicPlan, EqualCountsPairPublishersWithSubscribers) {
    EXPECT_EQ(publishersHeardBy(plan(4, 4), 2), Heard{2});
}

TEST(TopicPlan, FewerSubscribersShareThePublishersOut) {
    EXPECT_EQ(publishersHeardBy(plan(5, 2), 0), (Heard{0, 2, 4}));
    EXPECT_EQ(publishersHeardBy(plan(5, 2), 1), (Heard{1, 3}));
}

TEST(TopicPlan, MoreSubscribersGiveEachPublisherSeveralListeners) {
    EXPECT_EQ(publishersHeardBy(plan(1, 100), 57), Heard{0});
    EXPECT_EQ(publishersHeardBy(plan(2, 5), 3), Heard{1});
}

TEST(TopicPlan, FanoutPutsEveryoneOnOneTopic) {
    const auto options = plan(3, 10, TopicMode::Fanout);
    EXPECT_EQ(publisherTopic(options, 0), publisherTopic(options, 2));
    EXPECT_EQ(publishersHeardBy(options, 9), (Heard{0, 1, 2}));
}

}  // namespace
}  // namespace sbx::bench
