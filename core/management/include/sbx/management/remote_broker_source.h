#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sbx/common/result.h"
#include "sbx/observe/broker_source.h"

namespace sbx::management {

class WebSocketStream;

struct RemoteBrokerOptions {
    std::string host = "127.0.0.1";
    std::uint16_t port = 0;
    // Bounds every call as a whole (connect, send, answer).
    std::chrono::milliseconds timeout{5000};
    // Shown by name(); empty takes the remote broker's own name.
    std::string name;
};

// A remote `sbx broker --http-port N` as an observe::BrokerSource, over its management
// API: each call is one HTTP request (a fresh connection, so calls from many threads
// never wait for each other), hop events come over the /api/v1/events WebSocket on a
// background thread, opened while anyone watches, and each live message watch is a
// /api/v1/messages/live WebSocket of its own, on its own thread. Both reconnect every
// second while the remote broker is away. Errors of the remote broker come back with
// their code and message; failures to reach it are Unavailable with the address and the
// reason.
class RemoteBrokerSource final : public observe::BrokerSource {
public:
    // Asks the remote broker for its name and capabilities, so a wrong address fails
    // here and not at the first view.
    static Result<std::unique_ptr<RemoteBrokerSource>> connect(RemoteBrokerOptions options);
    ~RemoteBrokerSource() override;
    RemoteBrokerSource(const RemoteBrokerSource&) = delete;
    RemoteBrokerSource& operator=(const RemoteBrokerSource&) = delete;

    [[nodiscard]] std::string name() const override;
    [[nodiscard]] observe::Capabilities capabilities() const override;

    Result<observe::BrokerSnapshot> snapshot() override;
    Result<std::vector<observe::ObservedMessage>> peek(
        const observe::PeekRequest& request) override;
    Status publish(const observe::PublishRequest& request) override;
    Result<std::uint64_t> purge(std::string_view destinationId) override;
    Status remove(std::string_view destinationId) override;
    Status declare(const observe::DeclareRequest& request) override;
    Status bind(const observe::BindRequest& request) override;
    Status unbind(const observe::BindRequest& request) override;
    Status disconnectClient(std::string_view clientId) override;
    Result<observe::RedriveResult> redrive(const observe::RedriveRequest& request) override;

    ListenerId watchHops(HopListener listener) override;
    void unwatchHops(ListenerId id) override;

    // Opens the WebSocket and returns once the remote broker watches: an unknown
    // destination fails here (NotFound, with the remote broker's message).
    Result<ListenerId> watchMessages(const observe::MessageWatch& watch,
                                     MessageListener listener) override;
    void unwatchMessages(ListenerId id) override;

    // True while the hop stream's WebSocket is open (it reconnects on its own).
    [[nodiscard]] bool hopStreamConnected() const;
    // True while the live message watch's WebSocket is open.
    [[nodiscard]] bool messageStreamConnected(ListenerId id) const;

private:
    RemoteBrokerSource(RemoteBrokerOptions options, std::string name,
                       observe::Capabilities capabilities);
    void dispatchHops(const std::vector<observe::HopEvent>& events);

    RemoteBrokerOptions options_;
    std::string name_;
    observe::Capabilities capabilities_;

    std::mutex listenersMutex_;
    std::vector<std::pair<ListenerId, HopListener>> listeners_;
    ListenerId nextListenerId_ = 1;

    mutable std::mutex streamMutex_;
    std::unique_ptr<WebSocketStream> stream_;

    struct MessageStream;
    mutable std::mutex messageStreamsMutex_;
    std::map<ListenerId, std::unique_ptr<MessageStream>> messageStreams_;
    // Streams unwatched from within their own listener: their thread cannot join itself,
    // so they are destroyed later, by another thread.
    std::vector<std::unique_ptr<MessageStream>> retired_;
    ListenerId nextMessageListenerId_ = 1;
};

}  // namespace sbx::management
