// RedisSource::peekStream and peekGroup: entries read by id range, nothing consumed.
#include <algorithm>

#include "redis_source.h"
#include "stream_entry.h"

namespace sbx::redis {

namespace {

std::vector<observe::ObservedMessage> toMessages(const std::vector<StreamEntry>& entries,
                                                 const std::string& key,
                                                 const std::string& destinationId) {
    std::vector<observe::ObservedMessage> messages;
    messages.reserve(entries.size());
    for (const StreamEntry& entry : entries) {
        messages.push_back(toObservedMessage(entry, key, destinationId));
    }
    return messages;
}

}  // namespace

// "first" or nothing: from the oldest entry; "last": the newest maxCount entries, oldest
// first; "next": nothing yet (only what comes later, which watchMessages shows); an id or
// a time: from there on.
Result<std::vector<observe::ObservedMessage>> RedisSource::peekStream(
    RespConnection& redis, const DestinationRef& ref, const observe::PeekRequest& request) {
    if (auto stream = requireStream(redis, ref.key); !stream) {
        return stream.error();
    }
    const std::string count = std::to_string(std::max<std::size_t>(1, request.maxCount));
    if (request.streamOffset == "next" || request.maxCount == 0) {
        return std::vector<observe::ObservedMessage>{};
    }
    if (request.streamOffset == "last") {
        auto reply = redis.call({"XREVRANGE", ref.key, "+", "-", "COUNT", count});
        if (!reply) {
            return reply.error();
        }
        auto entries = parseEntries(reply.value());
        std::reverse(entries.begin(), entries.end());
        return toMessages(entries, ref.key, request.destinationId);
    }
    auto start = streamStartFromOffset(request.streamOffset);
    if (!start) {
        return start.error();
    }
    auto reply = redis.call({"XRANGE", ref.key, start.value(), "+", "COUNT", count});
    if (!reply) {
        return reply.error();
    }
    return toMessages(parseEntries(reply.value()), ref.key, request.destinationId);
}

// A group's ready entries: those after its last-delivered id, which the next XREADGROUP >
// would hand out.
Result<std::vector<observe::ObservedMessage>> RedisSource::peekGroup(
    RespConnection& redis, const DestinationRef& ref, const observe::PeekRequest& request) {
    auto groups = redis.call({"XINFO", "GROUPS", ref.key});
    if (!groups) {
        return groups.error();
    }
    std::string lastDelivered;
    for (const RespValue& group : groups->elements) {
        const RespValue* name = group.field("name");
        const RespValue* last = group.field("last-delivered-id");
        if (name != nullptr && last != nullptr && name->asText() == ref.group) {
            lastDelivered = last->asText();
        }
    }
    if (lastDelivered.empty()) {
        return Error{ErrorCode::NotFound,
                     "stream '" + ref.key + "' has no consumer group '" + ref.group + "'"};
    }
    if (request.maxCount == 0) {
        return std::vector<observe::ObservedMessage>{};
    }
    auto reply = redis.call(
        {"XRANGE", ref.key, "(" + lastDelivered, "+", "COUNT", std::to_string(request.maxCount)});
    if (!reply) {
        return reply.error();
    }
    return toMessages(parseEntries(reply.value()), ref.key, request.destinationId);
}

}  // namespace sbx::redis
