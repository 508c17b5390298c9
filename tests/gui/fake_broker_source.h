#pragma once

#include <atomic>
#include <mutex>
#include <string>
#include <vector>

#include "sbx/observe/broker_source.h"

// A BrokerSource whose snapshot the test sets, for the monitor and model tests that do
// not need a real broker. Records the commands it is given.
class FakeBrokerSource : public sbx::observe::BrokerSource {
public:
    explicit FakeBrokerSource(std::string name = "fake") : name_(std::move(name)) {}

    void setSnapshot(sbx::observe::BrokerSnapshot snapshot) {
        const std::lock_guard lock(mutex_);
        snapshot_ = std::move(snapshot);
        failure_.clear();
    }
    void failWith(std::string reason) {
        const std::lock_guard lock(mutex_);
        failure_ = std::move(reason);
    }
    // Hands `batch` to the hop listeners, as a broker's flusher thread would.
    void emitHops(const std::vector<sbx::observe::HopEvent>& batch) {
        const std::lock_guard lock(mutex_);
        for (const auto& [id, listener] : listeners_) {
            listener(batch);
        }
    }
    [[nodiscard]] std::vector<std::string> commands() const {
        const std::lock_guard lock(mutex_);
        return commands_;
    }
    [[nodiscard]] std::size_t listenerCount() const {
        const std::lock_guard lock(mutex_);
        return listeners_.size();
    }
    std::atomic<int> snapshotCalls{0};

    [[nodiscard]] std::string name() const override { return name_; }
    [[nodiscard]] sbx::observe::Capabilities capabilities() const override {
        using sbx::observe::Capability;
        sbx::observe::Capabilities caps;
        caps.add(Capability::Purge)
            .add(Capability::Delete)
            .add(Capability::DisconnectClient)
            .add(Capability::HopEvents);
        return caps;
    }
    sbx::Result<sbx::observe::BrokerSnapshot> snapshot() override {
        ++snapshotCalls;
        const std::lock_guard lock(mutex_);
        if (!failure_.empty()) {
            return sbx::Error{sbx::ErrorCode::IoError, failure_};
        }
        auto copy = snapshot_;
        copy.time = std::chrono::system_clock::now();
        return copy;
    }
    sbx::Result<std::vector<sbx::observe::ObservedMessage>> peek(
        const sbx::observe::PeekRequest&) override {
        return std::vector<sbx::observe::ObservedMessage>{};
    }
    sbx::Status publish(const sbx::observe::PublishRequest&) override { return record("publish"); }
    sbx::Result<std::uint64_t> purge(std::string_view id) override {
        (void)record("purge " + std::string(id));
        return std::uint64_t{0};
    }
    sbx::Status remove(std::string_view id) override { return record("remove " + std::string(id)); }
    sbx::Status declare(const sbx::observe::DeclareRequest&) override { return record("declare"); }
    sbx::Status bind(const sbx::observe::BindRequest&) override { return record("bind"); }
    sbx::Status unbind(const sbx::observe::BindRequest&) override { return record("unbind"); }
    sbx::Status disconnectClient(std::string_view id) override {
        if (id == "unknown") {
            return sbx::Error{sbx::ErrorCode::NotFound, "no client unknown"};
        }
        return record("disconnect " + std::string(id));
    }
    sbx::Result<sbx::observe::RedriveResult> redrive(const sbx::observe::RedriveRequest&) override {
        return sbx::observe::RedriveResult{};
    }
    ListenerId watchHops(HopListener listener) override {
        const std::lock_guard lock(mutex_);
        listeners_.emplace_back(++nextId_, std::move(listener));
        return nextId_;
    }
    void unwatchHops(ListenerId id) override {
        const std::lock_guard lock(mutex_);
        std::erase_if(listeners_, [id](const auto& entry) { return entry.first == id; });
    }

private:
    sbx::Status record(std::string command) {
        const std::lock_guard lock(mutex_);
        commands_.push_back(std::move(command));
        return {};
    }

    std::string name_;
    mutable std::mutex mutex_;
    sbx::observe::BrokerSnapshot snapshot_;
    std::string failure_;
    std::vector<std::string> commands_;
    std::vector<std::pair<ListenerId, HopListener>> listeners_;
    ListenerId nextId_ = 0;
};

// Snapshot building blocks.
inline sbx::observe::Destination makeQueue(const std::string& name, std::uint64_t ready,
                                           std::uint32_t consumers = 1,
                                           const std::string& vhost = "/") {
    sbx::observe::Destination queue;
    queue.id = "queue:" + vhost + "/" + name;
    queue.kind = sbx::observe::DestinationKind::Queue;
    queue.vhost = vhost;
    queue.name = name;
    queue.type = "classic";
    queue.messagesReady = ready;
    queue.consumers = consumers;
    return queue;
}

inline sbx::observe::Destination makeTopic(const std::string& name, const std::string& lastValue,
                                           std::uint64_t published = 1) {
    sbx::observe::Destination topic;
    topic.id = "topic:" + name;
    topic.kind = sbx::observe::DestinationKind::Topic;
    topic.name = name;
    topic.lastValue = lastValue;
    topic.counters.published = published;
    return topic;
}

inline sbx::observe::Destination makeExchange(const std::string& name, const std::string& type,
                                              const std::string& vhost = "/") {
    sbx::observe::Destination exchange;
    exchange.id = "exchange:" + vhost + "/" + name;
    exchange.kind = sbx::observe::DestinationKind::Exchange;
    exchange.vhost = vhost;
    exchange.name = name;
    exchange.type = type;
    return exchange;
}
