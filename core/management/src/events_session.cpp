#include "events_session.h"

#include <boost/asio/post.hpp>
#include <boost/beast/websocket.hpp>

#include "event_hub.h"
#include "sbx/management/json_mapping.h"

namespace sbx::management {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

EventsSession::EventsSession(beast::tcp_stream stream, EventHub& hub, std::size_t maxQueuedBytes,
                             bool wantsHops, bool wantsSnapshots)
    : ws_(std::move(stream)),
      hub_(hub),
      maxQueuedBytes_(maxQueuedBytes),
      wantsHops_(wantsHops),
      wantsSnapshots_(wantsSnapshots) {}

void EventsSession::accept(http::request<http::string_body> request) {
    // Beast's own timeouts take over from the HTTP read timeout (ping on idle).
    beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& r) { r.set(http::field::server, "signalbox"); }));
    // Clients send nothing but control frames; a large message is a misbehaving client.
    ws_.read_message_max(64U * 1024U);
    ws_.async_accept(request, [self = shared_from_this()](const beast::error_code& error) {
        if (error) {
            return;
        }
        {
            std::lock_guard lock(self->mutex_);
            self->open_ = true;
        }
        self->hub_.add(self);
        self->readLoop();
    });
}

void EventsSession::readLoop() {
    ws_.async_read(readBuffer_,
                   [self = shared_from_this()](const beast::error_code& error, std::size_t) {
                       if (error) {
                           self->finish();
                           return;
                       }
                       self->readBuffer_.consume(self->readBuffer_.size());
                       self->readLoop();
                   });
}

bool EventsSession::enqueue(const Message& message) {
    std::lock_guard lock(mutex_);
    if (!open_) {
        return false;
    }
    // An empty queue always takes one message, however large, so big batches still flow.
    if (!queue_.empty() && queuedBytes_ + message->size() > maxQueuedBytes_) {
        ++droppedSinceNotice_;
        hub_.countDropped();
        return false;
    }
    queue_.push_back(message);
    queuedBytes_ += message->size();
    if (!writing_) {
        writing_ = true;
        boost::asio::post(ws_.get_executor(), [self = shared_from_this()] { self->writeNext(); });
    }
    return true;
}

void EventsSession::writeNext() {
    Message next;
    {
        std::lock_guard lock(mutex_);
        if (!open_ || (queue_.empty() && droppedSinceNotice_ == 0)) {
            writing_ = false;
            return;
        }
        // The notice goes out even when nothing follows the drops.
        if (droppedSinceNotice_ > 0) {
            auto notice = std::make_shared<const std::string>(
                dumpJson(Json{{"type", "dropped"}, {"batches", droppedSinceNotice_}}));
            droppedSinceNotice_ = 0;
            queue_.push_front(notice);
            queuedBytes_ += notice->size();
        }
        next = queue_.front();
    }
    ws_.text(true);
    ws_.async_write(boost::asio::buffer(*next),
                    [self = shared_from_this(), next](const beast::error_code& error, std::size_t) {
                        {
                            std::lock_guard lock(self->mutex_);
                            if (!self->queue_.empty()) {
                                self->queuedBytes_ -= self->queue_.front()->size();
                                self->queue_.pop_front();
                            }
                        }
                        if (error) {
                            self->finish();
                            return;
                        }
                        self->writeNext();
                    });
}

void EventsSession::close() {
    boost::asio::post(ws_.get_executor(), [self = shared_from_this()] {
        beast::error_code ignored;
        beast::get_lowest_layer(self->ws_).socket().shutdown(
            boost::asio::ip::tcp::socket::shutdown_both, ignored);
        beast::get_lowest_layer(self->ws_).socket().close(ignored);
        self->finish();
    });
}

void EventsSession::finish() {
    {
        std::lock_guard lock(mutex_);
        if (finished_) {
            return;
        }
        finished_ = true;
        open_ = false;
        queue_.clear();
        queuedBytes_ = 0;
    }
    hub_.remove(this);
}

}  // namespace sbx::management
