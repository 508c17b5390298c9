#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "sbx/common/result.h"
#include "sbx/observe/broker_snapshot.h"
#include "sbx/observe/observed_message.h"

namespace sbx::mqtt_connector {

// Every topic seen on the discovery subscription: counts, bytes, last value, retained
// flag, QoS, and the last few messages for peek. Bounded: beyond `maxTopics` the least
// recently updated topic is forgotten, and the kept messages of all topics together stay
// under `maxKeptBytes` (the oldest topics lose theirs first). Thread-safe.
class TopicTable {
public:
    struct Limits {
        std::size_t maxTopics = 100000;
        std::size_t keptPerTopic = 20;
        std::size_t keptBytesPerTopic = 256 * 1024;
        std::size_t maxKeptBytes = 64 * 1024 * 1024;
    };

    TopicTable() : TopicTable(Limits{}) {}
    explicit TopicTable(Limits limits) : limits_(limits) {}

    // One message seen; `retain` as the broker flagged it (with MQTT 5's retain-as-
    // published, also for live messages). An empty retained message clears the topic's.
    void record(observe::ObservedMessage message, std::uint8_t qos, bool retain);

    // One Destination of kind Topic per topic, "$SYS/..." ones of type "sys".
    [[nodiscard]] std::vector<observe::Destination> destinations() const;
    // The retained message (when it is no longer among the kept ones) and then the kept
    // messages, oldest first, at most `maxCount` (the newest).
    [[nodiscard]] Result<std::vector<observe::ObservedMessage>> messages(
        const std::string& topic, std::size_t maxCount) const;
    // The last payload of a topic ($SYS values), if seen.
    [[nodiscard]] std::optional<std::string> lastPayload(const std::string& topic) const;
    [[nodiscard]] bool hasRetained(const std::string& topic) const;

    struct Totals {
        std::uint64_t messages = 0;  // on topics outside $SYS
        std::uint64_t retained = 0;
        std::uint64_t forgotten = 0;  // topics dropped beyond maxTopics
    };
    [[nodiscard]] Totals totals() const;

private:
    struct Kept {
        std::uint64_t sequence = 0;
        observe::ObservedMessage message;
    };
    struct Record {
        std::uint64_t messages = 0;
        std::uint64_t bytes = 0;
        std::string lastPayload;  // up to Destination::kLastValueBytes
        bool lastTruncated = false;
        std::chrono::system_clock::time_point lastTime{};
        std::uint8_t lastQos = 0;
        std::optional<Kept> retained;
        std::deque<Kept> kept;
        std::size_t keptBytes = 0;
        std::list<std::string>::iterator age;  // in order_
    };

    void keep(Record& record, Kept message);
    void dropKept(Record& record);
    void enforceLimits(const std::string& current);

    const Limits limits_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Record> topics_;
    std::list<std::string> order_;  // least recently updated first
    std::uint64_t sequence_ = 0;
    std::size_t keptBytes_ = 0;
    std::uint64_t messages_ = 0;
    std::uint64_t forgotten_ = 0;
};

[[nodiscard]] bool isSysTopic(std::string_view topic);

}  // namespace sbx::mqtt_connector
