#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <vector>

#include "sbx/observe/broker_source.h"

namespace sbx::management::test {

// A BrokerSource held in memory: serves a fixed snapshot, records what commands it was
// given and answers them from a small rule set, and emits hop batches on demand. Enough
// to drive the HTTP layer without a broker.
class FakeBrokerSource final : public observe::BrokerSource {
public:
    FakeBrokerSource() {
        using observe::DestinationKind;
        snapshot_.time =
            std::chrono::system_clock::time_point(std::chrono::milliseconds(1700000000123));
        snapshot_.overview.name = "fake";
        snapshot_.overview.product = "Fake 1.0";
        snapshot_.overview.connections = 2;
        snapshot_.overview.counters.published = 42;
        snapshot_.overview.vhosts = {"/", "prod"};
        snapshot_.overview.listeners = {{"amqp", "127.0.0.1:5672"}};
        observe::Destination orders;
        orders.id = "queue:/orders";
        orders.kind = DestinationKind::Queue;
        orders.vhost = "/";
        orders.name = "orders";
        orders.type = "classic";
        orders.messagesReady = 3;
        orders.counters.published = 10;
        orders.arguments = {{"x-message-ttl", "60000"}};
        observe::Destination quoted = orders;
        quoted.id = "queue:prod/we\"ird\\name\n";
        quoted.vhost = "prod";
        quoted.name = "we\"ird\\name\n";
        observe::Destination exchange;
        exchange.id = "exchange:/amq.topic";
        exchange.kind = DestinationKind::Exchange;
        exchange.vhost = "/";
        exchange.name = "amq.topic";
        exchange.type = "topic";
        observe::Destination topic;
        topic.id = "topic:sensors/t1";
        topic.kind = DestinationKind::Topic;
        topic.name = "sensors/t1";
        topic.lastValue = std::string("\xff\x00\x01", 3);
        topic.retained = true;
        observe::Destination slow = orders;
        slow.id = "queue:/slow";
        slow.name = "slow";
        snapshot_.destinations = {orders, quoted, exchange, topic, slow};
        snapshot_.bindings = {{"/", "amq.topic", "queue:/orders", "orders.#", {}}};
        observe::Client client;
        client.id = "c1";
        client.name = "sensor-1";
        client.protocol = "mqtt";
        client.subscriptions = {{"topic:sensors/#", "", 1, 0, false}};
        snapshot_.clients = {client};
        observe::ObservedMessage message;
        message.destinationId = "queue:/orders";
        message.payload = "{\"n\":1}";
        message.properties = {{"content-type", "application/json"}};
        messages_ = {message, message};
        messages_[1].position = 1;
    }

    std::string name() const override { return "fake"; }
    observe::Capabilities capabilities() const override {
        observe::Capabilities c;
        c.add(observe::Capability::Peek)
            .add(observe::Capability::Publish)
            .add(observe::Capability::HopEvents)
            .add(observe::Capability::LiveMessages);
        return c;
    }

    Result<observe::BrokerSnapshot> snapshot() override {
        std::lock_guard lock(mutex_);
        ++snapshots;
        return snapshot_;
    }

    Result<std::vector<observe::ObservedMessage>> peek(const observe::PeekRequest& r) override {
        if (r.destinationId == "queue:/slow") {
            std::unique_lock gate(gateMutex_);
            ++blockedPeeks_;
            gateChanged_.notify_all();
            gateChanged_.wait(gate, [this] { return gateOpen_; });
        }
        std::lock_guard lock(mutex_);
        lastPeek = r;
        if (!known(r.destinationId)) {
            return notFound(r.destinationId);
        }
        return std::vector<observe::ObservedMessage>(
            messages_.begin(), messages_.begin() + static_cast<std::ptrdiff_t>(
                                                       std::min(r.maxCount, messages_.size())));
    }
    Status publish(const observe::PublishRequest& r) override {
        std::lock_guard lock(mutex_);
        published.push_back(r);
        if (r.exchange == "missing") {
            return Error{ErrorCode::NotFound, "NOT_FOUND - no exchange 'missing' in vhost '/'"};
        }
        return {};
    }
    Result<std::uint64_t> purge(std::string_view id) override {
        std::lock_guard lock(mutex_);
        if (!known(id)) {
            return notFound(id);
        }
        return std::uint64_t{3};
    }
    Status remove(std::string_view id) override {
        std::lock_guard lock(mutex_);
        removed.emplace_back(id);
        if (id.starts_with("topic:")) {
            return Error{ErrorCode::Unsupported, "MQTT topics exist while used"};
        }
        if (!known(id)) {
            return notFound(id);
        }
        return {};
    }
    Status declare(const observe::DeclareRequest& r) override {
        std::lock_guard lock(mutex_);
        declared.push_back(r);
        if (r.name == "orders") {
            return Error{ErrorCode::InvalidArgument,
                         "PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'orders'"};
        }
        if (r.name.empty()) {
            return Error{ErrorCode::InvalidArgument, "a name is required"};
        }
        return {};
    }
    Status bind(const observe::BindRequest& r) override {
        std::lock_guard lock(mutex_);
        bound.push_back(r);
        return {};
    }
    Status unbind(const observe::BindRequest& r) override {
        std::lock_guard lock(mutex_);
        unbound.push_back(r);
        return {};
    }
    Status disconnectClient(std::string_view id) override {
        std::lock_guard lock(mutex_);
        if (id != "c1") {
            return Error{ErrorCode::NotFound, "no connected client '" + std::string(id) + "'"};
        }
        disconnected.emplace_back(id);
        return {};
    }
    Result<observe::RedriveResult> redrive(const observe::RedriveRequest& r) override {
        std::lock_guard lock(mutex_);
        lastRedrive = r;
        if (!known(r.sourceId)) {
            return notFound(r.sourceId);
        }
        return observe::RedriveResult{5, 1};
    }

    ListenerId watchHops(HopListener listener) override {
        std::lock_guard lock(mutex_);
        listeners_.emplace_back(nextId_, std::move(listener));
        return nextId_++;
    }
    void unwatchHops(ListenerId id) override {
        std::lock_guard lock(mutex_);
        std::erase_if(listeners_, [id](const auto& e) { return e.first == id; });
    }

    std::size_t listenerCount() {
        std::lock_guard lock(mutex_);
        return listeners_.size();
    }
    // Calls every listener with `events`, as a source thread would.
    void emit(const std::vector<observe::HopEvent>& events) {
        std::vector<HopListener> copy;
        {
            std::lock_guard lock(mutex_);
            for (const auto& e : listeners_) {
                copy.push_back(e.second);
            }
        }
        for (const auto& l : copy) {
            l(events);
        }
    }

    // Live tails: any destination id or filter is accepted; emitMessages feeds them all.
    Result<ListenerId> watchMessages(const observe::MessageWatch& watch,
                                     MessageListener listener) override {
        std::lock_guard lock(mutex_);
        messageWatches_.emplace_back(nextId_, std::move(listener));
        lastMessageWatch = watch;
        return nextId_++;
    }
    void unwatchMessages(ListenerId id) override {
        std::lock_guard lock(mutex_);
        std::erase_if(messageWatches_, [id](const auto& e) { return e.first == id; });
    }
    std::size_t messageWatchCount() {
        std::lock_guard lock(mutex_);
        return messageWatches_.size();
    }
    void emitMessages(const observe::MessageBatch& batch) {
        std::vector<MessageListener> copy;
        {
            std::lock_guard lock(mutex_);
            for (const auto& e : messageWatches_) {
                copy.push_back(e.second);
            }
        }
        for (const auto& l : copy) {
            l(batch);
        }
    }

    // Peeks of "queue:/slow" wait for openGate(); waitForBlockedPeek() sees one waiting.
    void waitForBlockedPeek() {
        std::unique_lock gate(gateMutex_);
        gateChanged_.wait(gate, [this] { return blockedPeeks_ > 0; });
    }
    void openGate() {
        std::lock_guard gate(gateMutex_);
        gateOpen_ = true;
        gateChanged_.notify_all();
    }

    // What commands arrived (read after the HTTP reply, which orders them).
    std::vector<observe::PublishRequest> published;
    std::vector<std::string> removed;
    std::vector<observe::DeclareRequest> declared;
    std::vector<observe::BindRequest> bound;
    std::vector<observe::BindRequest> unbound;
    std::vector<std::string> disconnected;
    observe::PeekRequest lastPeek;
    observe::RedriveRequest lastRedrive;
    observe::MessageWatch lastMessageWatch;
    int snapshots = 0;

private:
    bool known(std::string_view id) const {
        for (const auto& d : snapshot_.destinations) {
            if (d.id == id) {
                return true;
            }
        }
        return false;
    }
    static Error notFound(std::string_view id) {
        return Error{ErrorCode::NotFound, "no destination '" + std::string(id) + "'"};
    }

    std::mutex gateMutex_;
    std::condition_variable gateChanged_;
    int blockedPeeks_ = 0;
    bool gateOpen_ = false;

    std::mutex mutex_;
    observe::BrokerSnapshot snapshot_;
    std::vector<observe::ObservedMessage> messages_;
    std::vector<std::pair<ListenerId, HopListener>> listeners_;
    std::vector<std::pair<ListenerId, MessageListener>> messageWatches_;
    ListenerId nextId_ = 1;
};

}  // namespace sbx::management::test
