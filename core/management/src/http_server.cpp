#include "sbx/management/http_server.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <future>
#include <thread>
#include <vector>

#include "api_handler.h"
#include "event_hub.h"
#include "http_session.h"
#include "live_tails.h"

namespace sbx::management {

namespace asio = boost::asio;
using asio::ip::tcp;

struct HttpServer::Impl {
    Impl(observe::BrokerSource& source, HttpServerOptions opts)
        : options(std::move(opts)),
          workers(std::max(1U, options.workerThreads)),
          acceptor(io),
          hub(source, io, workers, options.snapshotInterval),
          live(source, workers),
          handler(source,
                  [this] {
                      return ManagementCounters{hub.clients(), hub.dropped(), live.clients(),
                                                live.lost()};
                  }),
          settings{handler,
                   hub,
                   live,
                   workers,
                   options.maxBodyBytes,
                   options.maxQueuedEventBytes,
                   options.idleTimeout} {}

    Status listen() {
        boost::system::error_code error;
        const auto address = asio::ip::make_address(options.bindAddress, error);
        if (error) {
            return Error{ErrorCode::InvalidArgument,
                         "'" + options.bindAddress + "' is not an IP address"};
        }
        const tcp::endpoint endpoint(address, options.port);
        acceptor.open(endpoint.protocol(), error);
        if (!error) {
            acceptor.set_option(tcp::acceptor::reuse_address(true), error);
        }
        if (!error) {
            acceptor.bind(endpoint, error);
        }
        if (!error) {
            acceptor.listen(asio::socket_base::max_listen_connections, error);
        }
        if (error) {
            return Error{ErrorCode::IoError, "cannot listen on " + options.bindAddress + ":" +
                                                 std::to_string(options.port) + ": " +
                                                 error.message()};
        }
        boundAddress = acceptor.local_endpoint().address().to_string();
        boundPort = acceptor.local_endpoint().port();
        return {};
    }

    void accept() {
        acceptor.async_accept(asio::make_strand(io), [this](const boost::system::error_code& error,
                                                            tcp::socket socket) {
            if (error == asio::error::operation_aborted || !acceptor.is_open()) {
                return;
            }
            if (!error) {
                serveConnection(std::move(socket), settings);
            }
            accept();
        });
    }

    void run() {
        hub.start();
        accept();
        for (unsigned i = 0; i < std::max(1U, options.ioThreads); ++i) {
            threads.emplace_back([this] { io.run(); });
        }
    }

    void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        std::promise<void> closed;
        asio::dispatch(io, [this, &closed] {
            boost::system::error_code ignored;
            acceptor.close(ignored);
            closed.set_value();
        });
        closed.get_future().wait();
        hub.stop();
        live.stop();
        // Source calls in flight finish before the source may go away.
        workers.join();
        io.stop();
        for (auto& thread : threads) {
            thread.join();
        }
    }

    HttpServerOptions options;
    asio::io_context io;
    asio::thread_pool workers;
    tcp::acceptor acceptor;
    EventHub hub;
    LiveTails live;
    ApiHandler handler;
    SessionSettings settings;
    std::vector<std::thread> threads;
    std::string boundAddress;
    std::uint16_t boundPort = 0;
    bool stopped = false;
};

Result<std::unique_ptr<HttpServer>> HttpServer::start(observe::BrokerSource& source,
                                                      HttpServerOptions options) {
    auto impl = std::make_unique<Impl>(source, std::move(options));
    if (auto status = impl->listen(); !status) {
        return status.error();
    }
    impl->run();
    return std::unique_ptr<HttpServer>(new HttpServer(std::move(impl)));
}

HttpServer::HttpServer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

HttpServer::~HttpServer() {
    stop();
}

void HttpServer::stop() {
    impl_->stop();
}

const std::string& HttpServer::address() const {
    return impl_->boundAddress;
}

std::uint16_t HttpServer::port() const {
    return impl_->boundPort;
}

std::uint64_t HttpServer::droppedEventBatches() const {
    return impl_->hub.dropped();
}

std::uint64_t HttpServer::eventClients() const {
    return impl_->hub.clients();
}

}  // namespace sbx::management
