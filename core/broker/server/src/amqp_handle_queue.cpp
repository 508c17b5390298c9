// queue.* (AMQP 0-9-1 §1.7.2), mapped onto the VirtualHost, which owns the rules and
// reply texts.
#include "amqp_protocol.h"
#include "broker_context.h"

namespace sbx::broker {

namespace wire = sbx::amqp;

amqp::AmqpResult<std::string> AmqpProtocol::queueName(const AmqpChannel& channel,
                                                      const std::string& name) {
    if (!name.empty()) {
        return name;
    }
    // RabbitMQ: an empty queue name means the channel's last declared queue.
    if (channel.lastQueue.empty()) {
        return amqp::AmqpError::make(amqp::ReplyCode::NotFound, "no previously declared queue");
    }
    return channel.lastQueue;
}

AmqpProtocol::Status AmqpProtocol::checkQueueBinding(std::string_view queue,
                                                     std::string_view exchange) const {
    if (auto status = checkAccess(AmqpPermission::Write, "queue", queue); !status) {
        return status;
    }
    return checkAccess(AmqpPermission::Read, "exchange", exchange);
}

AmqpProtocol::Status AmqpProtocol::handleQueueDeclare(AmqpChannel& channel,
                                                      const wire::QueueDeclare& m) {
    amqp::QueueDeclare request;
    request.name = m.queue;
    request.passive = m.passive;
    request.durable = m.durable;
    request.exclusive = m.exclusive;
    request.autoDelete = m.autoDelete;
    request.arguments = m.arguments;
    request.connection = connectionId_;
    if (m.passive && m.queue.empty()) {
        auto last = queueName(channel, m.queue);
        if (!last) {
            return last.error();
        }
        request.name = *last;
    }
    if (!m.passive) {
        // A server-named queue is checked under the name it is about to get, as RabbitMQ
        // does: configure permission applies to every queue a user creates.
        if (request.name.empty()) {
            request.name = vhost_->newQueueName();
            request.serverNamed = true;
        }
        if (auto status = checkAccess(AmqpPermission::Configure, "queue", request.name); !status) {
            return status;
        }
    }
    auto declared = vhost_->declareQueue(request, now());
    if (!declared) {
        return declared.error();
    }
    channel.lastQueue = declared->name;
    if (!m.noWait) {
        send(channel.number,
             wire::QueueDeclareOk{declared->name, declared->messageCount, declared->consumerCount});
    }
    return {};
}

AmqpProtocol::Status AmqpProtocol::handleQueueBind(AmqpChannel& channel, const wire::QueueBind& m) {
    auto queue = queueName(channel, m.queue);
    if (!queue) {
        return queue.error();
    }
    // With the queue name left out, an empty routing key means the queue's name too.
    const auto& routingKey = m.queue.empty() && m.routingKey.empty() ? *queue : m.routingKey;
    if (auto access = checkQueueBinding(*queue, m.exchange); !access) {
        return access;
    }
    auto status = vhost_->bindQueue(*queue, m.exchange, routingKey, m.arguments, connectionId_);
    if (status && !m.noWait) {
        send(channel.number, wire::QueueBindOk{});
    }
    return status;
}

AmqpProtocol::Status AmqpProtocol::handleQueueUnbind(AmqpChannel& channel,
                                                     const wire::QueueUnbind& m) {
    auto queue = queueName(channel, m.queue);
    if (!queue) {
        return queue.error();
    }
    if (auto access = checkQueueBinding(*queue, m.exchange); !access) {
        return access;
    }
    auto status = vhost_->unbindQueue(*queue, m.exchange, m.routingKey, m.arguments, connectionId_);
    if (status) {
        send(channel.number, wire::QueueUnbindOk{});
    }
    return status;
}

AmqpProtocol::Status AmqpProtocol::handleQueuePurge(AmqpChannel& channel,
                                                    const wire::QueuePurge& m) {
    auto queue = queueName(channel, m.queue);
    if (!queue) {
        return queue.error();
    }
    if (auto access = checkAccess(AmqpPermission::Read, "queue", *queue); !access) {
        return access.error();
    }
    auto purged = vhost_->purgeQueue(*queue, connectionId_);
    if (!purged) {
        return purged.error();
    }
    if (!m.noWait) {
        send(channel.number, wire::QueuePurgeOk{*purged});
    }
    return {};
}

AmqpProtocol::Status AmqpProtocol::handleQueueDelete(AmqpChannel& channel,
                                                     const wire::QueueDelete& m) {
    auto queue = queueName(channel, m.queue);
    if (!queue) {
        return queue.error();
    }
    if (auto access = checkAccess(AmqpPermission::Configure, "queue", *queue); !access) {
        return access.error();
    }
    auto deleted = vhost_->deleteQueue(*queue, m.ifUnused, m.ifEmpty, connectionId_);
    if (!deleted) {
        return deleted.error();
    }
    if (!m.noWait) {
        send(channel.number, wire::QueueDeleteOk{*deleted});
    }
    return {};
}

}  // namespace sbx::broker
