// AmqpProtocol's part in the observe model: its entry in the client directory.
#include "amqp_protocol.h"
#include "broker_context.h"
#include "client_directory.h"
#include "connection_io.h"
#include "sbx/amqp/codec.h"

namespace sbx::broker {

namespace wire = sbx::amqp;

void AmqpProtocol::registerClient() {
    if (connectionName_.empty()) {
        connectionName_ = remoteAddress_;
    }
    // As RabbitMQ's management "force close": connection.close 320, then the socket goes
    // once that is written. Any thread; the connection's strand runs onClosed after.
    auto disconnect = [weak = io_] {
        auto io = weak.lock();
        if (!io) {
            return;
        }
        const wire::ConnectionClose close{wire::toWire(wire::ReplyCode::ConnectionForced),
                                          "CONNECTION_FORCED - closed via management", 0, 0};
        io->write([&](std::vector<std::uint8_t>& out) { wire::encodeMethodFrame(0, close, out); });
        io->closeAfterWrites();
    };
    clientEntry_ = std::make_shared<ClientEntry>(
        ClientEntry::Identity{"amqp:" + std::to_string(connectionId_), clientName(), "amqp",
                              "0-9-1", remoteAddress_, user_, vhost_ ? vhost_->name() : ""},
        std::move(disconnect));
    context_.clients.add(clientEntry_);
}

}  // namespace sbx::broker
