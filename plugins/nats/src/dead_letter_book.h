#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace sbx::nats {

// A JetStream message that went past its consumer's max deliveries, as announced on
// $JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.<stream>.<consumer>. JetStream keeps the
// message in the stream; the advisory is all that marks it.
struct DeadLetter {
    std::string stream;
    std::string consumer;
    std::uint64_t streamSequence = 0;
    std::uint64_t deliveries = 0;
    std::chrono::system_clock::time_point time{};
};

// The advisories seen while the session lives, oldest first, at most kCapacity (the
// oldest are forgotten first). Thread-safe: the advisory reader adds, commands read.
class DeadLetterBook {
public:
    static constexpr std::size_t kCapacity = 10000;
    using Key = std::pair<std::string, std::string>;  // stream, consumer

    // A repeated advisory for the same message updates its delivery count.
    void add(DeadLetter letter);
    [[nodiscard]] std::vector<DeadLetter> list(const std::string& stream,
                                               const std::string& consumer) const;
    void remove(const std::string& stream, const std::string& consumer, std::uint64_t sequence);
    [[nodiscard]] std::map<Key, std::size_t> counts() const;

private:
    mutable std::mutex mutex_;
    std::deque<DeadLetter> letters_;
};

}  // namespace sbx::nats
