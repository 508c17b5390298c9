#include "state_loader.h"

#include <set>

#include "amqp_store_loader.h"
#include "broker_context.h"
#include "message_blob.h"
#include "session.h"
#include "session_record.h"

namespace sbx::broker {

namespace {

Status loadRetained(BrokerContext& context) {
    auto records = context.store->loadRecords(kRetainedRecordNamespace);
    if (!records) {
        return records.error();
    }
    for (const auto& record : *records) {
        auto message = decodeMessageBlob(record.value);
        if (!message) {
            context.logMessage(LogLevel::Warning,
                               "skipped an unreadable retained message for " + record.key);
            continue;
        }
        context.router.restoreRetained(std::make_shared<const Message>(std::move(*message)));
    }
    return {};
}

Status loadQueue(BrokerContext& context, Session& session) {
    auto messages = context.store->loadMessages(session.storeQueueName());
    if (!messages) {
        return messages.error();
    }
    for (const auto& stored : *messages) {
        auto entry = decodeQueuedBlob(stored.blob);
        if (!entry) {
            context.logMessage(LogLevel::Warning,
                               "skipped an unreadable queued message of " + session.clientId());
            continue;
        }
        entry->storeSequence = stored.sequence;
        session.restoreQueued(std::move(*entry));
    }
    return {};
}

}  // namespace

Status loadPersistedState(BrokerContext& context) {
    if (context.store == nullptr) {
        return {};
    }
    if (auto status = loadRetained(context); !status) {
        return status;
    }
    if (auto status = loadAmqpState(context); !status) {
        return status;
    }
    auto records = context.store->loadRecords(kSessionRecordNamespace);
    if (!records) {
        return records.error();
    }
    std::set<std::string> knownQueues;
    const auto now = std::chrono::steady_clock::now();
    for (const auto& record : *records) {
        auto decoded = decodeSessionRecord(record.value);
        if (!decoded) {
            context.logMessage(LogLevel::Warning, "skipped an unreadable session " + record.key);
            continue;
        }
        auto session = context.registry.restore(record.key);
        session->setExpiryInterval(decoded->expiryInterval);
        // Expiry counts from this start: the time the broker was down is unknown.
        session->markDisconnected(now);
        for (const auto& subscription : decoded->subscriptions) {
            context.router.subscribe(*session, subscription);
            session->putSubscription(subscription);
        }
        knownQueues.insert(session->storeQueueName());
        if (auto status = loadQueue(context, *session); !status) {
            return status;
        }
    }
    // Queues whose session record is gone belong to sessions that ended.
    if (auto queues = context.store->listQueues()) {
        for (const auto& queue : *queues) {
            if (queue.starts_with("mqtt.session/") && !knownQueues.contains(queue)) {
                context.store->dropQueue(queue);
            }
        }
    }
    context.logMessage(LogLevel::Info,
                       "restored " + std::to_string(records->size()) + " sessions and " +
                           std::to_string(context.router.retainedCount()) + " retained messages");
    return {};
}

}  // namespace sbx::broker
