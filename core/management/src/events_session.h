#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>
#include <deque>
#include <memory>
#include <mutex>
#include <string>

namespace sbx::management {

class EventHub;

// One client of /api/v1/events. Messages are shared, already serialised JSON texts;
// each session queues them up to a byte budget and drops (and counts) beyond it, so a
// client that reads slowly costs a bounded amount of memory and slows nobody else.
// After a drop the client is told how many batches it missed: {"type":"dropped",...}.
class EventsSession : public std::enable_shared_from_this<EventsSession> {
public:
    using Message = std::shared_ptr<const std::string>;

    EventsSession(boost::beast::tcp_stream stream, EventHub& hub, std::size_t maxQueuedBytes,
                  bool wantsHops, bool wantsSnapshots);

    void accept(boost::beast::http::request<boost::beast::http::string_body> request);
    // Any thread. False when the message was dropped for lack of room.
    bool enqueue(const Message& message);
    // Any thread.
    void close();

    [[nodiscard]] bool wantsHops() const { return wantsHops_; }
    [[nodiscard]] bool wantsSnapshots() const { return wantsSnapshots_; }

private:
    void readLoop();
    void writeNext();
    void finish();

    boost::beast::websocket::stream<boost::beast::tcp_stream> ws_;
    EventHub& hub_;
    std::size_t maxQueuedBytes_;
    bool wantsHops_;
    bool wantsSnapshots_;
    boost::beast::flat_buffer readBuffer_;

    std::mutex mutex_;  // guards the queue: enqueue comes from source and worker threads
    std::deque<Message> queue_;
    std::size_t queuedBytes_ = 0;
    std::uint64_t droppedSinceNotice_ = 0;
    bool writing_ = false;
    bool open_ = false;
    bool finished_ = false;
};

}  // namespace sbx::management
