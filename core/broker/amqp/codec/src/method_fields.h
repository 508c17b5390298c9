#pragma once

#include <concepts>
#include <type_traits>

#include "sbx/amqp/methods.h"

namespace sbx::amqp {

// The wire layout of every method, once: describe(method, visitor) hands each argument
// to the visitor in wire order, with the AMQP type it has on the wire. The decoder
// (MethodFieldReader) and the encoder (MethodFieldWriter) are both such visitors, so the
// two can never disagree about an order or a type. `M` is the struct, const or not.
template <class M, class Struct>
concept FieldsOf = std::same_as<std::remove_const_t<M>, Struct>;

template <FieldsOf<ConnectionStart> M, class V>
void describe(M& m, V& v) {
    v.octet(m.versionMajor);
    v.octet(m.versionMinor);
    v.table(m.serverProperties);
    v.longString(m.mechanisms);
    v.longString(m.locales);
}

template <FieldsOf<ConnectionStartOk> M, class V>
void describe(M& m, V& v) {
    v.table(m.clientProperties);
    v.shortString(m.mechanism);
    v.longString(m.response);
    v.shortString(m.locale);
}

template <FieldsOf<ConnectionSecure> M, class V>
void describe(M& m, V& v) {
    v.longString(m.challenge);
}

template <FieldsOf<ConnectionSecureOk> M, class V>
void describe(M& m, V& v) {
    v.longString(m.response);
}

template <FieldsOf<ConnectionTune> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.channelMax);
    v.longUint(m.frameMax);
    v.shortUint(m.heartbeat);
}

template <FieldsOf<ConnectionTuneOk> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.channelMax);
    v.longUint(m.frameMax);
    v.shortUint(m.heartbeat);
}

template <FieldsOf<ConnectionOpen> M, class V>
void describe(M& m, V& v) {
    v.shortString(m.virtualHost);
    v.shortString(m.reserved1);
    v.bit(m.reserved2);
}

template <FieldsOf<ConnectionOpenOk> M, class V>
void describe(M& m, V& v) {
    v.shortString(m.reserved1);
}

template <FieldsOf<ConnectionClose> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.replyCode);
    v.shortString(m.replyText);
    v.shortUint(m.classId);
    v.shortUint(m.methodId);
}

template <FieldsOf<ConnectionCloseOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<ConnectionBlocked> M, class V>
void describe(M& m, V& v) {
    v.shortString(m.reason);
}

template <FieldsOf<ConnectionUnblocked> M, class V>
void describe(M&, V&) {}

template <FieldsOf<ConnectionUpdateSecret> M, class V>
void describe(M& m, V& v) {
    v.longString(m.newSecret);
    v.shortString(m.reason);
}

template <FieldsOf<ConnectionUpdateSecretOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<ChannelOpen> M, class V>
void describe(M& m, V& v) {
    v.shortString(m.reserved1);
}

template <FieldsOf<ChannelOpenOk> M, class V>
void describe(M& m, V& v) {
    v.longString(m.reserved1);
}

template <FieldsOf<ChannelFlow> M, class V>
void describe(M& m, V& v) {
    v.bit(m.active);
}

template <FieldsOf<ChannelFlowOk> M, class V>
void describe(M& m, V& v) {
    v.bit(m.active);
}

template <FieldsOf<ChannelClose> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.replyCode);
    v.shortString(m.replyText);
    v.shortUint(m.classId);
    v.shortUint(m.methodId);
}

template <FieldsOf<ChannelCloseOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<ExchangeDeclare> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.reserved1);
    v.shortString(m.exchange);
    v.shortString(m.type);
    v.bit(m.passive);
    v.bit(m.durable);
    v.bit(m.autoDelete);
    v.bit(m.internal);
    v.bit(m.noWait);
    v.table(m.arguments);
}

template <FieldsOf<ExchangeDeclareOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<ExchangeDelete> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.reserved1);
    v.shortString(m.exchange);
    v.bit(m.ifUnused);
    v.bit(m.noWait);
}

template <FieldsOf<ExchangeDeleteOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<ExchangeBind> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.reserved1);
    v.shortString(m.destination);
    v.shortString(m.source);
    v.shortString(m.routingKey);
    v.bit(m.noWait);
    v.table(m.arguments);
}

template <FieldsOf<ExchangeBindOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<ExchangeUnbind> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.reserved1);
    v.shortString(m.destination);
    v.shortString(m.source);
    v.shortString(m.routingKey);
    v.bit(m.noWait);
    v.table(m.arguments);
}

template <FieldsOf<ExchangeUnbindOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<QueueDeclare> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.reserved1);
    v.shortString(m.queue);
    v.bit(m.passive);
    v.bit(m.durable);
    v.bit(m.exclusive);
    v.bit(m.autoDelete);
    v.bit(m.noWait);
    v.table(m.arguments);
}

template <FieldsOf<QueueDeclareOk> M, class V>
void describe(M& m, V& v) {
    v.shortString(m.queue);
    v.longUint(m.messageCount);
    v.longUint(m.consumerCount);
}

template <FieldsOf<QueueBind> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.reserved1);
    v.shortString(m.queue);
    v.shortString(m.exchange);
    v.shortString(m.routingKey);
    v.bit(m.noWait);
    v.table(m.arguments);
}

template <FieldsOf<QueueBindOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<QueuePurge> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.reserved1);
    v.shortString(m.queue);
    v.bit(m.noWait);
}

template <FieldsOf<QueuePurgeOk> M, class V>
void describe(M& m, V& v) {
    v.longUint(m.messageCount);
}

template <FieldsOf<QueueDelete> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.reserved1);
    v.shortString(m.queue);
    v.bit(m.ifUnused);
    v.bit(m.ifEmpty);
    v.bit(m.noWait);
}

template <FieldsOf<QueueDeleteOk> M, class V>
void describe(M& m, V& v) {
    v.longUint(m.messageCount);
}

template <FieldsOf<QueueUnbind> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.reserved1);
    v.shortString(m.queue);
    v.shortString(m.exchange);
    v.shortString(m.routingKey);
    v.table(m.arguments);
}

template <FieldsOf<QueueUnbindOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<BasicQos> M, class V>
void describe(M& m, V& v) {
    v.longUint(m.prefetchSize);
    v.shortUint(m.prefetchCount);
    v.bit(m.global);
}

template <FieldsOf<BasicQosOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<BasicConsume> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.reserved1);
    v.shortString(m.queue);
    v.shortString(m.consumerTag);
    v.bit(m.noLocal);
    v.bit(m.noAck);
    v.bit(m.exclusive);
    v.bit(m.noWait);
    v.table(m.arguments);
}

template <FieldsOf<BasicConsumeOk> M, class V>
void describe(M& m, V& v) {
    v.shortString(m.consumerTag);
}

template <FieldsOf<BasicCancel> M, class V>
void describe(M& m, V& v) {
    v.shortString(m.consumerTag);
    v.bit(m.noWait);
}

template <FieldsOf<BasicCancelOk> M, class V>
void describe(M& m, V& v) {
    v.shortString(m.consumerTag);
}

template <FieldsOf<BasicPublish> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.reserved1);
    v.shortString(m.exchange);
    v.shortString(m.routingKey);
    v.bit(m.mandatory);
    v.bit(m.immediate);
}

template <FieldsOf<BasicReturn> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.replyCode);
    v.shortString(m.replyText);
    v.shortString(m.exchange);
    v.shortString(m.routingKey);
}

template <FieldsOf<BasicDeliver> M, class V>
void describe(M& m, V& v) {
    v.shortString(m.consumerTag);
    v.longLongUint(m.deliveryTag);
    v.bit(m.redelivered);
    v.shortString(m.exchange);
    v.shortString(m.routingKey);
}

template <FieldsOf<BasicGet> M, class V>
void describe(M& m, V& v) {
    v.shortUint(m.reserved1);
    v.shortString(m.queue);
    v.bit(m.noAck);
}

template <FieldsOf<BasicGetOk> M, class V>
void describe(M& m, V& v) {
    v.longLongUint(m.deliveryTag);
    v.bit(m.redelivered);
    v.shortString(m.exchange);
    v.shortString(m.routingKey);
    v.longUint(m.messageCount);
}

template <FieldsOf<BasicGetEmpty> M, class V>
void describe(M& m, V& v) {
    v.shortString(m.reserved1);
}

template <FieldsOf<BasicAck> M, class V>
void describe(M& m, V& v) {
    v.longLongUint(m.deliveryTag);
    v.bit(m.multiple);
}

template <FieldsOf<BasicReject> M, class V>
void describe(M& m, V& v) {
    v.longLongUint(m.deliveryTag);
    v.bit(m.requeue);
}

template <FieldsOf<BasicRecoverAsync> M, class V>
void describe(M& m, V& v) {
    v.bit(m.requeue);
}

template <FieldsOf<BasicRecover> M, class V>
void describe(M& m, V& v) {
    v.bit(m.requeue);
}

template <FieldsOf<BasicRecoverOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<BasicNack> M, class V>
void describe(M& m, V& v) {
    v.longLongUint(m.deliveryTag);
    v.bit(m.multiple);
    v.bit(m.requeue);
}

template <FieldsOf<ConfirmSelect> M, class V>
void describe(M& m, V& v) {
    v.bit(m.noWait);
}

template <FieldsOf<ConfirmSelectOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<TxSelect> M, class V>
void describe(M&, V&) {}

template <FieldsOf<TxSelectOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<TxCommit> M, class V>
void describe(M&, V&) {}

template <FieldsOf<TxCommitOk> M, class V>
void describe(M&, V&) {}

template <FieldsOf<TxRollback> M, class V>
void describe(M&, V&) {}

template <FieldsOf<TxRollbackOk> M, class V>
void describe(M&, V&) {}

}  // namespace sbx::amqp
