#include "embedded_source.h"

#include <algorithm>

#include "broker_context.h"
#include "sbx/broker/topic.h"

namespace sbx::broker {

EmbeddedSource::EmbeddedSource(BrokerContext& context,
                               const std::vector<ListeningEndpoint>& endpoints)
    : context_(context), endpoints_(endpoints) {}

observe::Capabilities EmbeddedSource::capabilities() const {
    using observe::Capability;
    observe::Capabilities c;
    for (auto capability :
         {Capability::Peek, Capability::Publish, Capability::PublishMqtt, Capability::Purge,
          Capability::Delete, Capability::Declare, Capability::Bind, Capability::DisconnectClient,
          Capability::Redrive, Capability::HopEvents, Capability::Streams, Capability::TopicTree,
          Capability::LiveMessages}) {
        c.add(capability);
    }
    return c;
}

Result<DestinationRef> EmbeddedSource::parseId(std::string_view id) const {
    const auto colon = id.find(':');
    if (colon == std::string_view::npos) {
        return Error{ErrorCode::InvalidArgument,
                     "'" + std::string(id) + "' is not a destination id (kind:vhost/name)"};
    }
    const auto kind = id.substr(0, colon);
    const auto rest = id.substr(colon + 1);
    DestinationRef ref;
    if (kind == "topic") {
        ref.kind = observe::DestinationKind::Topic;
        ref.name = std::string(rest);
        return ref;
    }
    if (kind == "queue" || kind == "stream") {
        ref.kind = observe::DestinationKind::Queue;
    } else if (kind == "exchange") {
        ref.kind = observe::DestinationKind::Exchange;
    } else {
        return Error{ErrorCode::InvalidArgument, "unknown destination kind '" + std::string(kind) +
                                                     "' in '" + std::string(id) + "'"};
    }
    // The longest vhost name the rest starts with, followed by '/'.
    std::size_t best = 0;
    bool found = false;
    for (const auto& [name, host] : context_.amqpHosts) {
        if (rest.size() > name.size() && rest.starts_with(name) && rest[name.size()] == '/' &&
            (!found || name.size() > best)) {
            best = name.size();
            found = true;
        }
    }
    if (!found) {
        return Error{ErrorCode::NotFound, "no vhost for '" + std::string(id) + "'"};
    }
    ref.vhost = std::string(rest.substr(0, best));
    ref.name = std::string(rest.substr(best + 1));
    return ref;
}

Result<amqp::VirtualHost*> EmbeddedSource::hostOf(std::string_view vhost) const {
    auto* host = context_.amqpHost(vhost);
    if (host == nullptr) {
        return Error{ErrorCode::NotFound, "no vhost '" + std::string(vhost) + "'"};
    }
    return host;
}

observe::BrokerSource::ListenerId EmbeddedSource::watchHops(HopListener listener) {
    return context_.hops.listen(std::move(listener));
}

void EmbeddedSource::unwatchHops(ListenerId id) {
    context_.hops.unlisten(id);
}

Result<observe::BrokerSource::ListenerId> EmbeddedSource::watchMessages(
    const observe::MessageWatch& watch, MessageListener listener) {
    MessageTap::Target target;
    if (!watch.topicFilter.empty()) {
        if (!isValidTopicFilter(watch.topicFilter)) {
            return Error{ErrorCode::InvalidArgument,
                         "'" + watch.topicFilter + "' is not a valid MQTT topic filter"};
        }
        target.kind = MessageTap::Target::Kind::TopicFilter;
        target.name = watch.topicFilter;
        target.destinationId = "topic:" + watch.topicFilter;
    } else {
        auto ref = parseId(watch.destinationId);
        if (!ref) {
            return ref.error();
        }
        target.name = ref->name;
        target.vhost = ref->vhost;
        target.destinationId = watch.destinationId;
        switch (ref->kind) {
            case observe::DestinationKind::Topic:
                target.kind = MessageTap::Target::Kind::TopicFilter;
                break;
            case observe::DestinationKind::Exchange:
                target.kind = MessageTap::Target::Kind::Exchange;
                break;
            default:
                target.kind = MessageTap::Target::Kind::Queue;
                break;
        }
    }
    std::lock_guard lock(watchMutex_);
    const auto id = context_.messageTap.watch(std::move(target), std::move(listener));
    syncRouteWatching();
    return id;
}

void EmbeddedSource::unwatchMessages(ListenerId id) {
    std::lock_guard lock(watchMutex_);
    context_.messageTap.unwatch(id);
    syncRouteWatching();
}

// The vhosts report routed messages only while an AMQP destination is watched.
// Requires watchMutex_, so concurrent watches cannot leave the switches stale.
void EmbeddedSource::syncRouteWatching() {
    const bool on = context_.messageTap.watchesAmqp();
    for (const auto& observer : context_.amqpObservers) {
        observer->watchRoutes(on);
    }
}

}  // namespace sbx::broker
