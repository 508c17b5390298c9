#include "topic_activity.h"

#include <algorithm>
#include <functional>

namespace sbx::broker {

TopicActivity::TopicActivity(std::size_t capacity)
    : perShard_(std::max<std::size_t>(1, (capacity + kShards - 1) / kShards)) {}

TopicActivity::Shard& TopicActivity::shardOf(std::string_view topic) {
    return shards_[std::hash<std::string_view>{}(topic) % kShards];
}

// Moves the topic to the front (creating it, evicting the quietest when full).
TopicRecord& TopicActivity::touch(Shard& shard, const std::string& topic) {
    if (auto found = shard.byTopic.find(topic); found != shard.byTopic.end()) {
        shard.order.splice(shard.order.begin(), shard.order, found->second);
        return shard.order.front();
    }
    if (shard.order.size() >= perShard_) {
        shard.byTopic.erase(shard.order.back().topic);
        shard.order.pop_back();
    }
    shard.order.push_front(TopicRecord{});
    TopicRecord& record = shard.order.front();
    record.topic = topic;
    // The key views the record's own string, which never moves inside the list node.
    shard.byTopic.emplace(record.topic, shard.order.begin());
    return record;
}

void TopicActivity::keepValue(TopicRecord& record, const Message& message) {
    const std::size_t kept = std::min(message.payload.size(), kLastValueBytes);
    record.lastValue.assign(message.payload.data(), kept);
    record.lastValueTruncated = kept < message.payload.size();
    record.lastTime = message.receivedAt;
}

void TopicActivity::record(const Message& message, std::size_t reached) {
    Shard& shard = shardOf(message.topic);
    std::lock_guard lock(shard.mutex);
    TopicRecord& record = touch(shard, message.topic);
    ++record.messages;
    record.deliveries += reached;
    keepValue(record, message);
    if (message.retain) {
        // An empty retained payload clears the topic's retained message (MQTT 5 §3.3.1.3).
        record.retained = !message.payload.empty();
    }
}

void TopicActivity::restoreRetained(const Message& message) {
    Shard& shard = shardOf(message.topic);
    std::lock_guard lock(shard.mutex);
    TopicRecord& record = touch(shard, message.topic);
    keepValue(record, message);
    record.retained = true;
}

std::vector<TopicRecord> TopicActivity::all() const {
    std::vector<TopicRecord> out;
    out.reserve(size());
    for (const Shard& shard : shards_) {
        std::lock_guard lock(shard.mutex);
        out.insert(out.end(), shard.order.begin(), shard.order.end());
    }
    return out;
}

std::size_t TopicActivity::size() const {
    std::size_t total = 0;
    for (const Shard& shard : shards_) {
        std::lock_guard lock(shard.mutex);
        total += shard.order.size();
    }
    return total;
}

}  // namespace sbx::broker
