#include "message_tap.h"

#include <algorithm>

#include "embedded_source_render.h"
#include "sbx/broker/amqp/queue.h"
#include "sbx/broker/topic.h"

namespace sbx::broker {

MessageTap::MessageTap(std::chrono::milliseconds interval, std::size_t maxPending)
    : interval_(interval), maxPending_(maxPending), flusher_([this] { run(); }) {}

MessageTap::~MessageTap() {
    {
        std::lock_guard lock(stopMutex_);
        stopping_ = true;
    }
    stopCondition_.notify_all();
    flusher_.join();
}

MessageTap::WatchId MessageTap::watch(Target target, Listener listener) {
    std::lock_guard lock(mutex_);
    const auto id = nextId_++;
    watches_.push_back(
        Watch{id, std::move(target), std::make_shared<Listener>(std::move(listener)), {}, 0, 0});
    updateFlags();
    return id;
}

void MessageTap::unwatch(WatchId id) {
    std::lock_guard deliver(deliverMutex_);
    std::lock_guard lock(mutex_);
    std::erase_if(watches_, [id](const Watch& w) { return w.id == id; });
    updateFlags();
}

void MessageTap::updateFlags() {
    active_.store(!watches_.empty(), std::memory_order_relaxed);
    amqp_.store(
        std::any_of(watches_.begin(), watches_.end(),
                    [](const Watch& w) { return w.target.kind != Target::Kind::TopicFilter; }),
        std::memory_order_relaxed);
}

void MessageTap::offer(Watch& watch, Seen seen) {
    if (watch.pending.size() >= maxPending_) {
        ++watch.lost;
        return;
    }
    watch.pending.push_back(std::move(seen));
}

void MessageTap::amqpRouted(std::string_view vhost, const amqp::AmqpMessagePtr& message,
                            const std::vector<std::shared_ptr<amqp::Queue>>& queues) {
    if (!active()) {
        return;
    }
    std::lock_guard lock(mutex_);
    for (auto& watch : watches_) {
        const auto& target = watch.target;
        if (target.kind == Target::Kind::TopicFilter || target.vhost != vhost) {
            continue;
        }
        const bool matches =
            target.kind == Target::Kind::Exchange
                ? message->exchange == target.name
                : std::any_of(queues.begin(), queues.end(),
                              [&](const auto& queue) { return queue->name() == target.name; });
        if (matches) {
            offer(watch, message);
        }
    }
}

void MessageTap::mqttPublished(const MessagePtr& message) {
    if (!active()) {
        return;
    }
    std::lock_guard lock(mutex_);
    for (auto& watch : watches_) {
        if (watch.target.kind == Target::Kind::TopicFilter &&
            topicMatches(watch.target.name, message->topic)) {
            offer(watch, message);
        }
    }
}

void MessageTap::flush() {
    std::lock_guard deliver(deliverMutex_);
    struct Ready {
        std::shared_ptr<Listener> listener;
        std::string destinationId;
        std::vector<Seen> seen;
        std::uint64_t lost = 0;
        std::uint64_t firstPosition = 0;
    };
    std::vector<Ready> ready;
    {
        std::lock_guard lock(mutex_);
        for (auto& watch : watches_) {
            if (watch.pending.empty() && watch.lost == 0) {
                continue;
            }
            ready.push_back({watch.listener, watch.target.destinationId, std::move(watch.pending),
                             watch.lost, watch.position});
            watch.position += ready.back().seen.size();
            watch.pending.clear();
            watch.lost = 0;
        }
    }
    // Rendered here, off the publishers' threads.
    for (auto& r : ready) {
        observe::MessageBatch batch;
        batch.lost = r.lost;
        batch.messages.reserve(r.seen.size());
        auto position = r.firstPosition;
        for (const auto& seen : r.seen) {
            if (const auto* amqpMessage = std::get_if<amqp::AmqpMessagePtr>(&seen)) {
                batch.messages.push_back(
                    render::amqpMessage(**amqpMessage, r.destinationId, position++, false));
            } else {
                const auto& mqtt = std::get<MessagePtr>(seen);
                batch.messages.push_back(render::mqttMessage(*mqtt, "topic:" + mqtt->topic));
                batch.messages.back().position = position++;
            }
        }
        (*r.listener)(batch);
    }
}

void MessageTap::run() {
    std::unique_lock lock(stopMutex_);
    while (!stopping_) {
        stopCondition_.wait_for(lock, interval_);
        lock.unlock();
        flush();
        lock.lock();
    }
}

}  // namespace sbx::broker
