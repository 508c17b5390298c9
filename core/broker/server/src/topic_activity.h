#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <list>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sbx/broker/message.h"

namespace sbx::broker {

// What one MQTT topic has seen, for the topic tree of the observe model.
struct TopicRecord {
    std::string topic;
    std::uint64_t messages = 0;    // published to it
    std::uint64_t deliveries = 0;  // subscribers reached, summed
    std::string lastValue;         // the first kLastValueBytes of the last payload
    bool lastValueTruncated = false;
    bool retained = false;  // a retained message is held for it
    std::chrono::system_clock::time_point lastTime{};
};

// Every topic that has seen a message since start, bounded: beyond `capacity` topics the
// one that has been quiet longest is forgotten. Fed from Router::route (MQTT publishes,
// wills, the AMQP->MQTT bridge). The table is split into shards, each with its own lock,
// so publishers on different io threads rarely wait for each other; a record copies at
// most kLastValueBytes into a string that keeps its capacity (no allocation once warm).
class TopicActivity {
public:
    static constexpr std::size_t kLastValueBytes = 1024;
    static constexpr std::size_t kDefaultCapacity = 100'000;

    explicit TopicActivity(std::size_t capacity = kDefaultCapacity);

    void record(const Message& message, std::size_t reached);
    // A retained message was restored at start-up (no publish, but the topic has a value).
    void restoreRetained(const Message& message);

    [[nodiscard]] std::vector<TopicRecord> all() const;
    [[nodiscard]] std::size_t size() const;

private:
    static constexpr std::size_t kShards = 16;
    struct Shard {
        mutable std::mutex mutex;
        std::list<TopicRecord> order;  // most recently active first
        std::unordered_map<std::string_view, std::list<TopicRecord>::iterator> byTopic;
    };

    Shard& shardOf(std::string_view topic);
    TopicRecord& touch(Shard& shard, const std::string& topic);
    static void keepValue(TopicRecord& record, const Message& message);

    std::size_t perShard_;
    std::array<Shard, kShards> shards_;
};

}  // namespace sbx::broker
