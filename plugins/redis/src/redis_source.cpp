#include "redis_source.h"

#include <thread>

#include "live_tail.h"
#include "stream_entry.h"

namespace sbx::redis {

namespace {

Error unsupported(const std::string& what) {
    return {ErrorCode::Unsupported, what};
}

// The stream key a publish goes to: the routing key, else the exchange ("stream:" ids too).
std::string publishKey(const observe::PublishRequest& request) {
    std::string key = request.routingKey.empty() ? request.exchange : request.routingKey;
    if (key.rfind("stream:", 0) == 0) {
        key.erase(0, 7);
    }
    return key;
}

std::string argument(const std::vector<observe::Field>& arguments, std::string_view name,
                     std::string fallback) {
    for (const observe::Field& field : arguments) {
        if (field.name == name) {
            return field.value;
        }
    }
    return fallback;
}

}  // namespace

RedisSource::RedisSource(RedisSettings settings, std::unique_ptr<RespConnection> connection)
    : settings_(std::move(settings)), connection_(std::move(connection)) {}

RedisSource::~RedisSource() {
    std::map<ListenerId, std::unique_ptr<LiveTail>> tails;
    {
        std::lock_guard lock(tailsMutex_);
        tails.swap(tails_);
    }
    tails.clear();  // each stops and joins its thread
    retiredTails_.clear();
}

observe::Capabilities RedisSource::supported() {
    using observe::Capability;
    observe::Capabilities capabilities;
    for (Capability c : {Capability::Peek, Capability::Publish, Capability::Purge,
                         Capability::Delete, Capability::Declare, Capability::Redrive,
                         Capability::Streams, Capability::LiveMessages}) {
        capabilities.add(c);
    }
    return capabilities;
}

std::string RedisSource::name() const {
    return settings_.name;
}

observe::Capabilities RedisSource::capabilities() const {
    return supported();
}

Result<RespConnection*> RedisSource::connection() {
    if (connection_ && connection_->isOpen()) {
        return connection_.get();
    }
    connection_.reset();
    auto opened = RespConnection::open(settings_.endpoint);
    if (!opened) {
        return opened.error();
    }
    connection_ = std::move(opened).value();
    return connection_.get();
}

template <typename Call>
auto RedisSource::locked(Call&& call) -> decltype(call(std::declval<RespConnection&>())) {
    std::lock_guard lock(mutex_);
    auto redis = connection();
    if (!redis) {
        return redis.error();
    }
    auto result = call(*redis.value());
    if (connection_ && !connection_->isOpen()) {
        connection_.reset();  // broke during the call: the next call connects again
    }
    return result;
}

Result<observe::BrokerSnapshot> RedisSource::snapshot() {
    auto snapshot = locked([&](RespConnection& redis) { return collect(redis); });
    if (snapshot) {
        std::lock_guard lock(ratesMutex_);
        rates_.apply(snapshot.value());
    }
    return snapshot;
}

Result<std::vector<observe::ObservedMessage>> RedisSource::peek(
    const observe::PeekRequest& request) {
    auto ref = parseDestinationId(request.destinationId);
    if (!ref) {
        return ref.error();
    }
    return locked([&](RespConnection& redis) -> Result<std::vector<observe::ObservedMessage>> {
        switch (ref->kind) {
            case DestinationRef::Kind::Stream:
                return peekStream(redis, ref.value(), request);
            case DestinationRef::Kind::Group:
                return peekGroup(redis, ref.value(), request);
            case DestinationRef::Kind::DeadLetters:
                return peekDeadLetters(redis, ref.value(), request);
        }
        return std::vector<observe::ObservedMessage>{};
    });
}

Status RedisSource::publish(const observe::PublishRequest& request) {
    const std::string key = publishKey(request);
    if (key.empty()) {
        return Error{ErrorCode::InvalidArgument,
                     "name the stream to add to as the routing key (XADD needs a key)"};
    }
    return locked([&](RespConnection& redis) -> Status {
        auto added = redis.call(xaddCommand(key, request));
        if (!added) {
            return added.error();
        }
        return {};
    });
}

Status RedisSource::requireStream(RespConnection& redis, const std::string& key) {
    auto type = redis.call({"TYPE", key});
    if (!type) {
        return type.error();
    }
    if (type->text == "none") {
        return Error{ErrorCode::NotFound,
                     "Redis at " + settings_.endpoint.peer() + " has no stream '" + key + "'"};
    }
    if (type->text != "stream") {
        return Error{ErrorCode::InvalidArgument,
                     "'" + key + "' is a Redis " + type->text + ", not a stream"};
    }
    return {};
}

Result<std::uint64_t> RedisSource::purge(std::string_view destinationId) {
    auto ref = parseDestinationId(destinationId);
    if (!ref) {
        return ref.error();
    }
    return locked([&](RespConnection& redis) -> Result<std::uint64_t> {
        if (ref->kind == DestinationRef::Kind::DeadLetters) {
            return acknowledgeDeadLetters(redis, ref.value());
        }
        if (auto stream = requireStream(redis, ref->key); !stream) {
            return stream.error();
        }
        if (ref->kind == DestinationRef::Kind::Stream) {
            auto trimmed = redis.call({"XTRIM", ref->key, "MAXLEN", "0"});
            if (!trimmed) {
                return trimmed.error();
            }
            return static_cast<std::uint64_t>(trimmed->asInteger().value_or(0));
        }
        // A group's ready entries are those after its last-delivered id: skipping to the
        // end drops them for the group only (the stream keeps them for other groups).
        auto groups = redis.call({"XINFO", "GROUPS", ref->key});
        if (!groups) {
            return groups.error();
        }
        std::uint64_t skipped = 0;
        for (const RespValue& group : groups->elements) {
            const RespValue* name = group.field("name");
            const RespValue* lag = group.field("lag");
            if (name && name->asText() == ref->group && lag) {
                skipped = static_cast<std::uint64_t>(lag->asInteger().value_or(0));
            }
        }
        auto moved = redis.call({"XGROUP", "SETID", ref->key, ref->group, "$"});
        if (!moved) {
            return moved.error();
        }
        return skipped;
    });
}

Status RedisSource::remove(std::string_view destinationId) {
    auto ref = parseDestinationId(destinationId);
    if (!ref) {
        return ref.error();
    }
    if (ref->kind == DestinationRef::Kind::DeadLetters) {
        return unsupported(
            "the dead letters of a consumer group go with the group: delete the group, or "
            "purge the dead letters to acknowledge them");
    }
    return locked([&](RespConnection& redis) -> Status {
        if (auto stream = requireStream(redis, ref->key); !stream) {
            return stream.error();
        }
        if (ref->kind == DestinationRef::Kind::Stream) {
            auto deleted = redis.call({"DEL", ref->key});
            return deleted ? Status{} : Status{deleted.error()};
        }
        auto destroyed = redis.call({"XGROUP", "DESTROY", ref->key, ref->group});
        if (!destroyed) {
            return destroyed.error();
        }
        if (destroyed->asInteger().value_or(0) == 0) {
            return Error{ErrorCode::NotFound,
                         "stream '" + ref->key + "' has no consumer group '" + ref->group + "'"};
        }
        return {};
    });
}

// A stream: created empty (XGROUP CREATE ... MKSTREAM, then the helper group goes) if it
// does not exist. A queue: a consumer group "<key>/<group>" reading from the argument
// "start" (default "$": only new entries), created with its stream if need be. Both are
// idempotent like AMQP's declare.
Status RedisSource::declare(const observe::DeclareRequest& request) {
    if (request.kind != observe::DestinationKind::Stream &&
        request.kind != observe::DestinationKind::Queue) {
        return unsupported("Redis has streams and consumer groups only");
    }
    std::string key = request.name;
    std::string group;
    if (request.kind == observe::DestinationKind::Queue) {
        const auto slash = key.rfind('/');
        if (slash == std::string::npos || slash == 0 || slash + 1 == key.size()) {
            return Error{ErrorCode::InvalidArgument,
                         "name a consumer group as <stream key>/<group name>"};
        }
        group = key.substr(slash + 1);
        key.erase(slash);
    }
    return locked([&](RespConnection& redis) -> Status {
        if (!group.empty()) {
            const std::string start = argument(request.arguments, "start", "$");
            auto created = redis.call({"XGROUP", "CREATE", key, group, start, "MKSTREAM"});
            if (!created && created.error().code != ErrorCode::AlreadyExists) {
                return created.error();
            }
            return {};
        }
        auto type = redis.call({"TYPE", key});
        if (!type) {
            return type.error();
        }
        if (type->text == "stream") {
            return {};
        }
        if (type->text != "none") {
            return Error{ErrorCode::AlreadyExists,
                         "'" + key + "' exists and is a Redis " + type->text + ", not a stream"};
        }
        const std::string helper = "signalbox-declare";
        auto replies = redis.pipeline({{"XGROUP", "CREATE", key, helper, "$", "MKSTREAM"},
                                       {"XGROUP", "DESTROY", key, helper}});
        if (!replies) {
            return replies.error();
        }
        if (replies.value()[0].isError()) {
            return redis.replyError({"XGROUP", "CREATE"}, replies.value()[0]);
        }
        return {};
    });
}

Status RedisSource::bind(const observe::BindRequest& /*request*/) {
    return unsupported("Redis streams have no bindings: publish to a stream by its key");
}

Status RedisSource::unbind(const observe::BindRequest& /*request*/) {
    return unsupported("Redis streams have no bindings");
}

Status RedisSource::disconnectClient(std::string_view /*clientId*/) {
    return unsupported(
        "consumers of a Redis consumer group are names, not connections: delete the group "
        "or let the consumer's entries become dead letters");
}

Result<observe::RedriveResult> RedisSource::redrive(const observe::RedriveRequest& request) {
    auto source = parseDestinationId(request.sourceId);
    if (!source) {
        return source.error();
    }
    if (source->kind != DestinationRef::Kind::DeadLetters) {
        return Error{ErrorCode::InvalidArgument,
                     "redrive moves the dead letters of a consumer group "
                     "(deadletters:<key>/<group>), not '" +
                         request.sourceId + "'"};
    }
    std::string targetKey = source->key;
    if (request.targetId) {
        auto target = parseDestinationId(*request.targetId);
        if (!target) {
            return target.error();
        }
        targetKey = target->key;
    }
    observe::RedriveResult result;
    const std::size_t batch = std::max<std::size_t>(1, request.batchSize);
    while (result.moved < request.maxCount) {
        const std::size_t count = static_cast<std::size_t>(
            std::min<std::uint64_t>(batch, request.maxCount - result.moved));
        auto moved = locked([&](RespConnection& redis) {
            return redriveBatch(redis, source.value(), targetKey, count);
        });
        if (!moved) {
            return moved.error();
        }
        result.moved += moved->moved;
        if (moved->handled < count) {
            break;
        }
    }
    auto left =
        locked([&](RespConnection& redis) { return countDeadLetters(redis, source.value()); });
    if (!left) {
        return left.error();
    }
    result.remaining = left.value();
    return result;
}

RedisSource::ListenerId RedisSource::watchHops(HopListener /*listener*/) {
    return 0;  // Redis tells nothing about hops; capabilities() says so
}

void RedisSource::unwatchHops(ListenerId /*id*/) {}

Result<RedisSource::ListenerId> RedisSource::watchMessages(const observe::MessageWatch& watch,
                                                           MessageListener listener) {
    if (watch.destinationId.empty()) {
        return unsupported("Redis has no topics: watch a stream (stream:<key>)");
    }
    auto ref = parseDestinationId(watch.destinationId);
    if (!ref) {
        return ref.error();
    }
    if (ref->kind == DestinationRef::Kind::DeadLetters) {
        return unsupported("entries become dead letters by waiting, not by arriving: peek them");
    }
    std::lock_guard lock(tailsMutex_);
    retiredTails_.clear();
    const ListenerId id = nextTail_++;
    tails_[id] = std::make_unique<LiveTail>(settings_.endpoint, ref->key, watch.destinationId,
                                            std::move(listener));
    return id;
}

void RedisSource::unwatchMessages(ListenerId id) {
    std::unique_ptr<LiveTail> tail;
    {
        std::lock_guard lock(tailsMutex_);
        auto found = tails_.find(id);
        if (found == tails_.end()) {
            return;
        }
        tail = std::move(found->second);
        tails_.erase(found);
        if (tail->isTailThread()) {
            // Called from the listener: the thread cannot join itself; it ends after
            // this call returns and is joined later.
            tail->requestStop();
            retiredTails_.push_back(std::move(tail));
            return;
        }
    }
    tail.reset();  // stops and joins
}

}  // namespace sbx::redis
