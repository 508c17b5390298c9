#pragma once

#include <optional>
#include <stdexcept>

#include "sbx/observe/broker_source.h"

namespace sbx::test {

// A source with one queue; throws where a faulty plugin would, when asked to.
class FakeSource : public observe::BrokerSource {
public:
    explicit FakeSource(bool throwInSnapshot = false) : throwInSnapshot_(throwInSnapshot) {}

    std::string name() const override { return "fake"; }
    observe::Capabilities capabilities() const override {
        return observe::Capabilities{}.add(observe::Capability::Peek);
    }
    Result<observe::BrokerSnapshot> snapshot() override {
        if (throwInSnapshot_) {
            throw std::runtime_error("snapshot exploded");
        }
        if (failWith) {
            return *failWith;
        }
        observe::BrokerSnapshot snapshot;
        observe::Destination queue;
        queue.id = "queue:/orders";
        queue.name = "orders";
        queue.kind = observe::DestinationKind::Queue;
        queue.messagesReady = 7;
        snapshot.destinations.push_back(queue);
        ++snapshots;
        return snapshot;
    }
    Result<std::vector<observe::ObservedMessage>> peek(const observe::PeekRequest&) override {
        throw std::logic_error("peek is broken");
    }
    Status publish(const observe::PublishRequest&) override { return unsupported(); }
    Result<std::uint64_t> purge(std::string_view) override { return unsupported(); }
    Status remove(std::string_view) override { return unsupported(); }
    Status declare(const observe::DeclareRequest&) override { return unsupported(); }
    Status bind(const observe::BindRequest&) override { return unsupported(); }
    Status unbind(const observe::BindRequest&) override { return unsupported(); }
    Status disconnectClient(std::string_view) override { return unsupported(); }
    Result<observe::RedriveResult> redrive(const observe::RedriveRequest&) override {
        return unsupported();
    }
    ListenerId watchHops(HopListener) override { return 0; }
    void unwatchHops(ListenerId) override {}

    std::optional<Error> failWith;
    int snapshots = 0;

private:
    static Error unsupported() { return Error{ErrorCode::Unsupported, "not in the fake"}; }
    bool throwInSnapshot_;
};

}  // namespace sbx::test
