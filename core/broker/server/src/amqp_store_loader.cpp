#include "amqp_store_loader.h"

#include <set>
#include <string>

#include "amqp_store_codec.h"
#include "broker_context.h"

namespace sbx::broker {

namespace {

// The vhost a record names, with its store hooks; null (and a warning) when the vhost
// is not configured any more.
amqp::VirtualHost* hostFor(BrokerContext& context, const std::string& vhost,
                           const std::string& what) {
    amqp::VirtualHost* host = context.amqpHost(vhost);
    if (host == nullptr) {
        context.logMessage(LogLevel::Warning,
                           "kept " + what + " of vhost '" + vhost + "', which is not configured");
    }
    return host;
}

void warnRefused(BrokerContext& context, const std::string& what, const amqp::AmqpError& error) {
    context.logMessage(LogLevel::Warning, "could not restore " + what + ": " + error.text);
}

Status loadExchanges(BrokerContext& context) {
    auto records = context.store->loadRecords(std::string(kAmqpExchangeNamespace));
    if (!records) {
        return records.error();
    }
    for (const auto& record : *records) {
        auto stored = decodeAmqpExchange(record.value);
        if (!stored) {
            context.logMessage(LogLevel::Warning, "skipped an unreadable exchange " + record.key);
            continue;
        }
        const std::string what = "exchange '" + stored->declare.name + "'";
        if (auto* host = hostFor(context, stored->vhost, what)) {
            if (auto declared = host->declareExchange(stored->declare); !declared) {
                warnRefused(context, what, declared.error());
            }
        }
    }
    return {};
}

Status loadMessages(BrokerContext& context, amqp::VirtualHost& host, AmqpStoreHooks& hooks,
                    const std::string& queue) {
    auto delivered = context.store->loadMessages(amqpDeliveredQueue(host.name(), queue));
    if (!delivered) {
        return delivered.error();
    }
    std::set<std::uint64_t> deliveredIds;
    for (const auto& marker : *delivered) {
        deliveredIds.insert(marker.sequence);
    }
    auto messages = context.store->loadMessages(amqpMessageQueue(host.name(), queue));
    if (!messages) {
        return messages.error();
    }
    for (const auto& stored : *messages) {
        auto message = decodeStoredAmqpMessage(stored.blob);
        if (!message || message->message.id != stored.sequence) {
            context.logMessage(LogLevel::Warning, "skipped an unreadable message of queue '" +
                                                      queue + "' (" + host.name() + ")");
            continue;
        }
        const bool redelivered = deliveredIds.erase(stored.sequence) > 0;
        if (auto restored = host.restoreMessage(queue, std::move(message->message), redelivered,
                                                message->streamOffset);
            !restored) {
            return restored.error().toError();
        }
        if (redelivered) {
            hooks.noteDelivered(queue, stored.sequence);
        }
    }
    // Markers of messages that left between the two writes.
    for (const auto id : deliveredIds) {
        context.store->removeMessage(amqpDeliveredQueue(host.name(), queue), id);
    }
    return {};
}

Status loadQueues(BrokerContext& context, std::set<std::string>& storeQueues) {
    auto records = context.store->loadRecords(std::string(kAmqpQueueNamespace));
    if (!records) {
        return records.error();
    }
    for (const auto& record : *records) {
        auto stored = decodeAmqpQueue(record.value);
        if (!stored) {
            context.logMessage(LogLevel::Warning, "skipped an unreadable queue " + record.key);
            continue;
        }
        const std::string& name = stored->declare.name;
        const std::string what = "queue '" + name + "'";
        auto* host = hostFor(context, stored->vhost, what);
        if (host == nullptr) {
            storeQueues.insert(amqpMessageQueue(stored->vhost, name));
            storeQueues.insert(amqpDeliveredQueue(stored->vhost, name));
            continue;
        }
        if (auto declared = host->declareQueue(stored->declare, amqp::Clock::now()); !declared) {
            warnRefused(context, what, declared.error());
            continue;
        }
        storeQueues.insert(amqpMessageQueue(host->name(), name));
        storeQueues.insert(amqpDeliveredQueue(host->name(), name));
        auto& hooks = *context.amqpStores.at(host->name());
        if (auto status = loadMessages(context, *host, hooks, name); !status) {
            return status;
        }
    }
    return {};
}

Status loadBindings(BrokerContext& context) {
    auto records = context.store->loadRecords(std::string(kAmqpBindingNamespace));
    if (!records) {
        return records.error();
    }
    for (const auto& record : *records) {
        auto stored = decodeAmqpBinding(record.value);
        if (!stored) {
            context.logMessage(LogLevel::Warning, "skipped an unreadable binding " + record.key);
            continue;
        }
        const auto& binding = stored->binding;
        const std::string what = "binding of '" + binding.destination + "' to '" + binding.source +
                                 "' ('" + binding.routingKey + "')";
        auto* host = hostFor(context, stored->vhost, what);
        if (host == nullptr) {
            continue;
        }
        const auto bound = binding.destinationKind == amqp::DestinationKind::Queue
                               ? host->bindQueue(binding.destination, binding.source,
                                                 binding.routingKey, binding.arguments, 0)
                               : host->bindExchange(binding.destination, binding.source,
                                                    binding.routingKey, binding.arguments);
        if (!bound) {
            warnRefused(context, what, bound.error());
        }
    }
    return {};
}

// Message queues of queues that are gone (deleted while their records were being written).
void dropOrphans(BrokerContext& context, const std::set<std::string>& storeQueues) {
    auto queues = context.store->listQueues();
    if (!queues) {
        return;
    }
    for (const auto& queue : *queues) {
        const bool amqp =
            queue.starts_with(kAmqpMessagesPrefix) || queue.starts_with(kAmqpDeliveredPrefix);
        if (amqp && !storeQueues.contains(queue)) {
            context.store->dropQueue(queue);
        }
    }
}

Status loadAll(BrokerContext& context) {
    // Bindings need both ends in place.
    std::set<std::string> storeQueues;
    if (auto status = loadExchanges(context); !status) {
        return status;
    }
    if (auto status = loadQueues(context, storeQueues); !status) {
        return status;
    }
    if (auto status = loadBindings(context); !status) {
        return status;
    }
    dropOrphans(context, storeQueues);
    return {};
}

}  // namespace

Status loadAmqpState(BrokerContext& context) {
    if (context.store == nullptr) {
        return {};
    }
    for (auto& [name, hooks] : context.amqpStores) {
        hooks->setRestoring(true);
    }
    const Status status = loadAll(context);
    for (auto& [name, hooks] : context.amqpStores) {
        hooks->setRestoring(false);
    }
    return status;
}

}  // namespace sbx::broker
