#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace sbx::broker {

// What AsioConnection drives: one wire protocol's state machine for one connection
// (MqttProtocol, AmqpProtocol), free of sockets. Every call runs on the connection's
// strand.
class Protocol {
public:
    virtual ~Protocol() = default;

    // Consumes whole frames or packets from the front of `bytes`; returns how many bytes
    // it used. Sets closing() when the connection must end.
    virtual std::size_t consume(std::span<const std::uint8_t> bytes) = 0;
    [[nodiscard]] virtual bool closing() const = 0;
    // The socket is gone (or closing() finished).
    virtual void onClosed() = 0;
    // Nothing arrived for the idle timeout. True keeps the connection open (the protocol
    // re-armed the timeout itself, as AMQP heartbeats do); false lets it close.
    virtual bool onIdleTimeout() = 0;
    // A batch of output reached the socket: room for more (consumers throttled on a full
    // output buffer resume here).
    virtual void onOutputWritten() {}
};

}  // namespace sbx::broker
