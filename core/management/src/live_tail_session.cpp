#include "live_tail_session.h"

#include <atomic>
#include <boost/asio/post.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/websocket.hpp>
#include <vector>

#include "api_error.h"
#include "live_tails.h"
#include "sbx/management/json_mapping.h"

namespace sbx::management {

namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;

namespace {

std::uint64_t nextSessionId() {
    static std::atomic<std::uint64_t> next{1};
    return next.fetch_add(1);
}

std::string frameOf(const std::string& messages, std::uint64_t lost) {
    std::string frame = R"({"type":"messages","lost":)";
    frame += std::to_string(lost);
    frame += R"(,"messages":)";
    frame += messages;
    frame += '}';
    return frame;
}

}  // namespace

LiveTailSession::LiveTailSession(beast::tcp_stream stream, LiveTails& tails,
                                 std::size_t maxQueuedBytes)
    : ws_(std::move(stream)),
      tails_(tails),
      maxQueuedBytes_(maxQueuedBytes),
      id_(nextSessionId()) {}

void LiveTailSession::start(http::request<http::string_body> request, observe::MessageWatch watch) {
    request_ = std::move(request);
    tails_.open(shared_from_this(), std::move(watch));
}

void LiveTailSession::watched(Status status) {
    boost::asio::post(ws_.get_executor(), [self = shared_from_this(), status = std::move(status)] {
        if (status) {
            self->accept();
        } else {
            self->refuse(status.error());
        }
    });
}

void LiveTailSession::accept() {
    beast::get_lowest_layer(ws_).expires_never();
    ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::server));
    ws_.set_option(websocket::stream_base::decorator(
        [](websocket::response_type& r) { r.set(http::field::server, "signalbox"); }));
    // Clients send nothing but control frames; a large message is a misbehaving client.
    ws_.read_message_max(64U * 1024U);
    ws_.async_accept(request_, [self = shared_from_this()](const beast::error_code& error) {
        if (error) {
            self->finish();
            return;
        }
        bool write = false;
        {
            std::lock_guard lock(self->mutex_);
            self->open_ = true;
            write = !self->queue_.empty() || self->lostSinceQueued_ > 0;
            self->writing_ = write;
        }
        if (write) {
            self->writeNext();
        }
        self->readLoop();
    });
}

void LiveTailSession::refuse(const Error& error) {
    const auto status = httpErrorFor(error);
    refusal_ = std::make_shared<http::response<http::string_body>>(
        static_cast<http::status>(status.status), request_.version());
    refusal_->set(http::field::server, "signalbox");
    refusal_->set(http::field::content_type, "application/json");
    refusal_->body() = errorBody(status.code, error.message);
    refusal_->keep_alive(false);
    refusal_->prepare_payload();
    beast::get_lowest_layer(ws_).expires_after(std::chrono::seconds(10));
    http::async_write(ws_.next_layer(), *refusal_,
                      [self = shared_from_this()](const beast::error_code&, std::size_t) {
                          self->closeSocket();
                          self->finish();
                      });
}

void LiveTailSession::readLoop() {
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

void LiveTailSession::enqueue(const observe::MessageBatch& batch) {
    if (batch.messages.empty() && batch.lost == 0) {
        return;
    }
    std::vector<std::string> rendered;
    rendered.reserve(batch.messages.size());
    for (const auto& message : batch.messages) {
        rendered.push_back(dumpJson(Json(message)));
    }
    std::lock_guard lock(mutex_);
    if (finished_ || closing_) {
        return;
    }
    // The oldest messages that fit the budget are kept, message by message (a batch can
    // be larger than the whole budget); an empty queue always takes one message, however
    // large, so big messages still flow.
    std::string messages = "[";
    std::size_t kept = 0;
    for (const auto& text : rendered) {
        const bool fits = queuedBytes_ + messages.size() + text.size() + 2 <= maxQueuedBytes_;
        if (!fits && !(queuedBytes_ == 0 && kept == 0)) {
            break;
        }
        if (kept > 0) {
            messages += ',';
        }
        messages += text;
        ++kept;
    }
    messages += ']';
    const std::uint64_t dropped = rendered.size() - kept;
    tails_.countLost(dropped);
    if (kept == 0) {
        lostSinceQueued_ += batch.lost + dropped;
    } else {
        queuedBytes_ += messages.size();
        queue_.push_back(Pending{std::move(messages), batch.lost + lostSinceQueued_});
        lostSinceQueued_ = dropped;  // they came after the kept ones
    }
    if (open_ && !writing_) {
        writing_ = true;
        boost::asio::post(ws_.get_executor(), [self = shared_from_this()] { self->writeNext(); });
    }
}

void LiveTailSession::writeNext() {
    {
        std::lock_guard lock(mutex_);
        if (closing_ || !open_) {
            writing_ = false;
            if (closing_ && open_) {
                ws_.async_close(
                    websocket::close_code::going_away,
                    [self = shared_from_this()](const beast::error_code&) { self->finish(); });
            }
            return;
        }
        // Drops with nothing queued after them are told in a frame of their own.
        if (queue_.empty() && lostSinceQueued_ > 0) {
            queue_.push_back(Pending{"[]", lostSinceQueued_});
            queuedBytes_ += queue_.back().messages.size();
            lostSinceQueued_ = 0;
        }
        if (queue_.empty()) {
            writing_ = false;
            return;
        }
        frame_ = frameOf(queue_.front().messages, queue_.front().lost);
        writingBytes_ = queue_.front().messages.size();
        queue_.pop_front();
        writeInFlight_ = true;
    }
    ws_.text(true);
    ws_.async_write(boost::asio::buffer(frame_), [self = shared_from_this()](
                                                     const beast::error_code& error, std::size_t) {
        bool closing = false;
        {
            std::lock_guard lock(self->mutex_);
            self->queuedBytes_ -= self->writingBytes_;
            self->writingBytes_ = 0;
            self->writeInFlight_ = false;
            closing = self->closing_;
        }
        if (error) {
            self->finish();
            return;
        }
        if (closing) {
            self->ws_.async_close(websocket::close_code::going_away,
                                  [self](const beast::error_code&) { self->finish(); });
            return;
        }
        self->writeNext();
    });
}

void LiveTailSession::close() {
    boost::asio::post(ws_.get_executor(), [self = shared_from_this()] {
        bool open = false;
        bool writing = false;
        bool stuck = false;
        {
            std::lock_guard lock(self->mutex_);
            if (self->finished_ || self->closing_) {
                return;
            }
            self->closing_ = true;
            open = self->open_;
            writing = self->writing_;
            stuck = self->writeInFlight_;
            self->queue_.clear();
            self->queuedBytes_ = self->writingBytes_;
        }
        // Not upgraded yet, or a write still in flight (a client that does not read would
        // not take a close frame either): the socket just closes.
        if (!open || stuck) {
            self->closeSocket();
            self->finish();
            return;
        }
        // A posted write closes when it runs (Beast allows one write at a time).
        if (!writing) {
            self->ws_.async_close(websocket::close_code::going_away,
                                  [self](const beast::error_code&) { self->finish(); });
        }
    });
}

void LiveTailSession::closeSocket() {
    beast::error_code ignored;
    auto& socket = beast::get_lowest_layer(ws_).socket();
    socket.shutdown(boost::asio::ip::tcp::socket::shutdown_both, ignored);
    socket.close(ignored);
}

void LiveTailSession::finish() {
    {
        std::lock_guard lock(mutex_);
        if (finished_) {
            return;
        }
        finished_ = true;
        open_ = false;
        queue_.clear();
        queuedBytes_ = 0;
        writingBytes_ = 0;
    }
    tails_.close(id_);
}

}  // namespace sbx::management
