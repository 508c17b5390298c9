#include "router.h"

#include "broker_context.h"
#include "message_blob.h"
#include "session.h"

namespace sbx::broker {

namespace {
constexpr auto kRetainedNamespace = "mqtt.retained";
}

Router::Router(BrokerContext& context) : context_(context) {}

std::size_t Router::route(const MessagePtr& message, const AckBarrierPtr& barrier,
                          std::shared_ptr<Session>* congested) {
    if (message->retain) {
        storeRetained(message, barrier);
    }
    // The scratch vector keeps its capacity per thread: no allocation per publish.
    thread_local std::vector<MatchedSubscriber> matches;
    matches.clear();
    {
        std::shared_lock lock(treeMutex_);
        tree_.match(message->topic, matches);
    }
    std::size_t reached = 0;
    for (const auto& match : matches) {
        auto session = context_.registry.find(match.subscriber);
        if (!session) {
            continue;
        }
        // No Local (MQTT 5 §3.8.3.1): not back to the connection that published it.
        if (match.noLocal && session->clientId() == message->publisherClientId) {
            continue;
        }
        const bool full =
            session->deliver(message, match, match.retainAsPublished && message->retain, barrier);
        if (full && congested != nullptr && !*congested) {
            *congested = session;
        }
        ++reached;
    }
    context_.topics.record(*message, reached);
    if (context_.messageTap.active()) {
        context_.messageTap.mqttPublished(message);
    }
    return reached;
}

void Router::storeRetained(const MessagePtr& message, const AckBarrierPtr& barrier) {
    {
        std::lock_guard lock(retainedMutex_);
        retained_.set(message);
    }
    // $SYS values are rebuilt every interval; persisting them would only churn the disk.
    if (context_.store == nullptr || message->topic.starts_with("$SYS/")) {
        return;
    }
    store::Completion done;
    if (barrier) {
        barrier->hold();
        done = [barrier](const Status& status) { barrier->release(status.ok()); };
    }
    if (message->payload.empty()) {
        context_.store->eraseRecord(kRetainedNamespace, message->topic, std::move(done));
    } else {
        context_.store->putRecord(kRetainedNamespace, message->topic, encodeMessageBlob(*message),
                                  std::move(done));
    }
}

void Router::restoreRetained(MessagePtr message) {
    context_.topics.restoreRetained(*message);
    std::lock_guard lock(retainedMutex_);
    retained_.set(std::move(message));
}

MessagePtr Router::retained(std::string_view topic) const {
    std::vector<MessagePtr> found;
    {
        std::lock_guard lock(retainedMutex_);
        retained_.match(topic, std::chrono::system_clock::now(), found);
    }
    return found.empty() ? nullptr : found.front();
}

bool Router::subscribe(Session& session, const SessionSubscription& subscription) {
    std::unique_lock lock(treeMutex_);
    return tree_.subscribe(session.id(), subscription.filter, subscription.options,
                           subscription.shareGroup);
}

bool Router::unsubscribe(Session& session, const std::string& filter,
                         const std::string& shareGroup) {
    std::unique_lock lock(treeMutex_);
    return tree_.unsubscribe(session.id(), filter, shareGroup);
}

void Router::unsubscribeAll(SubscriberId subscriber) {
    std::unique_lock lock(treeMutex_);
    tree_.unsubscribeAll(subscriber);
}

void Router::deliverRetained(Session& session, const SessionSubscription& subscription) {
    std::vector<MessagePtr> messages;
    {
        std::lock_guard lock(retainedMutex_);
        retained_.match(subscription.filter, std::chrono::system_clock::now(), messages);
    }
    MatchedSubscriber match;
    match.subscriber = session.id();
    match.maxQos = subscription.options.maxQos;
    if (subscription.options.subscriptionId) {
        match.subscriptionIds.push_back(*subscription.options.subscriptionId);
    }
    for (const auto& message : messages) {
        session.deliver(message, match, true, nullptr);
    }
}

std::size_t Router::subscriptionCount() const {
    std::shared_lock lock(treeMutex_);
    return tree_.subscriptionCount();
}

std::size_t Router::retainedCount() const {
    std::lock_guard lock(retainedMutex_);
    return retained_.size();
}

}  // namespace sbx::broker
