#include "sbx/connect/network_stream.h"

#include <atomic>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <optional>

#include "network_failure.h"

namespace sbx::connect {

namespace asio = boost::asio;
namespace ssl = boost::asio::ssl;
using tcp = asio::ip::tcp;
using boost::system::error_code;

struct NetworkStream::Impl {
    asio::io_context io{1};
    std::optional<ssl::context> tlsContext;
    std::optional<ssl::stream<tcp::socket>> tlsStream;
    tcp::socket socket{io};
    std::string peer;
    std::string buffered;
    std::atomic<bool> closed{false};
    std::atomic<bool> woken{false};

    // Runs the io_context until `done` or the timeout; on timeout the socket is closed
    // (the operation cannot be resumed halfway through a frame anyway).
    bool runUntil(const bool& done, Milliseconds timeout) {
        io.restart();
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!done) {
            const auto left = deadline - std::chrono::steady_clock::now();
            if (left <= Milliseconds::zero()) {
                break;
            }
            io.run_one_for(left);
        }
        if (done) {
            return true;
        }
        error_code ignored;
        lowest().close(ignored);
        // The cancelled handler still refers to the caller's locals: let it run now.
        const auto cancelDeadline = std::chrono::steady_clock::now() + Milliseconds(2000);
        io.restart();
        while (!done && std::chrono::steady_clock::now() < cancelDeadline) {
            io.run_one_for(Milliseconds(100));
        }
        return false;
    }

    tcp::socket& lowest() { return tlsStream ? tlsStream->next_layer() : socket; }

    template <typename Buffer, typename Handler>
    void asyncReadSome(const Buffer& buffer, Handler handler) {
        if (tlsStream) {
            tlsStream->async_read_some(buffer, handler);
        } else {
            socket.async_read_some(buffer, handler);
        }
    }
};

namespace {

Status configureTls(NetworkStream::Impl& impl, const std::string& host, const TlsSettings& tls) {
    impl.tlsContext.emplace(ssl::context::tls_client);
    auto& context = *impl.tlsContext;
    error_code ec;
    if (tls.caFile.empty()) {
        context.set_default_verify_paths(ec);
    } else {
        context.load_verify_file(tls.caFile, ec);
        if (ec) {
            return Error{ErrorCode::TlsError,
                         "cannot read the CA file '" + tls.caFile + "': " + ec.message()};
        }
    }
    if (!tls.certFile.empty()) {
        context.use_certificate_chain_file(tls.certFile, ec);
        if (ec) {
            return Error{ErrorCode::TlsError, "cannot read the client certificate '" +
                                                  tls.certFile + "': " + ec.message()};
        }
        context.use_private_key_file(tls.keyFile.empty() ? tls.certFile : tls.keyFile,
                                     ssl::context::pem, ec);
        if (ec) {
            return Error{ErrorCode::TlsError,
                         "cannot read the client key '" + tls.keyFile + "': " + ec.message()};
        }
    }
    context.set_verify_mode(tls.verifyPeer ? ssl::verify_peer : ssl::verify_none);
    impl.tlsStream.emplace(std::move(impl.socket), context);
    const std::string& name = tls.serverName.empty() ? host : tls.serverName;
    if (tls.verifyPeer) {
        impl.tlsStream->set_verify_callback(ssl::host_name_verification(name));
    }
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"  // OpenSSL's macro casts
    SSL_set_tlsext_host_name(impl.tlsStream->native_handle(), name.c_str());
#pragma GCC diagnostic pop
    return {};
}

Status resolveAndConnect(NetworkStream::Impl& impl, const std::string& host, std::uint16_t port,
                         NetworkStream::Milliseconds timeout) {
    tcp::resolver resolver(impl.io);
    bool done = false;
    error_code failure;
    tcp::resolver::results_type endpoints;
    resolver.async_resolve(host, std::to_string(port),
                           [&](const error_code& ec, tcp::resolver::results_type results) {
                               failure = ec;
                               endpoints = std::move(results);
                               done = true;
                           });
    if (!impl.runUntil(done, timeout)) {
        resolver.cancel();
        return timeoutError(impl.peer, timeout, "resolving the host name");
    }
    if (failure) {
        return resolveError(host, failure);
    }
    done = false;
    asio::async_connect(impl.socket, endpoints, [&](const error_code& ec, const tcp::endpoint&) {
        failure = ec;
        done = true;
    });
    if (!impl.runUntil(done, timeout)) {
        return timeoutError(impl.peer, timeout, "connecting");
    }
    if (failure) {
        return connectError(impl.peer, failure);
    }
    error_code ignored;
    impl.socket.set_option(tcp::no_delay(true), ignored);
    return {};
}

Status handshake(NetworkStream::Impl& impl, NetworkStream::Milliseconds timeout) {
    bool done = false;
    error_code failure;
    impl.tlsStream->async_handshake(ssl::stream_base::client, [&](const error_code& ec) {
        failure = ec;
        done = true;
    });
    if (!impl.runUntil(done, timeout)) {
        return timeoutError(impl.peer, timeout, "in the TLS handshake");
    }
    if (failure) {
        return tlsHandshakeError(impl.peer, failure);
    }
    return {};
}

}  // namespace

NetworkStream::NetworkStream(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NetworkStream::~NetworkStream() = default;

Result<std::unique_ptr<NetworkStream>> NetworkStream::connect(const std::string& host,
                                                              std::uint16_t port,
                                                              const TlsSettings& tls,
                                                              Milliseconds timeout) {
    auto impl = std::make_unique<Impl>();
    impl->peer = host + ":" + std::to_string(port);
    if (host.empty()) {
        return Error{ErrorCode::InvalidArgument, "no host name given"};
    }
    if (auto connected = resolveAndConnect(*impl, host, port, timeout); !connected) {
        return connected.error();
    }
    if (tls.enabled) {
        if (auto configured = configureTls(*impl, host, tls); !configured) {
            return configured.error();
        }
        if (auto shaken = handshake(*impl, timeout); !shaken) {
            return shaken.error();
        }
    }
    return std::unique_ptr<NetworkStream>(new NetworkStream(std::move(impl)));
}

Status NetworkStream::startTls(const TlsSettings& tls, const std::string& host,
                               Milliseconds timeout) {
    if (impl_->tlsStream) {
        return Error{ErrorCode::InvalidArgument,
                     "the connection to " + impl_->peer + " already uses TLS"};
    }
    if (!impl_->buffered.empty()) {
        return Error{ErrorCode::TlsError, impl_->peer + " sent data before the TLS handshake"};
    }
    if (auto configured = configureTls(*impl_, host, tls); !configured) {
        return configured.error();
    }
    return handshake(*impl_, timeout);
}

Status NetworkStream::write(std::string_view bytes, Milliseconds timeout) {
    if (!isOpen()) {
        return closedError(impl_->peer);
    }
    bool done = false;
    error_code failure;
    auto handler = [&](const error_code& ec, std::size_t) {
        failure = ec;
        done = true;
    };
    if (impl_->tlsStream) {
        asio::async_write(*impl_->tlsStream, asio::buffer(bytes), handler);
    } else {
        asio::async_write(impl_->socket, asio::buffer(bytes), handler);
    }
    if (!impl_->runUntil(done, timeout)) {
        impl_->closed = true;
        return timeoutError(impl_->peer, timeout, "sending");
    }
    if (failure) {
        impl_->closed = true;
        return transferError(impl_->peer, failure);
    }
    return {};
}

Result<std::size_t> NetworkStream::readSome(std::string& into, Milliseconds timeout) {
    if (!impl_->buffered.empty()) {
        into += impl_->buffered;
        const std::size_t count = impl_->buffered.size();
        impl_->buffered.clear();
        return count;
    }
    return readFromSocket(into, timeout);
}

Result<std::size_t> NetworkStream::readFromSocket(std::string& into, Milliseconds timeout) {
    if (!isOpen()) {
        return closedError(impl_->peer);
    }
    char chunk[16384];
    bool done = false;
    error_code failure;
    std::size_t received = 0;
    impl_->asyncReadSome(asio::buffer(chunk), [&](const error_code& ec, std::size_t count) {
        failure = ec;
        received = count;
        done = true;
    });
    if (!impl_->runUntil(done, timeout)) {
        // A read timeout leaves the stream closed: runUntil had to cancel the read.
        impl_->closed = true;
        return timeoutError(impl_->peer, timeout, "waiting for data");
    }
    if (failure) {
        impl_->closed = true;
        return transferError(impl_->peer, failure);
    }
    into.append(chunk, received);
    return received;
}

Result<std::string> NetworkStream::readLine(Milliseconds timeout, std::size_t maxLength) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto end = impl_->buffered.find('\n');
        if (end != std::string::npos) {
            std::string line = impl_->buffered.substr(0, end);
            impl_->buffered.erase(0, end + 1);
            if (!line.empty() && line.back() == '\r') {
                line.pop_back();
            }
            return line;
        }
        if (impl_->buffered.size() > maxLength) {
            return Error{ErrorCode::ParseError, impl_->peer + " sent a line longer than " +
                                                    std::to_string(maxLength) + " bytes"};
        }
        const auto left =
            std::chrono::duration_cast<Milliseconds>(deadline - std::chrono::steady_clock::now());
        auto read = readFromSocket(impl_->buffered, std::max(left, Milliseconds(1)));
        if (!read) {
            if (read.error().code == ErrorCode::Timeout) {
                return timeoutError(impl_->peer, timeout, "waiting for data");
            }
            return read.error();
        }
    }
}

Result<std::string> NetworkStream::readExactly(std::size_t count, Milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (impl_->buffered.size() < count) {
        const auto left =
            std::chrono::duration_cast<Milliseconds>(deadline - std::chrono::steady_clock::now());
        auto read = readFromSocket(impl_->buffered, std::max(left, Milliseconds(1)));
        if (!read) {
            if (read.error().code == ErrorCode::Timeout) {
                return timeoutError(impl_->peer, timeout, "waiting for data");
            }
            return read.error();
        }
    }
    std::string bytes = impl_->buffered.substr(0, count);
    impl_->buffered.erase(0, count);
    return bytes;
}

std::string NetworkStream::takeBuffered() {
    return std::exchange(impl_->buffered, {});
}

Result<std::size_t> NetworkStream::readAvailable(std::string& into, Milliseconds wait) {
    if (!impl_->buffered.empty()) {
        return readSome(into, wait);
    }
    if (!isOpen()) {
        return closedError(impl_->peer);
    }
    if (impl_->woken.exchange(false)) {
        return std::size_t{0};
    }
    char chunk[16384];
    bool done = false;
    error_code failure;
    std::size_t received = 0;
    impl_->asyncReadSome(asio::buffer(chunk), [&](const error_code& ec, std::size_t count) {
        failure = ec;
        received = count;
        done = true;
    });
    impl_->io.restart();
    const auto deadline = std::chrono::steady_clock::now() + wait;
    while (!done && !impl_->woken.load()) {
        const auto left = deadline - std::chrono::steady_clock::now();
        if (left <= Milliseconds::zero()) {
            break;
        }
        impl_->io.run_one_for(left);
    }
    if (!done) {
        // Cancelling (not closing) keeps the connection: the handler still refers to
        // `chunk`, so let it run with operation_aborted (or with data that just came).
        error_code ignored;
        impl_->lowest().cancel(ignored);
        impl_->io.restart();
        const auto cancelDeadline = std::chrono::steady_clock::now() + Milliseconds(2000);
        while (!done && std::chrono::steady_clock::now() < cancelDeadline) {
            impl_->io.run_one_for(Milliseconds(100));
        }
        if (!done) {
            impl_->closed = true;
            impl_->lowest().close(ignored);
            return timeoutError(impl_->peer, wait, "waiting for data");
        }
    }
    impl_->woken = false;
    if (failure && impl_->closed) {
        return closedError(impl_->peer);  // close() from another thread
    }
    if (failure == asio::error::operation_aborted) {
        return std::size_t{0};
    }
    if (failure) {
        impl_->closed = true;
        return transferError(impl_->peer, failure);
    }
    into.append(chunk, received);
    return received;
}

void NetworkStream::wake() {
    impl_->woken = true;
    // Posted, so run_one_for in the reading thread returns and sees the flag.
    asio::post(impl_->io, [] {});
}

void NetworkStream::close() {
    if (impl_->closed.exchange(true)) {
        return;
    }
    // Posted, so a thread blocked in a read runs it and its read ends at once.
    asio::post(impl_->io, [impl = impl_.get()] {
        error_code ignored;
        impl->lowest().shutdown(tcp::socket::shutdown_both, ignored);
        impl->lowest().close(ignored);
    });
}

bool NetworkStream::isOpen() const {
    return !impl_->closed && impl_->lowest().is_open();
}

const std::string& NetworkStream::peer() const {
    return impl_->peer;
}

std::string describeDuration(std::chrono::milliseconds duration) {
    if (duration.count() % 1000 == 0) {
        return std::to_string(duration.count() / 1000) + " s";
    }
    return std::to_string(duration.count()) + " ms";
}

}  // namespace sbx::connect
