// exchange.* (AMQP 0-9-1 §1.6.2 with RabbitMQ's exchange.bind/unbind), mapped onto the
// VirtualHost, which owns the rules and reply texts.
#include "amqp_protocol.h"
#include "broker_context.h"

namespace sbx::broker {

namespace wire = sbx::amqp;

AmqpProtocol::Status AmqpProtocol::checkBinding(std::string_view destination,
                                                std::string_view source) const {
    // RabbitMQ: a binding writes to its destination and reads from its source.
    if (auto status = checkAccess(AmqpPermission::Write, "exchange", destination); !status) {
        return status;
    }
    return checkAccess(AmqpPermission::Read, "exchange", source);
}

AmqpProtocol::Status AmqpProtocol::handleExchangeDeclare(AmqpChannel& channel,
                                                         const wire::ExchangeDeclare& m) {
    if (!m.passive) {
        if (auto status = checkAccess(AmqpPermission::Configure, "exchange", m.exchange); !status) {
            return status;
        }
    }
    amqp::ExchangeDeclare request;
    request.name = m.exchange;
    request.type = m.type;
    request.passive = m.passive;
    request.durable = m.durable;
    request.autoDelete = m.autoDelete;
    request.internal = m.internal;
    request.arguments = m.arguments;
    auto declared = vhost_->declareExchange(request);
    if (!declared) {
        return declared.error();
    }
    if (!m.noWait) {
        send(channel.number, wire::ExchangeDeclareOk{});
    }
    return {};
}

AmqpProtocol::Status AmqpProtocol::handleExchangeDelete(AmqpChannel& channel,
                                                        const wire::ExchangeDelete& m) {
    if (auto access = checkAccess(AmqpPermission::Configure, "exchange", m.exchange); !access) {
        return access;
    }
    auto status = vhost_->deleteExchange(m.exchange, m.ifUnused);
    if (status && !m.noWait) {
        send(channel.number, wire::ExchangeDeleteOk{});
    }
    return status;
}

AmqpProtocol::Status AmqpProtocol::handleExchangeBind(AmqpChannel& channel,
                                                      const wire::ExchangeBind& m) {
    if (auto access = checkBinding(m.destination, m.source); !access) {
        return access;
    }
    auto status = vhost_->bindExchange(m.destination, m.source, m.routingKey, m.arguments);
    if (status && !m.noWait) {
        send(channel.number, wire::ExchangeBindOk{});
    }
    return status;
}

AmqpProtocol::Status AmqpProtocol::handleExchangeUnbind(AmqpChannel& channel,
                                                        const wire::ExchangeUnbind& m) {
    if (auto access = checkBinding(m.destination, m.source); !access) {
        return access;
    }
    auto status = vhost_->unbindExchange(m.destination, m.source, m.routingKey, m.arguments);
    if (status && !m.noWait) {
        send(channel.number, wire::ExchangeUnbindOk{});
    }
    return status;
}

}  // namespace sbx::broker
