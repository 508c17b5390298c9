#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/common/result.h"
#include "sbx/observe/broker_commands.h"
#include "sbx/observe/broker_snapshot.h"
#include "sbx/observe/hop_event.h"
#include "sbx/observe/observed_message.h"

namespace sbx::observe {

// What a source can do, so the UI hides what a broker cannot.
enum class Capability : std::uint32_t {
    Peek = 1U << 0,
    Publish = 1U << 1,
    PublishMqtt = 1U << 2,
    Purge = 1U << 3,
    Delete = 1U << 4,
    Declare = 1U << 5,
    Bind = 1U << 6,
    DisconnectClient = 1U << 7,
    Redrive = 1U << 8,
    HopEvents = 1U << 9,
    Streams = 1U << 10,
    TopicTree = 1U << 11,
    LiveMessages = 1U << 12,  // watchMessages
};

struct Capabilities {
    std::uint32_t bits = 0;
    [[nodiscard]] bool has(Capability c) const {
        return (bits & static_cast<std::uint32_t>(c)) != 0;
    }
    Capabilities& add(Capability c) {
        bits |= static_cast<std::uint32_t>(c);
        return *this;
    }
};

// What watchMessages follows. `destinationId` is a Destination::id: a queue or stream
// (messages as they enter it), an exchange (as they are published to it) or a topic
// ("topic:<name>"); or else `topicFilter`, an MQTT filter ("sensors/#").
struct MessageWatch {
    std::string destinationId;
    std::string topicFilter;
};

// Messages seen by a watch since the previous batch, oldest first. `lost` counts those
// that did not fit the watch's bounded buffer (a listener slower than the traffic).
struct MessageBatch {
    std::vector<ObservedMessage> messages;
    std::uint64_t lost = 0;
};

// One broker, seen and driven the same way whether it is the embedded broker, a remote
// `sbx broker` reached over its management API, or a production broker behind a
// connector plugin. Every view of the studio and every endpoint of the management API is
// written against this interface.
//
// Calls are synchronous and thread-safe; they may block on the network (remote sources),
// so the GUI calls them off its main thread. Failures are values with a readable reason
// (ErrorCode::NotFound for an unknown destination id, ...).
class BrokerSource {
public:
    using HopListener = std::function<void(const std::vector<HopEvent>&)>;
    using ListenerId = std::uint64_t;
    using MessageListener = std::function<void(const MessageBatch&)>;

    virtual ~BrokerSource() = default;

    [[nodiscard]] virtual std::string name() const = 0;
    [[nodiscard]] virtual Capabilities capabilities() const = 0;

    // The current state. Rates: messages per second over the last window of about a second
    // (sources keep one window for all callers, so rates do not depend on how often or by
    // how many callers snapshot() is called).
    virtual Result<BrokerSnapshot> snapshot() = 0;

    virtual Result<std::vector<ObservedMessage>> peek(const PeekRequest& request) = 0;
    virtual Status publish(const PublishRequest& request) = 0;
    virtual Result<std::uint64_t> purge(std::string_view destinationId) = 0;  // count purged
    virtual Status remove(std::string_view destinationId) = 0;
    virtual Status declare(const DeclareRequest& request) = 0;
    virtual Status bind(const BindRequest& request) = 0;
    virtual Status unbind(const BindRequest& request) = 0;
    virtual Status disconnectClient(std::string_view clientId) = 0;
    virtual Result<RedriveResult> redrive(const RedriveRequest& request) = 0;

    // Hop events in batches (never one call per message), on a source thread. Sources
    // without HopEvents capability never call the listener.
    virtual ListenerId watchHops(HopListener listener) = 0;
    virtual void unwatchHops(ListenerId id) = 0;

    // Live tail: every message published to the watched destination from now on, in
    // batches (the embedded broker: every 50 ms) on a source thread, without the gaps of
    // polling peek. No side effects: nothing is consumed. Sources without LiveMessages
    // capability return ErrorCode::Unsupported. After unwatchMessages returns, the
    // listener is not called again.
    virtual Result<ListenerId> watchMessages(const MessageWatch& /*watch*/,
                                             MessageListener /*listener*/) {
        return Error{ErrorCode::Unsupported, "this broker cannot stream messages live"};
    }
    virtual void unwatchMessages(ListenerId /*id*/) {}
};

}  // namespace sbx::observe
