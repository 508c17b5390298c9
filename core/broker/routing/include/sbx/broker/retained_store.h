#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include "sbx/broker/message.h"

namespace sbx::broker {

// The last retained message per topic (MQTT 5 §3.3.1.3), found by topic filter without
// scanning every topic. Not thread-safe: the broker guards it.
class RetainedStore {
public:
    RetainedStore();
    ~RetainedStore();
    RetainedStore(const RetainedStore&) = delete;
    RetainedStore& operator=(const RetainedStore&) = delete;

    // Stores `message` for its topic; an empty payload clears the topic instead.
    void set(MessagePtr message);
    void erase(std::string_view topic);

    // Appends to `out` the retained messages whose topics match `filter` (with the
    // `$`-topic rule), skipping any that expired before `now`.
    void match(std::string_view filter, std::chrono::system_clock::time_point now,
               std::vector<MessagePtr>& out) const;

    // Drops expired messages; returns how many.
    std::size_t purgeExpired(std::chrono::system_clock::time_point now);

    [[nodiscard]] std::size_t size() const;
    [[nodiscard]] std::vector<MessagePtr> all() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace sbx::broker
