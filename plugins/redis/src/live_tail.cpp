#include "live_tail.h"

#include "stream_entry.h"

namespace sbx::redis {

namespace {

constexpr std::chrono::milliseconds kBlock{1000};
constexpr std::chrono::milliseconds kRetry{1000};
constexpr const char* kBatch = "1000";

}  // namespace

LiveTail::LiveTail(RedisEndpoint endpoint, std::string key, std::string destinationId,
                   Listener listener)
    : endpoint_(std::move(endpoint)),
      key_(std::move(key)),
      destinationId_(std::move(destinationId)),
      listener_(std::move(listener)) {
    thread_ = std::thread([this] { run(); });
}

LiveTail::~LiveTail() {
    requestStop();
    if (thread_.joinable()) {
        if (isTailThread()) {
            thread_.detach();  // never reached through RedisSource, which retires such tails
        } else {
            thread_.join();
        }
    }
}

void LiveTail::requestStop() {
    std::lock_guard lock(mutex_);
    stop_ = true;
    if (current_ != nullptr) {
        current_->close();  // ends a blocked XREAD at once
    }
    wake_.notify_all();
}

bool LiveTail::stopping() {
    std::lock_guard lock(mutex_);
    return stop_;
}

bool LiveTail::pause(std::chrono::milliseconds duration) {
    std::unique_lock lock(mutex_);
    return !wake_.wait_for(lock, duration, [&] { return stop_; });
}

void LiveTail::run() {
    std::string lastId;  // empty: not yet known
    while (!stopping()) {
        auto opened = RespConnection::open(endpoint_);
        if (!opened) {
            if (!pause(kRetry)) {
                return;
            }
            continue;
        }
        std::unique_ptr<RespConnection> redis = std::move(opened).value();
        {
            std::lock_guard lock(mutex_);
            if (stop_) {
                return;
            }
            current_ = redis.get();
        }
        const Status followed = follow(*redis, lastId);
        {
            std::lock_guard lock(mutex_);
            current_ = nullptr;
        }
        if (!followed && !pause(kRetry)) {
            return;
        }
    }
}

// Reads until the connection fails or the tail stops.
Status LiveTail::follow(RespConnection& redis, std::string& lastId) {
    if (lastId.empty()) {
        auto info = redis.call({"XINFO", "STREAM", key_});
        if (info) {
            const RespValue* last = info->field("last-generated-id");
            lastId = last ? last->asText() : "0-0";
        } else if (info.error().code == ErrorCode::NotFound) {
            lastId = "0-0";  // not there yet: everything added later is new
        } else {
            return info.error();
        }
    }
    while (!stopping()) {
        auto reply = redis.callBlocking({"XREAD", "COUNT", kBatch, "BLOCK",
                                         std::to_string(kBlock.count()), "STREAMS", key_, lastId},
                                        kBlock);
        if (!reply) {
            return reply.error();
        }
        if (reply->isNull()) {
            continue;
        }
        const auto entries = parseXreadEntries(reply.value());
        if (entries.empty()) {
            continue;
        }
        lastId = entries.back().id;
        observe::MessageBatch batch;
        batch.messages.reserve(entries.size());
        for (const StreamEntry& entry : entries) {
            batch.messages.push_back(toObservedMessage(entry, key_, destinationId_));
        }
        if (stopping()) {
            break;
        }
        listener_(batch);
    }
    return {};
}

}  // namespace sbx::redis
