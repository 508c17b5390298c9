#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "sbx/amqp/field_table.h"

namespace sbx::amqp {

// Every method of the classes RabbitMQ clients use (AMQP 0-9-1 with RabbitMQ's
// extensions: exchange.bind/unbind, basic.nack, confirm, connection.blocked/unblocked
// and update-secret), one struct per method. Fields carry the spec's names in camelCase
// and keep their wire order; the spec's "reserved-N" fields (the old ticket, insist,
// capabilities, known-hosts, out-of-band, channel-id and cluster-id) are kept as
// `reservedN`, so what was received is what is encoded again. `shortstr` fields hold at
// most 255 bytes on the wire (the encoder cuts longer text); `longstr` fields are binary.
// kName is the "class.method" form RabbitMQ uses in reply-text.

struct ConnectionStart {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 10;
    static constexpr std::string_view kName = "connection.start";
    std::uint8_t versionMajor = 0;
    std::uint8_t versionMinor = 9;
    FieldTable serverProperties;
    std::string mechanisms = "PLAIN";  // longstr
    std::string locales = "en_US";     // longstr
    bool operator==(const ConnectionStart&) const = default;
};

struct ConnectionStartOk {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 11;
    static constexpr std::string_view kName = "connection.start-ok";
    FieldTable clientProperties;
    std::string mechanism = "PLAIN";  // shortstr
    std::string response;             // longstr
    std::string locale = "en_US";     // shortstr
    bool operator==(const ConnectionStartOk&) const = default;
};

struct ConnectionSecure {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 20;
    static constexpr std::string_view kName = "connection.secure";
    std::string challenge;  // longstr
    bool operator==(const ConnectionSecure&) const = default;
};

struct ConnectionSecureOk {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 21;
    static constexpr std::string_view kName = "connection.secure-ok";
    std::string response;  // longstr
    bool operator==(const ConnectionSecureOk&) const = default;
};

struct ConnectionTune {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 30;
    static constexpr std::string_view kName = "connection.tune";
    std::uint16_t channelMax = 0;
    std::uint32_t frameMax = 0;
    std::uint16_t heartbeat = 0;
    bool operator==(const ConnectionTune&) const = default;
};

struct ConnectionTuneOk {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 31;
    static constexpr std::string_view kName = "connection.tune-ok";
    std::uint16_t channelMax = 0;
    std::uint32_t frameMax = 0;
    std::uint16_t heartbeat = 0;
    bool operator==(const ConnectionTuneOk&) const = default;
};

struct ConnectionOpen {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 40;
    static constexpr std::string_view kName = "connection.open";
    std::string virtualHost = "/";  // shortstr
    std::string reserved1;          // shortstr
    bool reserved2 = false;
    bool operator==(const ConnectionOpen&) const = default;
};

struct ConnectionOpenOk {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 41;
    static constexpr std::string_view kName = "connection.open-ok";
    std::string reserved1;  // shortstr
    bool operator==(const ConnectionOpenOk&) const = default;
};

struct ConnectionClose {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 50;
    static constexpr std::string_view kName = "connection.close";
    std::uint16_t replyCode = 0;
    std::string replyText;  // shortstr
    std::uint16_t classId = 0;
    std::uint16_t methodId = 0;
    bool operator==(const ConnectionClose&) const = default;
};

struct ConnectionCloseOk {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 51;
    static constexpr std::string_view kName = "connection.close-ok";
    bool operator==(const ConnectionCloseOk&) const = default;
};

struct ConnectionBlocked {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 60;
    static constexpr std::string_view kName = "connection.blocked";
    std::string reason;  // shortstr
    bool operator==(const ConnectionBlocked&) const = default;
};

struct ConnectionUnblocked {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 61;
    static constexpr std::string_view kName = "connection.unblocked";
    bool operator==(const ConnectionUnblocked&) const = default;
};

struct ConnectionUpdateSecret {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 70;
    static constexpr std::string_view kName = "connection.update-secret";
    std::string newSecret;  // longstr
    std::string reason;     // shortstr
    bool operator==(const ConnectionUpdateSecret&) const = default;
};

struct ConnectionUpdateSecretOk {
    static constexpr std::uint16_t kClassId = 10;
    static constexpr std::uint16_t kMethodId = 71;
    static constexpr std::string_view kName = "connection.update-secret-ok";
    bool operator==(const ConnectionUpdateSecretOk&) const = default;
};

struct ChannelOpen {
    static constexpr std::uint16_t kClassId = 20;
    static constexpr std::uint16_t kMethodId = 10;
    static constexpr std::string_view kName = "channel.open";
    std::string reserved1;  // shortstr
    bool operator==(const ChannelOpen&) const = default;
};

struct ChannelOpenOk {
    static constexpr std::uint16_t kClassId = 20;
    static constexpr std::uint16_t kMethodId = 11;
    static constexpr std::string_view kName = "channel.open-ok";
    std::string reserved1;  // longstr
    bool operator==(const ChannelOpenOk&) const = default;
};

struct ChannelFlow {
    static constexpr std::uint16_t kClassId = 20;
    static constexpr std::uint16_t kMethodId = 20;
    static constexpr std::string_view kName = "channel.flow";
    bool active = false;
    bool operator==(const ChannelFlow&) const = default;
};

struct ChannelFlowOk {
    static constexpr std::uint16_t kClassId = 20;
    static constexpr std::uint16_t kMethodId = 21;
    static constexpr std::string_view kName = "channel.flow-ok";
    bool active = false;
    bool operator==(const ChannelFlowOk&) const = default;
};

struct ChannelClose {
    static constexpr std::uint16_t kClassId = 20;
    static constexpr std::uint16_t kMethodId = 40;
    static constexpr std::string_view kName = "channel.close";
    std::uint16_t replyCode = 0;
    std::string replyText;  // shortstr
    std::uint16_t classId = 0;
    std::uint16_t methodId = 0;
    bool operator==(const ChannelClose&) const = default;
};

struct ChannelCloseOk {
    static constexpr std::uint16_t kClassId = 20;
    static constexpr std::uint16_t kMethodId = 41;
    static constexpr std::string_view kName = "channel.close-ok";
    bool operator==(const ChannelCloseOk&) const = default;
};

struct ExchangeDeclare {
    static constexpr std::uint16_t kClassId = 40;
    static constexpr std::uint16_t kMethodId = 10;
    static constexpr std::string_view kName = "exchange.declare";
    std::uint16_t reserved1 = 0;
    std::string exchange;  // shortstr
    std::string type;      // shortstr
    bool passive = false;
    bool durable = false;
    bool autoDelete = false;
    bool internal = false;
    bool noWait = false;
    FieldTable arguments;
    bool operator==(const ExchangeDeclare&) const = default;
};

struct ExchangeDeclareOk {
    static constexpr std::uint16_t kClassId = 40;
    static constexpr std::uint16_t kMethodId = 11;
    static constexpr std::string_view kName = "exchange.declare-ok";
    bool operator==(const ExchangeDeclareOk&) const = default;
};

struct ExchangeDelete {
    static constexpr std::uint16_t kClassId = 40;
    static constexpr std::uint16_t kMethodId = 20;
    static constexpr std::string_view kName = "exchange.delete";
    std::uint16_t reserved1 = 0;
    std::string exchange;  // shortstr
    bool ifUnused = false;
    bool noWait = false;
    bool operator==(const ExchangeDelete&) const = default;
};

struct ExchangeDeleteOk {
    static constexpr std::uint16_t kClassId = 40;
    static constexpr std::uint16_t kMethodId = 21;
    static constexpr std::string_view kName = "exchange.delete-ok";
    bool operator==(const ExchangeDeleteOk&) const = default;
};

struct ExchangeBind {
    static constexpr std::uint16_t kClassId = 40;
    static constexpr std::uint16_t kMethodId = 30;
    static constexpr std::string_view kName = "exchange.bind";
    std::uint16_t reserved1 = 0;
    std::string destination;  // shortstr
    std::string source;       // shortstr
    std::string routingKey;   // shortstr
    bool noWait = false;
    FieldTable arguments;
    bool operator==(const ExchangeBind&) const = default;
};

struct ExchangeBindOk {
    static constexpr std::uint16_t kClassId = 40;
    static constexpr std::uint16_t kMethodId = 31;
    static constexpr std::string_view kName = "exchange.bind-ok";
    bool operator==(const ExchangeBindOk&) const = default;
};

struct ExchangeUnbind {
    static constexpr std::uint16_t kClassId = 40;
    static constexpr std::uint16_t kMethodId = 40;
    static constexpr std::string_view kName = "exchange.unbind";
    std::uint16_t reserved1 = 0;
    std::string destination;  // shortstr
    std::string source;       // shortstr
    std::string routingKey;   // shortstr
    bool noWait = false;
    FieldTable arguments;
    bool operator==(const ExchangeUnbind&) const = default;
};

struct ExchangeUnbindOk {
    static constexpr std::uint16_t kClassId = 40;
    static constexpr std::uint16_t kMethodId = 51;
    static constexpr std::string_view kName = "exchange.unbind-ok";
    bool operator==(const ExchangeUnbindOk&) const = default;
};

struct QueueDeclare {
    static constexpr std::uint16_t kClassId = 50;
    static constexpr std::uint16_t kMethodId = 10;
    static constexpr std::string_view kName = "queue.declare";
    std::uint16_t reserved1 = 0;
    std::string queue;  // shortstr
    bool passive = false;
    bool durable = false;
    bool exclusive = false;
    bool autoDelete = false;
    bool noWait = false;
    FieldTable arguments;
    bool operator==(const QueueDeclare&) const = default;
};

struct QueueDeclareOk {
    static constexpr std::uint16_t kClassId = 50;
    static constexpr std::uint16_t kMethodId = 11;
    static constexpr std::string_view kName = "queue.declare-ok";
    std::string queue;  // shortstr
    std::uint32_t messageCount = 0;
    std::uint32_t consumerCount = 0;
    bool operator==(const QueueDeclareOk&) const = default;
};

struct QueueBind {
    static constexpr std::uint16_t kClassId = 50;
    static constexpr std::uint16_t kMethodId = 20;
    static constexpr std::string_view kName = "queue.bind";
    std::uint16_t reserved1 = 0;
    std::string queue;       // shortstr
    std::string exchange;    // shortstr
    std::string routingKey;  // shortstr
    bool noWait = false;
    FieldTable arguments;
    bool operator==(const QueueBind&) const = default;
};

struct QueueBindOk {
    static constexpr std::uint16_t kClassId = 50;
    static constexpr std::uint16_t kMethodId = 21;
    static constexpr std::string_view kName = "queue.bind-ok";
    bool operator==(const QueueBindOk&) const = default;
};

struct QueuePurge {
    static constexpr std::uint16_t kClassId = 50;
    static constexpr std::uint16_t kMethodId = 30;
    static constexpr std::string_view kName = "queue.purge";
    std::uint16_t reserved1 = 0;
    std::string queue;  // shortstr
    bool noWait = false;
    bool operator==(const QueuePurge&) const = default;
};

struct QueuePurgeOk {
    static constexpr std::uint16_t kClassId = 50;
    static constexpr std::uint16_t kMethodId = 31;
    static constexpr std::string_view kName = "queue.purge-ok";
    std::uint32_t messageCount = 0;
    bool operator==(const QueuePurgeOk&) const = default;
};

struct QueueDelete {
    static constexpr std::uint16_t kClassId = 50;
    static constexpr std::uint16_t kMethodId = 40;
    static constexpr std::string_view kName = "queue.delete";
    std::uint16_t reserved1 = 0;
    std::string queue;  // shortstr
    bool ifUnused = false;
    bool ifEmpty = false;
    bool noWait = false;
    bool operator==(const QueueDelete&) const = default;
};

struct QueueDeleteOk {
    static constexpr std::uint16_t kClassId = 50;
    static constexpr std::uint16_t kMethodId = 41;
    static constexpr std::string_view kName = "queue.delete-ok";
    std::uint32_t messageCount = 0;
    bool operator==(const QueueDeleteOk&) const = default;
};

struct QueueUnbind {
    static constexpr std::uint16_t kClassId = 50;
    static constexpr std::uint16_t kMethodId = 50;
    static constexpr std::string_view kName = "queue.unbind";
    std::uint16_t reserved1 = 0;
    std::string queue;       // shortstr
    std::string exchange;    // shortstr
    std::string routingKey;  // shortstr
    FieldTable arguments;
    bool operator==(const QueueUnbind&) const = default;
};

struct QueueUnbindOk {
    static constexpr std::uint16_t kClassId = 50;
    static constexpr std::uint16_t kMethodId = 51;
    static constexpr std::string_view kName = "queue.unbind-ok";
    bool operator==(const QueueUnbindOk&) const = default;
};

struct BasicQos {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 10;
    static constexpr std::string_view kName = "basic.qos";
    std::uint32_t prefetchSize = 0;
    std::uint16_t prefetchCount = 0;
    bool global = false;
    bool operator==(const BasicQos&) const = default;
};

struct BasicQosOk {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 11;
    static constexpr std::string_view kName = "basic.qos-ok";
    bool operator==(const BasicQosOk&) const = default;
};

struct BasicConsume {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 20;
    static constexpr std::string_view kName = "basic.consume";
    std::uint16_t reserved1 = 0;
    std::string queue;        // shortstr
    std::string consumerTag;  // shortstr
    bool noLocal = false;
    bool noAck = false;
    bool exclusive = false;
    bool noWait = false;
    FieldTable arguments;
    bool operator==(const BasicConsume&) const = default;
};

struct BasicConsumeOk {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 21;
    static constexpr std::string_view kName = "basic.consume-ok";
    std::string consumerTag;  // shortstr
    bool operator==(const BasicConsumeOk&) const = default;
};

struct BasicCancel {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 30;
    static constexpr std::string_view kName = "basic.cancel";
    std::string consumerTag;  // shortstr
    bool noWait = false;
    bool operator==(const BasicCancel&) const = default;
};

struct BasicCancelOk {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 31;
    static constexpr std::string_view kName = "basic.cancel-ok";
    std::string consumerTag;  // shortstr
    bool operator==(const BasicCancelOk&) const = default;
};

struct BasicPublish {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 40;
    static constexpr std::string_view kName = "basic.publish";
    std::uint16_t reserved1 = 0;
    std::string exchange;    // shortstr
    std::string routingKey;  // shortstr
    bool mandatory = false;
    bool immediate = false;
    bool operator==(const BasicPublish&) const = default;
};

struct BasicReturn {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 50;
    static constexpr std::string_view kName = "basic.return";
    std::uint16_t replyCode = 0;
    std::string replyText;   // shortstr
    std::string exchange;    // shortstr
    std::string routingKey;  // shortstr
    bool operator==(const BasicReturn&) const = default;
};

struct BasicDeliver {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 60;
    static constexpr std::string_view kName = "basic.deliver";
    std::string consumerTag;  // shortstr
    std::uint64_t deliveryTag = 0;
    bool redelivered = false;
    std::string exchange;    // shortstr
    std::string routingKey;  // shortstr
    bool operator==(const BasicDeliver&) const = default;
};

struct BasicGet {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 70;
    static constexpr std::string_view kName = "basic.get";
    std::uint16_t reserved1 = 0;
    std::string queue;  // shortstr
    bool noAck = false;
    bool operator==(const BasicGet&) const = default;
};

struct BasicGetOk {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 71;
    static constexpr std::string_view kName = "basic.get-ok";
    std::uint64_t deliveryTag = 0;
    bool redelivered = false;
    std::string exchange;    // shortstr
    std::string routingKey;  // shortstr
    std::uint32_t messageCount = 0;
    bool operator==(const BasicGetOk&) const = default;
};

struct BasicGetEmpty {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 72;
    static constexpr std::string_view kName = "basic.get-empty";
    std::string reserved1;  // shortstr
    bool operator==(const BasicGetEmpty&) const = default;
};

struct BasicAck {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 80;
    static constexpr std::string_view kName = "basic.ack";
    std::uint64_t deliveryTag = 0;
    bool multiple = false;
    bool operator==(const BasicAck&) const = default;
};

struct BasicReject {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 90;
    static constexpr std::string_view kName = "basic.reject";
    std::uint64_t deliveryTag = 0;
    bool requeue = true;
    bool operator==(const BasicReject&) const = default;
};

struct BasicRecoverAsync {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 100;
    static constexpr std::string_view kName = "basic.recover-async";
    bool requeue = false;
    bool operator==(const BasicRecoverAsync&) const = default;
};

struct BasicRecover {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 110;
    static constexpr std::string_view kName = "basic.recover";
    bool requeue = false;
    bool operator==(const BasicRecover&) const = default;
};

struct BasicRecoverOk {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 111;
    static constexpr std::string_view kName = "basic.recover-ok";
    bool operator==(const BasicRecoverOk&) const = default;
};

struct BasicNack {
    static constexpr std::uint16_t kClassId = 60;
    static constexpr std::uint16_t kMethodId = 120;
    static constexpr std::string_view kName = "basic.nack";
    std::uint64_t deliveryTag = 0;
    bool multiple = false;
    bool requeue = true;
    bool operator==(const BasicNack&) const = default;
};

struct ConfirmSelect {
    static constexpr std::uint16_t kClassId = 85;
    static constexpr std::uint16_t kMethodId = 10;
    static constexpr std::string_view kName = "confirm.select";
    bool noWait = false;
    bool operator==(const ConfirmSelect&) const = default;
};

struct ConfirmSelectOk {
    static constexpr std::uint16_t kClassId = 85;
    static constexpr std::uint16_t kMethodId = 11;
    static constexpr std::string_view kName = "confirm.select-ok";
    bool operator==(const ConfirmSelectOk&) const = default;
};

struct TxSelect {
    static constexpr std::uint16_t kClassId = 90;
    static constexpr std::uint16_t kMethodId = 10;
    static constexpr std::string_view kName = "tx.select";
    bool operator==(const TxSelect&) const = default;
};

struct TxSelectOk {
    static constexpr std::uint16_t kClassId = 90;
    static constexpr std::uint16_t kMethodId = 11;
    static constexpr std::string_view kName = "tx.select-ok";
    bool operator==(const TxSelectOk&) const = default;
};

struct TxCommit {
    static constexpr std::uint16_t kClassId = 90;
    static constexpr std::uint16_t kMethodId = 20;
    static constexpr std::string_view kName = "tx.commit";
    bool operator==(const TxCommit&) const = default;
};

struct TxCommitOk {
    static constexpr std::uint16_t kClassId = 90;
    static constexpr std::uint16_t kMethodId = 21;
    static constexpr std::string_view kName = "tx.commit-ok";
    bool operator==(const TxCommitOk&) const = default;
};

struct TxRollback {
    static constexpr std::uint16_t kClassId = 90;
    static constexpr std::uint16_t kMethodId = 30;
    static constexpr std::string_view kName = "tx.rollback";
    bool operator==(const TxRollback&) const = default;
};

struct TxRollbackOk {
    static constexpr std::uint16_t kClassId = 90;
    static constexpr std::uint16_t kMethodId = 31;
    static constexpr std::string_view kName = "tx.rollback-ok";
    bool operator==(const TxRollbackOk&) const = default;
};

// Alternatives in (class id, method id) order, which the decoder's lookup relies on.
using Method = std::variant<
    ConnectionStart, ConnectionStartOk, ConnectionSecure, ConnectionSecureOk, ConnectionTune,
    ConnectionTuneOk, ConnectionOpen, ConnectionOpenOk, ConnectionClose, ConnectionCloseOk,
    ConnectionBlocked, ConnectionUnblocked, ConnectionUpdateSecret, ConnectionUpdateSecretOk,
    ChannelOpen, ChannelOpenOk, ChannelFlow, ChannelFlowOk, ChannelClose, ChannelCloseOk,
    ExchangeDeclare, ExchangeDeclareOk, ExchangeDelete, ExchangeDeleteOk, ExchangeBind,
    ExchangeBindOk, ExchangeUnbind, ExchangeUnbindOk, QueueDeclare, QueueDeclareOk, QueueBind,
    QueueBindOk, QueuePurge, QueuePurgeOk, QueueDelete, QueueDeleteOk, QueueUnbind, QueueUnbindOk,
    BasicQos, BasicQosOk, BasicConsume, BasicConsumeOk, BasicCancel, BasicCancelOk, BasicPublish,
    BasicReturn, BasicDeliver, BasicGet, BasicGetOk, BasicGetEmpty, BasicAck, BasicReject,
    BasicRecoverAsync, BasicRecover, BasicRecoverOk, BasicNack, ConfirmSelect, ConfirmSelectOk,
    TxSelect, TxSelectOk, TxCommit, TxCommitOk, TxRollback, TxRollbackOk>;

[[nodiscard]] std::uint16_t classIdOf(const Method& method);
[[nodiscard]] std::uint16_t methodIdOf(const Method& method);
[[nodiscard]] std::string_view nameOf(const Method& method);
// basic.publish, basic.return, basic.deliver and basic.get-ok: a content header and body
// frames follow them.
[[nodiscard]] bool carriesContent(const Method& method);
// The name of a (class id, method id) pair, also for ids outside Method ("unknown").
[[nodiscard]] std::string_view methodName(std::uint16_t classId, std::uint16_t methodId);

}  // namespace sbx::amqp
