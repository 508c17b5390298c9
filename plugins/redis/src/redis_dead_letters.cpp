// Dead letters of a consumer group: entries pending (delivered, never acknowledged) for
// longer than idle_ms, i.e. their consumer died or gave up. Peek shows them with a
// DeathRecord; redrive claims each, adds its fields to the stream again (a new id, so
// the group delivers it anew) and acknowledges the old id.
#include "redis_source.h"
#include "stream_entry.h"

namespace sbx::redis {

namespace {

// The consumer that owns entries while they are being redriven.
constexpr const char* kRedriveConsumer = "signalbox-redrive";

struct PendingEntry {
    std::string id;
    std::string consumer;
    std::uint64_t idleMs = 0;
    std::uint64_t deliveries = 0;
};

std::vector<PendingEntry> parsePending(const RespValue& reply) {
    std::vector<PendingEntry> pending;
    for (const RespValue& row : reply.elements) {
        if (row.elements.size() < 4) {
            continue;
        }
        pending.push_back({row.elements[0].asText(), row.elements[1].asText(),
                           static_cast<std::uint64_t>(row.elements[2].asInteger().value_or(0)),
                           static_cast<std::uint64_t>(row.elements[3].asInteger().value_or(0))});
    }
    return pending;
}

}  // namespace

namespace {

Result<std::vector<PendingEntry>> idlePending(RespConnection& redis, const DestinationRef& ref,
                                              std::chrono::milliseconds idle, std::size_t count) {
    auto reply = redis.call({"XPENDING", ref.key, ref.group, "IDLE", std::to_string(idle.count()),
                             "-", "+", std::to_string(count)});
    if (!reply) {
        return reply.error();
    }
    return parsePending(reply.value());
}

}  // namespace

Result<std::uint64_t> RedisSource::countDeadLetters(RespConnection& redis,
                                                    const DestinationRef& ref) {
    auto pending = idlePending(redis, ref, settings_.idle, settings_.maxDeadLetters);
    if (!pending) {
        return pending.error();
    }
    return pending->size();
}

Result<std::vector<observe::ObservedMessage>> RedisSource::peekDeadLetters(
    RespConnection& redis, const DestinationRef& ref, const observe::PeekRequest& request) {
    auto pending =
        idlePending(redis, ref, settings_.idle, std::max<std::size_t>(1, request.maxCount));
    if (!pending) {
        return pending.error();
    }
    std::vector<RespCommand> commands;
    for (const PendingEntry& entry : pending.value()) {
        commands.push_back({"XRANGE", ref.key, entry.id, entry.id});
    }
    auto ranges = redis.pipeline(commands);
    if (!ranges) {
        return ranges.error();
    }
    const auto now = std::chrono::system_clock::now();
    std::vector<observe::ObservedMessage> messages;
    for (std::size_t i = 0; i < pending->size() && messages.size() < request.maxCount; ++i) {
        const PendingEntry& entry = pending.value()[i];
        if (ranges.value()[i].isError()) {
            return redis.replyError(commands[i], ranges.value()[i]);
        }
        auto entries = parseEntries(ranges.value()[i]);
        if (entries.empty()) {
            continue;  // deleted from the stream (XDEL, trimming) while still pending
        }
        observe::ObservedMessage message =
            toObservedMessage(entries.front(), ref.key, request.destinationId);
        message.redelivered = entry.deliveries > 1;
        message.properties.push_back({"consumer", entry.consumer});
        message.properties.push_back({"delivery-count", std::to_string(entry.deliveries)});
        message.properties.push_back({"idle-ms", std::to_string(entry.idleMs)});
        observe::DeathRecord death;
        death.queue = ref.group;
        death.reason = "idle_pending";
        death.count = entry.deliveries;
        death.time = now - std::chrono::milliseconds(entry.idleMs);
        death.routingKeys = {ref.key};
        message.deaths.push_back(std::move(death));
        messages.push_back(std::move(message));
    }
    return messages;
}

// One batch, in the order that loses nothing: XCLAIM (only entries still idle, so an
// entry a live consumer just took is left alone, and the claim resets the idle time so a
// second redrive does not take it too), then per entry XADD + XACK in one MULTI/EXEC.
// A failure after the claim leaves the entry pending under signalbox-redrive, where it
// becomes a dead letter again after idle_ms: at least once, never lost.
Result<RedisSource::RedriveBatch> RedisSource::redriveBatch(RespConnection& redis,
                                                            const DestinationRef& source,
                                                            const std::string& targetKey,
                                                            std::size_t count) {
    auto pending = idlePending(redis, source, settings_.idle, count);
    if (!pending) {
        return pending.error();
    }
    if (pending->empty()) {
        return RedriveBatch{};
    }
    RespCommand claim{"XCLAIM", source.key, source.group, kRedriveConsumer,
                      std::to_string(settings_.idle.count())};
    for (const PendingEntry& entry : pending.value()) {
        claim.push_back(entry.id);
    }
    auto claimed = redis.call(claim);
    if (!claimed) {
        return claimed.error();
    }
    const auto entries = parseEntries(claimed.value());
    std::vector<RespCommand> commands;
    commands.reserve(entries.size() * 4);
    for (const StreamEntry& entry : entries) {
        commands.push_back({"MULTI"});
        commands.push_back(xaddCommand(targetKey, entry));
        commands.push_back({"XACK", source.key, source.group, entry.id});
        commands.push_back({"EXEC"});
    }
    auto replies = redis.pipeline(commands);
    if (!replies) {
        return replies.error();
    }
    std::uint64_t moved = 0;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const RespValue& exec = replies.value()[4 * i + 3];
        if (exec.isError() || !exec.isArray() || exec.elements.size() != 2) {
            const RespValue& failed =
                replies.value()[4 * i + 1].isError() ? replies.value()[4 * i + 1] : exec;
            return redis.replyError(commands[4 * i + 1], failed);
        }
        if (exec.elements[0].isError()) {
            return redis.replyError(commands[4 * i + 1], exec.elements[0]);
        }
        ++moved;
    }
    // The helper consumer goes when it holds nothing (it may, after a failure above).
    auto left = redis.call({"XPENDING", source.key, source.group, "-", "+", "1", kRedriveConsumer});
    if (left && left->elements.empty()) {
        (void)redis.call({"XGROUP", "DELCONSUMER", source.key, source.group, kRedriveConsumer});
    }
    // Entries deleted from the stream were dropped from the pending list by XCLAIM, and
    // entries a consumer took meanwhile are no longer dead: both count as handled.
    return RedriveBatch{pending->size(), moved};
}

// Purging dead letters acknowledges them: the group forgets them, the stream keeps them.
Result<std::uint64_t> RedisSource::acknowledgeDeadLetters(RespConnection& redis,
                                                          const DestinationRef& ref) {
    std::uint64_t acknowledged = 0;
    for (;;) {
        auto pending = idlePending(redis, ref, settings_.idle, 1000);
        if (!pending) {
            return pending.error();
        }
        if (pending->empty()) {
            return acknowledged;
        }
        RespCommand ack{"XACK", ref.key, ref.group};
        for (const PendingEntry& entry : pending.value()) {
            ack.push_back(entry.id);
        }
        auto done = redis.call(ack);
        if (!done) {
            return done.error();
        }
        acknowledged += static_cast<std::uint64_t>(done->asInteger().value_or(0));
        if (done->asInteger().value_or(0) == 0) {
            return acknowledged;
        }
    }
}

}  // namespace sbx::redis
