#include "topic_table.h"

#include <algorithm>

namespace sbx::mqtt_connector {

bool isSysTopic(std::string_view topic) {
    return topic.starts_with("$SYS/") || topic == "$SYS";
}

void TopicTable::record(observe::ObservedMessage message, std::uint8_t qos, bool retain) {
    std::lock_guard lock(mutex_);
    const std::string topic = message.routingKey;
    auto [it, added] = topics_.try_emplace(topic);
    Record& record = it->second;
    if (added) {
        record.age = order_.insert(order_.end(), topic);
    } else {
        order_.splice(order_.end(), order_, record.age);
    }
    ++record.messages;
    record.bytes += message.payload.size();
    record.lastTruncated = message.payload.size() > observe::Destination::kLastValueBytes;
    record.lastPayload = message.payload.substr(0, observe::Destination::kLastValueBytes);
    record.lastTime = message.time;
    record.lastQos = qos;
    if (!isSysTopic(topic)) {
        ++messages_;
    }
    Kept kept{++sequence_, std::move(message)};
    if (retain) {
        if (record.retained) {
            keptBytes_ -= record.retained->message.payload.size();
            record.retained.reset();
        }
        if (!kept.message.payload.empty()) {
            record.retained = kept;
            keptBytes_ += kept.message.payload.size();
        }
    }
    keep(record, std::move(kept));
    enforceLimits(topic);
}

void TopicTable::keep(Record& record, Kept message) {
    const auto size = message.message.payload.size();
    record.kept.push_back(std::move(message));
    record.keptBytes += size;
    keptBytes_ += size;
    // Keep at least the newest message, however large.
    while (record.kept.size() > 1 && (record.kept.size() > limits_.keptPerTopic ||
                                      record.keptBytes > limits_.keptBytesPerTopic)) {
        const auto dropped = record.kept.front().message.payload.size();
        record.keptBytes -= dropped;
        keptBytes_ -= dropped;
        record.kept.pop_front();
    }
}

void TopicTable::dropKept(Record& record) {
    keptBytes_ -= record.keptBytes;
    record.keptBytes = 0;
    record.kept.clear();
}

void TopicTable::enforceLimits(const std::string& current) {
    while (topics_.size() > limits_.maxTopics) {
        auto oldest = topics_.find(order_.front());
        dropKept(oldest->second);
        if (oldest->second.retained) {
            keptBytes_ -= oldest->second.retained->message.payload.size();
        }
        topics_.erase(oldest);
        order_.pop_front();
        ++forgotten_;
    }
    for (auto it = order_.begin(); keptBytes_ > limits_.maxKeptBytes && it != order_.end(); ++it) {
        if (*it != current) {
            dropKept(topics_.at(*it));
        }
    }
}

std::vector<observe::Destination> TopicTable::destinations() const {
    std::lock_guard lock(mutex_);
    std::vector<observe::Destination> out;
    out.reserve(topics_.size());
    for (const auto& [topic, record] : topics_) {
        observe::Destination d;
        d.id = "topic:" + topic;
        d.kind = observe::DestinationKind::Topic;
        d.name = topic;
        d.type = isSysTopic(topic) ? "sys" : "topic";
        d.counters.published = record.messages;
        d.bytes = record.bytes;
        d.messagesReady = record.retained ? 1 : 0;
        d.retained = record.retained.has_value();
        d.lastValue = record.lastPayload;
        d.lastValueTruncated = record.lastTruncated;
        d.lastMessageTime = record.lastTime;
        d.arguments.push_back({"qos", std::to_string(record.lastQos)});
        out.push_back(std::move(d));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    return out;
}

Result<std::vector<observe::ObservedMessage>> TopicTable::messages(const std::string& topic,
                                                                   std::size_t maxCount) const {
    std::lock_guard lock(mutex_);
    auto it = topics_.find(topic);
    if (it == topics_.end()) {
        return Error{ErrorCode::NotFound, "no message seen on topic '" + topic +
                                              "' since connecting (is it outside the "
                                              "discovery filter?)"};
    }
    const Record& record = it->second;
    std::vector<observe::ObservedMessage> out;
    const bool retainedKept =
        record.retained && std::any_of(record.kept.begin(), record.kept.end(), [&](const Kept& k) {
            return k.sequence == record.retained->sequence;
        });
    if (record.retained && !retainedKept) {
        out.push_back(record.retained->message);
    }
    const std::size_t room = maxCount > out.size() ? maxCount - out.size() : 0;
    const std::size_t skip = record.kept.size() > room ? record.kept.size() - room : 0;
    for (std::size_t i = skip; i < record.kept.size(); ++i) {
        out.push_back(record.kept[i].message);
    }
    for (std::size_t i = 0; i < out.size(); ++i) {
        out[i].position = i;
    }
    return out;
}

std::optional<std::string> TopicTable::lastPayload(const std::string& topic) const {
    std::lock_guard lock(mutex_);
    auto it = topics_.find(topic);
    if (it == topics_.end()) {
        return std::nullopt;
    }
    return it->second.lastPayload;
}

bool TopicTable::hasRetained(const std::string& topic) const {
    std::lock_guard lock(mutex_);
    auto it = topics_.find(topic);
    return it != topics_.end() && it->second.retained.has_value();
}

TopicTable::Totals TopicTable::totals() const {
    std::lock_guard lock(mutex_);
    Totals totals;
    totals.messages = messages_;
    totals.forgotten = forgotten_;
    for (const auto& [topic, record] : topics_) {
        if (record.retained && !isSysTopic(topic)) {
            ++totals.retained;
        }
    }
    return totals;
}

}  // namespace sbx::mqtt_connector
