#include "sbx/management/remote_broker_source.h"

#include <algorithm>
#include <atomic>
#include <iterator>
#include <optional>

#include "api_error.h"
#include "http_client.h"
#include "route.h"
#include "sbx/management/json_mapping.h"
#include "websocket_stream.h"

namespace sbx::management {

namespace {

constexpr std::string_view kApi = "/api/v1";

HttpTarget targetOf(const RemoteBrokerOptions& options) {
    return HttpTarget{options.host, options.port, options.timeout};
}

std::string destinationPath(std::string_view id, std::string_view action = {}) {
    std::string path = std::string(kApi) + "/destinations/" + percentEncode(id);
    if (!action.empty()) {
        path += '/';
        path += action;
    }
    return path;
}

// One call: the reply's JSON on a 2xx, else the server's error as an Error.
Result<Json> call(const RemoteBrokerOptions& options, std::string_view method,
                  const std::string& path, const std::optional<Json>& body = std::nullopt) {
    auto reply = httpRequest(targetOf(options), method, path, body ? dumpJson(*body) : "");
    if (!reply) {
        return reply.error();
    }
    if (reply->status < 200 || reply->status >= 300) {
        return errorFromResponse(reply->status, reply->body);
    }
    if (reply->body.empty()) {
        return Json(nullptr);
    }
    auto json = parseJson(reply->body);
    if (!json) {
        return Error{ErrorCode::ParseError, options.host + ":" + std::to_string(options.port) +
                                                " answered " + path + " with something not JSON"};
    }
    return json;
}

template <typename T>
Result<T> callAs(const RemoteBrokerOptions& options, std::string_view method,
                 const std::string& path, const std::optional<Json>& body = std::nullopt) {
    auto json = call(options, method, path, body);
    if (!json) {
        return json.error();
    }
    auto value = fromJson<T>(*json);
    if (!value) {
        return Error{ErrorCode::ParseError,
                     "unexpected answer to " + path + ": " + value.error().message};
    }
    return value;
}

// A frame of /api/v1/events: the hops of a {"type":"hops"} message, else nothing.
std::vector<observe::HopEvent> hopsOf(const std::string& text) {
    auto json = parseJson(text);
    if (!json || !json->is_object() || json->value("type", "") != "hops") {
        return {};
    }
    auto events = fromJson<std::vector<observe::HopEvent>>((*json)["events"]);
    return events ? std::move(*events) : std::vector<observe::HopEvent>{};
}

// A frame of /api/v1/messages/live: {"type":"messages","messages":[...],"lost":N}.
std::optional<observe::MessageBatch> batchOf(const std::string& text) {
    auto json = parseJson(text);
    if (!json || !json->is_object() || json->value("type", "") != "messages") {
        return std::nullopt;
    }
    auto batch = fromJson<observe::MessageBatch>(*json);
    if (!batch) {
        return std::nullopt;
    }
    return std::move(*batch);
}

std::string livePath(const observe::MessageWatch& watch) {
    std::string path = std::string(kApi) + "/messages/live?";
    if (!watch.topicFilter.empty()) {
        return path + "topic_filter=" + percentEncode(watch.topicFilter);
    }
    return path + "destination=" + percentEncode(watch.destinationId);
}

Status callStatus(const RemoteBrokerOptions& options, std::string_view method,
                  const std::string& path, const std::optional<Json>& body = std::nullopt) {
    auto json = call(options, method, path, body);
    if (!json) {
        return json.error();
    }
    return {};
}

}  // namespace

Result<std::unique_ptr<RemoteBrokerSource>> RemoteBrokerSource::connect(
    RemoteBrokerOptions options) {
    auto json = call(options, "GET", std::string(kApi) + "/capabilities");
    if (!json) {
        return json.error();
    }
    if (!json->is_object()) {
        return Error{ErrorCode::ParseError, "unexpected answer to /api/v1/capabilities"};
    }
    auto capabilities = fromJson<observe::Capabilities>(json->value("capabilities", Json::array()));
    if (!capabilities) {
        return capabilities.error();
    }
    auto name = options.name.empty() ? json->value("name", std::string("remote")) : options.name;
    return std::unique_ptr<RemoteBrokerSource>(
        new RemoteBrokerSource(std::move(options), std::move(name), *capabilities));
}

RemoteBrokerSource::RemoteBrokerSource(RemoteBrokerOptions options, std::string name,
                                       observe::Capabilities capabilities)
    : options_(std::move(options)), name_(std::move(name)), capabilities_(capabilities) {}

// One live message watch: its stream, and the switch that silences its listener the
// moment it is unwatched (even while the stream's thread is still running).
struct RemoteBrokerSource::MessageStream {
    std::shared_ptr<std::atomic<bool>> active = std::make_shared<std::atomic<bool>>(true);
    std::unique_ptr<WebSocketStream> stream;
};

RemoteBrokerSource::~RemoteBrokerSource() {
    std::map<ListenerId, std::unique_ptr<MessageStream>> streams;
    std::vector<std::unique_ptr<MessageStream>> retired;
    {
        std::lock_guard lock(messageStreamsMutex_);
        streams.swap(messageStreams_);
        retired.swap(retired_);
    }
    for (auto& [id, entry] : streams) {
        entry->active->store(false);
    }
    streams.clear();  // joins each stream's thread
    retired.clear();
    std::lock_guard lock(streamMutex_);
    stream_.reset();
}

std::string RemoteBrokerSource::name() const {
    return name_;
}

observe::Capabilities RemoteBrokerSource::capabilities() const {
    return capabilities_;
}

Result<observe::BrokerSnapshot> RemoteBrokerSource::snapshot() {
    return callAs<observe::BrokerSnapshot>(options_, "GET", std::string(kApi) + "/snapshot");
}

Result<std::vector<observe::ObservedMessage>> RemoteBrokerSource::peek(
    const observe::PeekRequest& request) {
    auto path = destinationPath(request.destinationId, "messages") +
                "?count=" + std::to_string(request.maxCount);
    if (!request.streamOffset.empty()) {
        path += "&offset=" + percentEncode(request.streamOffset);
    }
    return callAs<std::vector<observe::ObservedMessage>>(options_, "GET", path);
}

Status RemoteBrokerSource::publish(const observe::PublishRequest& request) {
    return callStatus(options_, "POST", std::string(kApi) + "/publish", Json(request));
}

Result<std::uint64_t> RemoteBrokerSource::purge(std::string_view destinationId) {
    auto json = call(options_, "POST", destinationPath(destinationId, "purge"));
    if (!json) {
        return json.error();
    }
    if (!json->is_object() || !(*json)["purged"].is_number_unsigned()) {
        return Error{ErrorCode::ParseError, "unexpected answer to purge"};
    }
    return (*json)["purged"].get<std::uint64_t>();
}

Status RemoteBrokerSource::remove(std::string_view destinationId) {
    return callStatus(options_, "DELETE", destinationPath(destinationId));
}

Status RemoteBrokerSource::declare(const observe::DeclareRequest& request) {
    return callStatus(options_, "POST", std::string(kApi) + "/destinations", Json(request));
}

Status RemoteBrokerSource::bind(const observe::BindRequest& request) {
    return callStatus(options_, "POST", std::string(kApi) + "/bindings", Json(request));
}

Status RemoteBrokerSource::unbind(const observe::BindRequest& request) {
    return callStatus(options_, "DELETE", std::string(kApi) + "/bindings", Json(request));
}

Status RemoteBrokerSource::disconnectClient(std::string_view clientId) {
    return callStatus(options_, "DELETE",
                      std::string(kApi) + "/clients/" + percentEncode(clientId));
}

Result<observe::RedriveResult> RemoteBrokerSource::redrive(const observe::RedriveRequest& request) {
    return callAs<observe::RedriveResult>(
        options_, "POST", destinationPath(request.sourceId, "redrive"), Json(request));
}

observe::BrokerSource::ListenerId RemoteBrokerSource::watchHops(HopListener listener) {
    ListenerId id = 0;
    {
        std::lock_guard lock(listenersMutex_);
        id = nextListenerId_++;
        listeners_.emplace_back(id, std::move(listener));
    }
    std::lock_guard lock(streamMutex_);
    if (!stream_ && capabilities_.has(observe::Capability::HopEvents)) {
        stream_ = std::make_unique<WebSocketStream>(
            targetOf(options_), std::string(kApi) + "/events?snapshots=0",
            [this](const std::string& text) {
                if (auto events = hopsOf(text); !events.empty()) {
                    dispatchHops(events);
                }
            });
    }
    return id;
}

void RemoteBrokerSource::unwatchHops(ListenerId id) {
    bool empty = false;
    {
        std::lock_guard lock(listenersMutex_);
        std::erase_if(listeners_, [id](const auto& entry) { return entry.first == id; });
        empty = listeners_.empty();
    }
    std::lock_guard lock(streamMutex_);
    // A listener unwatching itself runs on the stream's thread, which cannot join itself:
    // the stream then lives on, idle, until the next watch or the destructor.
    if (empty && stream_ && !stream_->onStreamThread()) {
        stream_.reset();
    }
}

bool RemoteBrokerSource::hopStreamConnected() const {
    std::lock_guard lock(streamMutex_);
    return stream_ && stream_->connected();
}

Result<observe::BrokerSource::ListenerId> RemoteBrokerSource::watchMessages(
    const observe::MessageWatch& watch, MessageListener listener) {
    if (!capabilities_.has(observe::Capability::LiveMessages)) {
        return Error{ErrorCode::Unsupported,
                     name_ + " (" + targetOf(options_).describe() +
                         ") cannot stream messages live: its management API has no "
                         "/api/v1/messages/live"};
    }
    if (watch.destinationId.empty() == watch.topicFilter.empty()) {
        return Error{ErrorCode::InvalidArgument,
                     "a live watch follows either a destination or a topic filter"};
    }
    auto entry = std::make_unique<MessageStream>();
    entry->stream = std::make_unique<WebSocketStream>(
        targetOf(options_), livePath(watch),
        [active = entry->active, listener = std::move(listener)](const std::string& text) {
            if (!active->load()) {
                return;
            }
            if (auto batch = batchOf(text)) {
                listener(*batch);
            }
        });
    // The remote broker watches before it accepts the upgrade: once open, nothing
    // published from now on is missed.
    if (auto opened = entry->stream->waitForFirstAttempt(options_.timeout); !opened) {
        entry->active->store(false);
        return opened.error();
    }
    std::lock_guard lock(messageStreamsMutex_);
    const auto id = nextMessageListenerId_++;
    messageStreams_.emplace(id, std::move(entry));
    return id;
}

void RemoteBrokerSource::unwatchMessages(ListenerId id) {
    std::unique_ptr<MessageStream> entry;
    std::vector<std::unique_ptr<MessageStream>> joinable;
    {
        std::lock_guard lock(messageStreamsMutex_);
        const auto found = messageStreams_.find(id);
        if (found != messageStreams_.end()) {
            entry = std::move(found->second);
            messageStreams_.erase(found);
            entry->active->store(false);
        }
        // Retired streams whose thread is not this one can be joined now.
        auto keep = std::partition(retired_.begin(), retired_.end(),
                                   [](const auto& r) { return r->stream->onStreamThread(); });
        std::move(keep, retired_.end(), std::back_inserter(joinable));
        retired_.erase(keep, retired_.end());
        if (entry && entry->stream->onStreamThread()) {
            entry->stream->closeSoon();  // the server ends its watch now
            retired_.push_back(std::move(entry));
        }
    }
    // Joins outside the lock: a listener of another watch may be calling in meanwhile.
    entry.reset();
    joinable.clear();
}

bool RemoteBrokerSource::messageStreamConnected(ListenerId id) const {
    std::lock_guard lock(messageStreamsMutex_);
    const auto found = messageStreams_.find(id);
    return found != messageStreams_.end() && found->second->stream->connected();
}

void RemoteBrokerSource::dispatchHops(const std::vector<observe::HopEvent>& events) {
    std::vector<HopListener> listeners;
    {
        std::lock_guard lock(listenersMutex_);
        for (const auto& entry : listeners_) {
            listeners.push_back(entry.second);
        }
    }
    for (const auto& listener : listeners) {
        listener(events);
    }
}

}  // namespace sbx::management
