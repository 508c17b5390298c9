#include "network_failure.h"

#include <boost/asio/error.hpp>
#include <boost/asio/ssl/error.hpp>

#include "sbx/connect/network_stream.h"

namespace sbx::connect {

namespace errc = boost::asio::error;

Error resolveError(const std::string& host, const boost::system::error_code& ec) {
    return {ErrorCode::Unavailable, "cannot resolve the host name '" + host +
                                        "' (check the spelling, or the DNS): " + ec.message()};
}

Error connectError(const std::string& peer, const boost::system::error_code& ec) {
    if (ec == errc::connection_refused) {
        return {ErrorCode::Unavailable,
                "connection refused by " + peer +
                    ": nothing listens on that port (is the broker running, is the port right?)"};
    }
    if (ec == errc::host_unreachable || ec == errc::network_unreachable) {
        return {ErrorCode::Unavailable,
                peer + " is unreachable from this machine (" + ec.message() + ")"};
    }
    if (ec == errc::timed_out) {
        return {ErrorCode::Timeout, "no answer from " + peer +
                                        " (a firewall may drop the packets, or the host is down)"};
    }
    return {ErrorCode::Unavailable, "cannot connect to " + peer + ": " + ec.message()};
}

Error tlsHandshakeError(const std::string& peer, const boost::system::error_code& ec) {
    std::string reason = ec.message();
    std::string hint;
    if (reason.find("certificate verify failed") != std::string::npos) {
        hint =
            ": the server's certificate is not signed by a trusted CA (set the CA file) "
            "or is for another host name";
    } else if (reason.find("wrong version number") != std::string::npos ||
               reason.find("packet length too long") != std::string::npos ||
               reason.find("unexpected eof") != std::string::npos ||
               reason.find("stream truncated") != std::string::npos ||
               ec == boost::asio::error::eof) {
        hint = ": the server does not speak TLS on this port (turn TLS off, or use its TLS port)";
    } else if (reason.find("alert") != std::string::npos) {
        hint = ": the server refused our TLS parameters or client certificate";
    }
    return {ErrorCode::TlsError, "TLS handshake with " + peer + " failed (" + reason + ")" + hint};
}

Error transferError(const std::string& peer, const boost::system::error_code& ec) {
    if (ec == errc::eof || ec == errc::connection_reset || ec == errc::broken_pipe ||
        ec == boost::asio::ssl::error::stream_truncated) {
        return closedError(peer);
    }
    if (ec == errc::operation_aborted || ec == errc::bad_descriptor) {
        return {ErrorCode::Unavailable, "the connection to " + peer + " was closed"};
    }
    return {ErrorCode::Unavailable, "the connection to " + peer + " failed: " + ec.message()};
}

Error timeoutError(const std::string& peer, std::chrono::milliseconds timeout,
                   const std::string& during) {
    return {ErrorCode::Timeout, "no answer from " + peer + " within " + describeDuration(timeout) +
                                    " " + during +
                                    " (the host may be down, or a firewall drops the packets)"};
}

Error closedError(const std::string& peer) {
    return {ErrorCode::Unavailable, peer + " closed the connection"};
}

}  // namespace sbx::connect
