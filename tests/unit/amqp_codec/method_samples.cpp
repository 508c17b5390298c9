#include "codec_test_support.h"

namespace sbx::amqp::test {

namespace {

FieldTable arguments(std::string_view marker) {
    FieldTable table;
    table.set("x-marker", std::string(marker));
    table.set("x-count", std::int32_t{7});
    return table;
}

std::vector<Method> connectionSamples() {
    FieldTable capabilities;
    capabilities.set("publisher_confirms", true);
    FieldTable server;
    server.set("product", std::string("Signalbox"));
    server.set("capabilities", capabilities);
    return {
        ConnectionStart{.versionMajor = 1,
                        .versionMinor = 2,
                        .serverProperties = server,
                        .mechanisms = "PLAIN AMQPLAIN",
                        .locales = "en_US de_DE"},
        ConnectionStartOk{.clientProperties = arguments("client"),
                          .mechanism = "AMQPLAIN",
                          .response = std::string("\0u\0p", 4),
                          .locale = "de_DE"},
        ConnectionSecure{.challenge = "challenge"},
        ConnectionSecureOk{.response = "response"},
        ConnectionTune{.channelMax = 2047, .frameMax = 131072, .heartbeat = 60},
        ConnectionTuneOk{.channelMax = 100, .frameMax = 65536, .heartbeat = 30},
        ConnectionOpen{.virtualHost = "/staging", .reserved1 = "caps", .reserved2 = true},
        ConnectionOpenOk{.reserved1 = "known"},
        ConnectionClose{
            .replyCode = 320, .replyText = "CONNECTION_FORCED", .classId = 10, .methodId = 40},
        ConnectionCloseOk{},
        ConnectionBlocked{.reason = "low on memory"},
        ConnectionUnblocked{},
        ConnectionUpdateSecret{.newSecret = "token-2", .reason = "refresh"},
        ConnectionUpdateSecretOk{},
    };
}

std::vector<Method> channelSamples() {
    return {
        ChannelOpen{.reserved1 = "oob"},
        ChannelOpenOk{.reserved1 = "id"},
        ChannelFlow{.active = true},
        ChannelFlowOk{.active = true},
        ChannelClose{
            .replyCode = 404, .replyText = "NOT_FOUND - no queue", .classId = 50, .methodId = 10},
        ChannelCloseOk{},
    };
}

std::vector<Method> exchangeSamples() {
    return {
        ExchangeDeclare{.reserved1 = 1,
                        .exchange = "events",
                        .type = "topic",
                        .passive = true,
                        .durable = false,
                        .autoDelete = true,
                        .internal = false,
                        .noWait = true,
                        .arguments = arguments("xd")},
        ExchangeDeclareOk{},
        ExchangeDelete{.reserved1 = 2, .exchange = "old", .ifUnused = true, .noWait = false},
        ExchangeDeleteOk{},
        ExchangeBind{.reserved1 = 3,
                     .destination = "d",
                     .source = "s",
                     .routingKey = "a.#",
                     .noWait = true,
                     .arguments = arguments("xb")},
        ExchangeBindOk{},
        ExchangeUnbind{.reserved1 = 4,
                       .destination = "d2",
                       .source = "s2",
                       .routingKey = "b.*",
                       .noWait = true,
                       .arguments = arguments("xu")},
        ExchangeUnbindOk{},
    };
}

std::vector<Method> queueSamples() {
    return {
        QueueDeclare{.reserved1 = 5,
                     .queue = "orders",
                     .passive = false,
                     .durable = true,
                     .exclusive = false,
                     .autoDelete = true,
                     .noWait = true,
                     .arguments = arguments("qd")},
        QueueDeclareOk{.queue = "amq.gen-123", .messageCount = 12, .consumerCount = 3},
        QueueBind{.reserved1 = 6,
                  .queue = "q",
                  .exchange = "e",
                  .routingKey = "k",
                  .noWait = true,
                  .arguments = arguments("qb")},
        QueueBindOk{},
        QueuePurge{.reserved1 = 7, .queue = "q", .noWait = true},
        QueuePurgeOk{.messageCount = 99},
        QueueDelete{
            .reserved1 = 8, .queue = "q", .ifUnused = false, .ifEmpty = true, .noWait = true},
        QueueDeleteOk{.messageCount = 4},
        QueueUnbind{.reserved1 = 9,
                    .queue = "q",
                    .exchange = "e",
                    .routingKey = "k",
                    .arguments = arguments("qu")},
        QueueUnbindOk{},
    };
}

std::vector<Method> basicSamples() {
    return {
        BasicQos{.prefetchSize = 65536, .prefetchCount = 10, .global = true},
        BasicQosOk{},
        BasicConsume{.reserved1 = 10,
                     .queue = "orders",
                     .consumerTag = "c1",
                     .noLocal = true,
                     .noAck = false,
                     .exclusive = true,
                     .noWait = false,
                     .arguments = arguments("bc")},
        BasicConsumeOk{.consumerTag = "amq.ctag-1"},
        BasicCancel{.consumerTag = "c1", .noWait = true},
        BasicCancelOk{.consumerTag = "c1"},
        BasicPublish{.reserved1 = 11,
                     .exchange = "amq.topic",
                     .routingKey = "a.b",
                     .mandatory = false,
                     .immediate = true},
        BasicReturn{.replyCode = 312, .replyText = "NO_ROUTE", .exchange = "e", .routingKey = "k"},
        BasicDeliver{.consumerTag = "c1",
                     .deliveryTag = 0x0102030405060708ull,
                     .redelivered = true,
                     .exchange = "e",
                     .routingKey = "k"},
        BasicGet{.reserved1 = 12, .queue = "orders", .noAck = true},
        BasicGetOk{.deliveryTag = 77,
                   .redelivered = true,
                   .exchange = "e",
                   .routingKey = "k",
                   .messageCount = 5},
        BasicGetEmpty{.reserved1 = "cluster"},
        BasicAck{.deliveryTag = 0xFFFFFFFFFFFFFFFFull, .multiple = true},
        BasicReject{.deliveryTag = 3, .requeue = false},
        BasicRecoverAsync{.requeue = true},
        BasicRecover{.requeue = true},
        BasicRecoverOk{},
        BasicNack{.deliveryTag = 9, .multiple = true, .requeue = false},
    };
}

std::vector<Method> confirmAndTxSamples() {
    return {ConfirmSelect{.noWait = true},
            ConfirmSelectOk{},
            TxSelect{},
            TxSelectOk{},
            TxCommit{},
            TxCommitOk{},
            TxRollback{},
            TxRollbackOk{}};
}

}  // namespace

std::vector<Method> everyMethodSample() {
    std::vector<Method> all;
    for (auto&& group : {connectionSamples(), channelSamples(), exchangeSamples(), queueSamples(),
                         basicSamples(), confirmAndTxSamples()}) {
        all.insert(all.end(), group.begin(), group.end());
    }
    return all;
}

}  // namespace sbx::amqp::test
