#pragma once

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

#include "sbx/common/result.h"
#include "sbx/observe/broker_source.h"

namespace sbx::management {

class LiveTails;

// One client of /api/v1/messages/live: the upgrade waits until the source watches the
// destination (so an unknown one is an HTTP error, not a WebSocket that closes), then
// every batch goes out as one text frame {"type":"messages","lost":N,"messages":[...]}.
// Batches are serialised on the source's thread and queued up to a byte budget; messages
// beyond it are dropped and counted into the `lost` of the next frame, so a client that
// never reads costs bounded memory and never blocks the broker.
class LiveTailSession : public std::enable_shared_from_this<LiveTailSession> {
public:
    LiveTailSession(boost::beast::tcp_stream stream, LiveTails& tails, std::size_t maxQueuedBytes);

    [[nodiscard]] std::uint64_t id() const { return id_; }

    // On the connection's strand: asks LiveTails to watch.
    void start(boost::beast::http::request<boost::beast::http::string_body> request,
               observe::MessageWatch watch);
    // Any thread: how the watch went; upgrades, or answers the error over HTTP.
    void watched(Status status);
    // The source's thread.
    void enqueue(const observe::MessageBatch& batch);
    // Any thread: a close frame (going away), then the socket closes.
    void close();

private:
    struct Pending {
        std::string messages;  // a JSON array
        std::uint64_t lost = 0;
    };

    void accept();
    void refuse(const Error& error);
    void readLoop();
    void writeNext();
    void closeSocket();
    void finish();

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    LiveTails& tails_;
    std::size_t maxQueuedBytes_;
    std::uint64_t id_;
    boost::beast::http::request<boost::beast::http::string_body> request_;
    std::shared_ptr<boost::beast::http::response<boost::beast::http::string_body>> refusal_;
    boost::beast::flat_buffer readBuffer_;
    std::string frame_;  // the frame being written

    std::mutex mutex_;  // the queue: enqueue comes from the source's thread
    std::deque<Pending> queue_;
    std::size_t queuedBytes_ = 0;  // including the frame being written
    std::size_t writingBytes_ = 0;
    std::uint64_t lostSinceQueued_ = 0;  // dropped here, not yet told
    bool writing_ = false;               // a write is posted or in flight
    bool writeInFlight_ = false;
    bool open_ = false;
    bool closing_ = false;
    bool finished_ = false;
};

}  // namespace sbx::management
