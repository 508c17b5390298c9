#include "sbx/management/remote_broker_source.h"

#include "api_error.h"
#include "hop_stream.h"
#include "http_client.h"
#include "route.h"
#include "sbx/management/json_mapping.h"

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

RemoteBrokerSource::~RemoteBrokerSource() {
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
        stream_ = std::make_unique<HopStream>(targetOf(options_),
                                              [this](const auto& events) { dispatchHops(events); });
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
