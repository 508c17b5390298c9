#pragma once

// Internal to the broker: included only by the few files that touch sockets, so the
// cost of Asio headers stays out of the rest of the build.
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <memory>
#include <mutex>
#include <vector>

#include "connection_io.h"

namespace sbx::broker {

class BrokerContext;
class Protocol;

// Which protocol a listener's connections speak.
enum class WireProtocol { Mqtt, Amqp };

using Strand = boost::asio::strand<boost::asio::io_context::executor_type>;

// One client connection: feeds received bytes to its protocol state machine and writes
// what it produces. Everything but write()/closeAfterWrites() runs on the strand.
// Subclasses supply the transport (raw TCP or WebSocket).
class AsioConnection : public ConnectionIo, public std::enable_shared_from_this<AsioConnection> {
public:
    AsioConnection(BrokerContext& context, Strand strand, std::string remoteAddress,
                   WireProtocol wireProtocol = WireProtocol::Mqtt);
    ~AsioConnection() override;

    void start();
    // Closes at once, from any thread (broker shutdown).
    void abort();

    bool write(const Fill& fill) override;
    bool writeLate(Fill fill) override;
    [[nodiscard]] std::size_t pendingBytes() const override;
    void closeAfterWrites() override;
    void setIdleTimeout(std::chrono::milliseconds timeout) override;
    void pauseReading() override;
    void resumeReading() override;
    [[nodiscard]] const std::string& remoteAddress() const override { return remoteAddress_; }

protected:
    // Transport hooks, called on the strand.
    virtual void startTransport() = 0;  // handshake if any, then readSome()
    virtual void readSome() = 0;        // calls onReceived() or finish()
    virtual void writeBytes(const std::vector<std::uint8_t>& bytes) = 0;  // then onWritten()
    virtual void closeTransport() = 0;

    void beginProtocol();
    void onReceived(const std::uint8_t* data, std::size_t size);
    void onWritten(bool ok);
    void finish();

    BrokerContext& context_;
    Strand strand_;

private:
    void startWriteOnStrand();
    void armIdleTimer();

    std::string remoteAddress_;
    WireProtocol wireProtocol_;
    std::shared_ptr<Protocol> protocol_;
    std::vector<std::uint8_t> input_;
    boost::asio::steady_timer idleTimer_;
    boost::asio::steady_timer resumeTimer_;
    std::chrono::milliseconds idleTimeout_{0};
    std::chrono::steady_clock::time_point lastActivity_;
    bool finished_ = false;
    bool readingPaused_ = false;  // strand only
    bool readParked_ = false;     // a read was due while paused

    mutable std::mutex outputMutex_;
    std::vector<std::uint8_t> pending_;
    std::vector<std::uint8_t> writing_;
    std::vector<Fill> lateFills_;  // run by startWriteOnStrand before it swaps
    bool writeInProgress_ = false;
    bool closeRequested_ = false;
    bool closed_ = false;
};

// Creates the connection for an accepted socket.
std::shared_ptr<AsioConnection> makeTcpConnection(BrokerContext& context, Strand strand,
                                                  boost::asio::ip::tcp::socket socket,
                                                  WireProtocol wireProtocol = WireProtocol::Mqtt);
std::shared_ptr<AsioConnection> makeWebSocketConnection(BrokerContext& context, Strand strand,
                                                        boost::asio::ip::tcp::socket socket);

// For subclasses: "address:port" of the peer.
std::string describePeer(const boost::asio::ip::tcp::socket& socket);

}  // namespace sbx::broker
