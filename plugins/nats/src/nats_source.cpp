#include "nats_source.h"

#include "jetstream.h"
#include "monitor_mapping.h"
#include "nats_errors.h"
#include "nats_time.h"
#include "sbx/connect/http_client.h"
#include "sbx/connect/reconnecting_source.h"

namespace sbx::nats {

namespace {

using observe::Capability;

// An idle command connection may have been dropped by the server (it pings every 2
// minutes and hangs up on clients that do not answer): check it before use.
constexpr std::chrono::seconds kStaleAfter{30};
constexpr const char* kMaxDeliveriesAdvisories = "$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.>";

Error unsupported(const std::string& what) {
    return Error{ErrorCode::Unsupported, what};
}

}  // namespace

Result<std::unique_ptr<NatsSource>> NatsSource::open(NatsSettings settings) {
    auto command = NatsConnection::open(settings, "signalbox");
    if (!command) {
        return command.error();
    }
    std::unique_ptr<NatsSource> source(new NatsSource(std::move(settings), std::move(*command)));
    source->startAdvisories();
    return source;
}

NatsSource::NatsSource(NatsSettings settings, std::unique_ptr<NatsConnection> command)
    : settings_(std::move(settings)), command_(std::move(command)) {}

NatsSource::~NatsSource() {
    std::map<ListenerId, std::unique_ptr<LiveSubscription>> watches;
    {
        std::lock_guard lock(watchMutex_);
        watches.swap(watches_);
    }
    watches.clear();
    advisories_.reset();
}

observe::Capabilities NatsSource::capabilities() const {
    observe::Capabilities capabilities;
    capabilitiesInto(capabilities);
    return capabilities;
}

void NatsSource::capabilitiesInto(observe::Capabilities& capabilities) {
    capabilities.add(Capability::Peek)
        .add(Capability::Publish)
        .add(Capability::Purge)
        .add(Capability::Delete)
        .add(Capability::Declare)
        .add(Capability::Redrive)
        .add(Capability::Streams)
        .add(Capability::LiveMessages);
}

Status NatsSource::ensureConnected() {
    if (command_ && command_->isOpen()) {
        if (NatsConnection::Clock::now() - command_->lastUsed() < kStaleAfter) {
            return {};
        }
        if (command_->flush()) {
            return {};
        }
    }
    command_.reset();
    auto reopened = NatsConnection::open(settings_, "signalbox");
    if (!reopened) {
        return reopened.error();
    }
    command_ = std::move(*reopened);
    return {};
}

// ---- advisories -----------------------------------------------------------------------

void NatsSource::startAdvisories() {
    advisories_ = std::make_unique<LiveSubscription>(
        settings_, std::vector<std::string>{kMaxDeliveriesAdvisories}, "signalbox-advisories",
        [this](std::vector<NatsFrame>&& frames) { noteAdvisories(std::move(frames)); });
    // Without permission for $JS.EVENT the dead-letter view stays empty; nothing else
    // depends on it, so a failure here does not fail the session.
    (void)advisories_->waitUntilSubscribed();
}

void NatsSource::noteAdvisories(std::vector<NatsFrame>&& frames) {
    for (const auto& frame : frames) {
        const auto json = nlohmann::json::parse(frame.payload, nullptr, false);
        if (json.is_discarded() || !json.is_object()) {
            continue;
        }
        DeadLetter letter;
        letter.stream = json.value("stream", "");
        letter.consumer = json.value("consumer", "");
        letter.streamSequence = json.value("stream_seq", std::uint64_t{0});
        letter.deliveries = json.value("deliveries", std::uint64_t{0});
        letter.time =
            parseRfc3339(json.value("timestamp", "")).value_or(std::chrono::system_clock::now());
        if (!letter.stream.empty() && letter.streamSequence != 0) {
            deadLetters_.add(std::move(letter));
        }
    }
}

// ---- snapshot -------------------------------------------------------------------------

Result<nlohmann::json> NatsSource::monitoring(const std::string& target) const {
    connect::HttpClient::Options options;
    options.host = settings_.host;
    options.port = settings_.monitorPort;
    options.timeout = settings_.timeout;
    auto response = connect::HttpClient(options).get(target);
    if (!response) {
        return response.error();
    }
    if (response->status != 200) {
        return Error{ErrorCode::Internal, "NATS monitoring at " + settings_.monitorPeer() +
                                              " answered " + target + " with HTTP " +
                                              std::to_string(response->status)};
    }
    auto json = nlohmann::json::parse(response->body, nullptr, false);
    if (json.is_discarded()) {
        return Error{ErrorCode::ParseError, "NATS monitoring at " + settings_.monitorPeer() +
                                                " answered " + target +
                                                " with something that "
                                                "is not JSON"};
    }
    return json;
}

// Monitoring failed: if the server itself is gone, say that (the session must reconnect);
// if only monitoring is missing, say how to turn it on.
Error NatsSource::explainMonitoringFailure(const Error& cause) {
    if (!connect::isConnectionLoss(cause)) {
        return cause;
    }
    auto alive = withConnection([](NatsConnection& connection) { return connection.flush(); });
    if (!alive) {
        return Error{alive.error().code, "the NATS server at " + settings_.peer() +
                                             " is not reachable: " + alive.error().message};
    }
    return monitoringUnreachable(settings_, cause);
}

Result<observe::BrokerSnapshot> NatsSource::snapshot() {
    if (settings_.monitorPort == 0) {
        return unsupported(
            "the profile has no NATS monitor port, so there is nothing to "
            "show: start nats-server with -m 8222 and set the monitor port");
    }
    auto varz = monitoring("/varz");
    if (!varz) {
        return explainMonitoringFailure(varz.error());
    }
    auto connz = monitoring("/connz?subs=true&auth=true&limit=4096");
    if (!connz) {
        return explainMonitoringFailure(connz.error());
    }
    auto jsz = monitoring("/jsz?accounts=true&streams=true&consumers=true&config=true");
    if (!jsz) {
        return explainMonitoringFailure(jsz.error());
    }
    observe::BrokerSnapshot snapshot;
    snapshot.time = std::chrono::system_clock::now();
    snapshot.overview.name = settings_.name;
    mapVarz(*varz, snapshot.overview);
    mapConnz(*connz, snapshot);
    addSubscribedTopics(snapshot);
    mapJsz(*jsz, deadLetters_.counts(), snapshot);
    std::lock_guard lock(rateMutex_);
    rates_.apply(snapshot);
    return snapshot;
}

// ---- live tails -----------------------------------------------------------------------

Result<std::vector<std::string>> NatsSource::subjectsToWatch(const observe::MessageWatch& watch) {
    const std::string& id = watch.destinationId;
    if (id.starts_with("topic:")) {
        return std::vector<std::string>{id.substr(6)};
    }
    if (id.starts_with("stream:")) {
        const std::string stream = id.substr(7);
        return withConnection([&](NatsConnection& connection) -> Result<std::vector<std::string>> {
            auto info = jetStreamRequest(connection, "$JS.API.STREAM.INFO." + stream);
            if (!info) {
                return info.error();
            }
            std::vector<std::string> subjects;
            for (const auto& subject : (*info)["config"]["subjects"]) {
                subjects.push_back(subject.get<std::string>());
            }
            return subjects;
        });
    }
    if (!id.empty()) {
        return unsupported("live tails follow subjects and streams; " + id + " is neither");
    }
    // An MQTT-style filter ("a/+/#") becomes a subject filter ("a.*.>").
    std::string subject;
    for (char c : watch.topicFilter) {
        subject += c == '/' ? '.' : c == '+' ? '*' : c == '#' ? '>' : c;
    }
    if (subject.empty()) {
        return Error{ErrorCode::InvalidArgument, "no subject to watch"};
    }
    return std::vector<std::string>{subject};
}

Result<NatsSource::ListenerId> NatsSource::watchMessages(const observe::MessageWatch& watch,
                                                         MessageListener listener) {
    auto subjects = subjectsToWatch(watch);
    if (!subjects) {
        return subjects.error();
    }
    const std::string destinationId =
        watch.destinationId.empty() ? "topic:" + watch.topicFilter : watch.destinationId;
    auto subscription = std::make_unique<LiveSubscription>(
        settings_, *subjects, "signalbox-live",
        [listener = std::move(listener), destinationId](std::vector<NatsFrame>&& frames) {
            observe::MessageBatch batch;
            for (const auto& frame : frames) {
                batch.messages.push_back(toObserved(frame, destinationId));
            }
            listener(batch);
        });
    if (auto subscribed = subscription->waitUntilSubscribed(); !subscribed) {
        return subscribed.error();
    }
    std::lock_guard lock(watchMutex_);
    const ListenerId id = nextWatch_++;
    watches_[id] = std::move(subscription);
    return id;
}

void NatsSource::unwatchMessages(ListenerId id) {
    std::unique_ptr<LiveSubscription> ended;
    {
        std::lock_guard lock(watchMutex_);
        if (const auto found = watches_.find(id); found != watches_.end()) {
            ended = std::move(found->second);
            watches_.erase(found);
        }
    }
    // Destroyed outside the lock: it joins its reader, which may be in the listener.
}

// ---- not offered by NATS --------------------------------------------------------------

Status NatsSource::bind(const observe::BindRequest&) {
    return unsupported(
        "NATS has no bindings: subjects route by name, and a stream lists its "
        "subjects in its configuration");
}

Status NatsSource::unbind(const observe::BindRequest&) {
    return unsupported("NATS has no bindings to remove");
}

Status NatsSource::disconnectClient(std::string_view) {
    return unsupported(
        "nats-server cannot disconnect a client from outside (no kick in its "
        "monitoring API)");
}

NatsSource::ListenerId NatsSource::watchHops(HopListener) {
    return 0;  // NATS reports no per-message hops
}

void NatsSource::unwatchHops(ListenerId) {}

bool splitPair(std::string_view text, std::string& first, std::string& second) {
    const auto slash = text.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 == text.size()) {
        return false;
    }
    first = std::string(text.substr(0, slash));
    second = std::string(text.substr(slash + 1));
    return true;
}

}  // namespace sbx::nats
