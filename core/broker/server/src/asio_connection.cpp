#include "asio_connection.h"

#include <boost/asio/post.hpp>
#include <cstring>

#include "amqp_protocol.h"
#include "broker_context.h"
#include "mqtt_protocol.h"

namespace sbx::broker {

namespace {
// A client has this long to send CONNECT (MQTT) or finish the handshake (AMQP, as
// RabbitMQ's handshake_timeout) after the socket opens.
constexpr std::chrono::seconds kConnectTimeout{10};

std::shared_ptr<Protocol> makeProtocol(WireProtocol wireProtocol, BrokerContext& context,
                                       std::weak_ptr<ConnectionIo> io) {
    if (wireProtocol == WireProtocol::Amqp) {
        return std::make_shared<AmqpProtocol>(context, std::move(io));
    }
    return std::make_shared<MqttProtocol>(context, std::move(io));
}
}  // namespace

AsioConnection::AsioConnection(BrokerContext& context, Strand strand, std::string remoteAddress,
                               WireProtocol wireProtocol)
    : context_(context),
      strand_(std::move(strand)),
      remoteAddress_(std::move(remoteAddress)),
      wireProtocol_(wireProtocol),
      idleTimer_(strand_),
      resumeTimer_(strand_) {}

AsioConnection::~AsioConnection() = default;

void AsioConnection::start() {
    boost::asio::post(strand_, [self = shared_from_this()] {
        self->protocol_ = makeProtocol(self->wireProtocol_, self->context_, self->weak_from_this());
        self->setIdleTimeout(kConnectTimeout);
        self->startTransport();
    });
}

void AsioConnection::beginProtocol() {
    readSome();
}

void AsioConnection::onReceived(const std::uint8_t* data, std::size_t size) {
    lastActivity_ = std::chrono::steady_clock::now();
    input_.insert(input_.end(), data, data + size);
    const auto used = protocol_->consume(input_);
    input_.erase(input_.begin(), input_.begin() + static_cast<std::ptrdiff_t>(used));
    if (protocol_->closing()) {
        return;  // the close completes once pending writes are out
    }
    if (readingPaused_) {
        readParked_ = true;
        return;
    }
    readSome();
}

void AsioConnection::pauseReading() {
    if (readingPaused_) {
        return;
    }
    readingPaused_ = true;
    // Never longer than this: a subscriber that stops acknowledging must not hold a
    // publisher forever.
    resumeTimer_.expires_after(std::chrono::seconds(1));
    resumeTimer_.async_wait([self = shared_from_this()](const boost::system::error_code& error) {
        if (!error) {
            self->resumeReading();
        }
    });
}

void AsioConnection::resumeReading() {
    boost::asio::post(strand_, [self = shared_from_this()] {
        if (!self->readingPaused_) {
            return;
        }
        self->readingPaused_ = false;
        self->resumeTimer_.cancel();
        if (self->readParked_ && !self->finished_) {
            self->readParked_ = false;
            // Bytes that arrived with the pausing read may hold whole packets already.
            self->onReceived(nullptr, 0);
        }
    });
}

bool AsioConnection::write(const Fill& fill) {
    std::lock_guard lock(outputMutex_);
    if (closed_ || closeRequested_) {
        return false;
    }
    fill(pending_);
    if (!writeInProgress_ && !pending_.empty()) {
        writeInProgress_ = true;
        boost::asio::post(strand_, [self = shared_from_this()] { self->startWriteOnStrand(); });
    }
    return true;
}

bool AsioConnection::writeLate(Fill fill) {
    std::lock_guard lock(outputMutex_);
    if (closed_ || closeRequested_) {
        return false;
    }
    lateFills_.push_back(std::move(fill));
    if (!writeInProgress_) {
        writeInProgress_ = true;
        boost::asio::post(strand_, [self = shared_from_this()] { self->startWriteOnStrand(); });
    }
    return true;
}

std::size_t AsioConnection::pendingBytes() const {
    std::lock_guard lock(outputMutex_);
    return pending_.size() + writing_.size();
}

void AsioConnection::startWriteOnStrand() {
    {
        std::lock_guard lock(outputMutex_);
        if (closed_) {
            return;
        }
        for (auto& fill : lateFills_) {
            fill(pending_);
        }
        lateFills_.clear();
        writing_.clear();
        writing_.swap(pending_);
        if (writing_.empty()) {
            writeInProgress_ = false;
            if (closeRequested_) {
                boost::asio::post(strand_, [self = shared_from_this()] { self->finish(); });
            }
            return;
        }
    }
    writeBytes(writing_);
}

void AsioConnection::onWritten(bool ok) {
    if (!ok) {
        finish();
        return;
    }
    startWriteOnStrand();
    if (protocol_) {
        protocol_->onOutputWritten();
    }
}

void AsioConnection::closeAfterWrites() {
    std::lock_guard lock(outputMutex_);
    if (closeRequested_ || closed_) {
        return;
    }
    closeRequested_ = true;
    if (!writeInProgress_) {
        boost::asio::post(strand_, [self = shared_from_this()] { self->finish(); });
    }
}

void AsioConnection::abort() {
    boost::asio::post(strand_, [self = shared_from_this()] { self->finish(); });
}

void AsioConnection::setIdleTimeout(std::chrono::milliseconds timeout) {
    idleTimeout_ = timeout;
    lastActivity_ = std::chrono::steady_clock::now();
    idleTimer_.cancel();
    if (timeout.count() > 0) {
        armIdleTimer();
    }
}

void AsioConnection::armIdleTimer() {
    idleTimer_.expires_at(lastActivity_ + idleTimeout_);
    idleTimer_.async_wait([self = shared_from_this(),
                           timeout = idleTimeout_](const boost::system::error_code& error) {
        if (error || self->finished_ || timeout != self->idleTimeout_) {
            return;
        }
        if (std::chrono::steady_clock::now() - self->lastActivity_ >= self->idleTimeout_) {
            const bool keep = self->protocol_->onIdleTimeout();
            if (!keep && !self->protocol_->closing()) {
                self->finish();
            }
            return;
        }
        self->armIdleTimer();
    });
}

void AsioConnection::finish() {
    if (finished_) {
        return;
    }
    finished_ = true;
    {
        std::lock_guard lock(outputMutex_);
        closed_ = true;
        pending_.clear();
    }
    idleTimer_.cancel();
    resumeTimer_.cancel();
    closeTransport();
    if (protocol_) {
        protocol_->onClosed();
    }
}

}  // namespace sbx::broker
