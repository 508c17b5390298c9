// RedisSource::collect: the snapshot, in a few pipelined round trips whatever the number
// of streams: INFO + the SCAN pages, then XINFO STREAM/GROUPS for every stream, then
// XINFO CONSUMERS and XPENDING IDLE for every group.
#include <set>
#include <sstream>

#include "redis_source.h"

namespace sbx::redis {

namespace {

using observe::Destination;
using observe::DestinationKind;

std::map<std::string, std::string> parseInfo(const std::string& text) {
    std::map<std::string, std::string> values;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        const auto colon = line.find(':');
        if (line.empty() || line[0] == '#' || colon == std::string::npos) {
            continue;
        }
        values[line.substr(0, colon)] = line.substr(colon + 1);
    }
    return values;
}

std::uint64_t toCount(const std::string& text) {
    try {
        return std::stoull(text);
    } catch (...) {
        return 0;
    }
}

std::uint64_t fieldCount(const RespValue& map, std::string_view key) {
    const RespValue* value = map.field(key);
    if (value == nullptr) {
        return 0;
    }
    const auto number = value->asInteger();
    return number && *number > 0 ? static_cast<std::uint64_t>(*number) : 0;
}

std::string fieldText(const RespValue& map, std::string_view key) {
    const RespValue* value = map.field(key);
    return value ? value->asText() : std::string();
}

// The first or last entry's id from XINFO STREAM's first-entry / last-entry.
std::string entryId(const RespValue& map, std::string_view key) {
    const RespValue* entry = map.field(key);
    if (entry == nullptr || !entry->isArray() || entry->elements.empty()) {
        return {};
    }
    return entry->elements[0].asText();
}

void addArgument(Destination& destination, std::string name, std::string value) {
    if (!value.empty()) {
        destination.arguments.push_back({std::move(name), std::move(value)});
    }
}

Destination streamDestination(const std::string& key, const RespValue& info) {
    Destination stream;
    stream.id = streamDestinationId(key);
    stream.kind = DestinationKind::Stream;
    stream.name = key;
    stream.type = "stream";
    stream.durable = true;
    stream.messagesReady = fieldCount(info, "length");
    // entries-added is Redis 7's count of every entry ever added; older servers lack it.
    stream.counters.published = fieldCount(info, "entries-added");
    addArgument(stream, "first-entry-id", entryId(info, "first-entry"));
    addArgument(stream, "last-entry-id", entryId(info, "last-entry"));
    addArgument(stream, "last-generated-id", fieldText(info, "last-generated-id"));
    addArgument(stream, "max-deleted-entry-id", fieldText(info, "max-deleted-entry-id"));
    addArgument(stream, "entries-added", fieldText(info, "entries-added"));
    addArgument(stream, "groups", fieldText(info, "groups"));
    return stream;
}

// Redis 7 reports lag, nil when it cannot tell (entries deleted in the group's range);
// then entries-added - entries-read if both are known, else the whole stream for a group
// that read nothing yet.
std::optional<std::uint64_t> groupLag(const RespValue& group, const RespValue& stream) {
    const RespValue* lag = group.field("lag");
    if (lag != nullptr) {
        if (auto value = lag->asInteger(); value && *value >= 0) {
            return static_cast<std::uint64_t>(*value);
        }
    }
    const RespValue* read = group.field("entries-read");
    const RespValue* added = stream.field("entries-added");
    if (read != nullptr && added != nullptr) {
        const auto r = read->asInteger();
        const auto a = added->asInteger();
        if (r && a && *a >= *r) {
            return static_cast<std::uint64_t>(*a - *r);
        }
    }
    if (fieldText(group, "last-delivered-id") == "0-0") {
        return fieldCount(stream, "length");
    }
    return std::nullopt;
}

Destination groupDestination(const std::string& key, const RespValue& group,
                             const RespValue& stream) {
    const std::string name = fieldText(group, "name");
    Destination destination;
    destination.id = groupDestinationId(key, name);
    destination.kind = DestinationKind::Queue;
    destination.name = name;
    destination.type = "consumer-group";
    destination.durable = true;
    destination.parentId = streamDestinationId(key);
    destination.messagesUnacked = fieldCount(group, "pending");
    destination.consumers = static_cast<std::uint32_t>(fieldCount(group, "consumers"));
    // entries-read counts what the group was handed, so delivered rates come from it.
    destination.counters.delivered = fieldCount(group, "entries-read");
    const auto lag = groupLag(group, stream);
    destination.messagesReady = lag.value_or(0);
    addArgument(destination, "last-delivered-id", fieldText(group, "last-delivered-id"));
    addArgument(destination, "entries-read", fieldText(group, "entries-read"));
    addArgument(destination, "lag", lag ? std::to_string(*lag) : std::string("unknown"));
    return destination;
}

struct GroupRef {
    std::string key;
    std::string name;
};

}  // namespace

Result<observe::BrokerSnapshot> RedisSource::collect(RespConnection& redis) {
    observe::BrokerSnapshot snapshot;
    snapshot.time = std::chrono::system_clock::now();

    // INFO and the first SCAN page in one round trip; SCAN pages follow its cursor.
    const auto scan = [&](const std::string& cursor) -> RespCommand {
        return {"SCAN", cursor,   "MATCH", settings_.streamPattern,
                "TYPE", "stream", "COUNT", "1000"};
    };
    auto first =
        redis.pipeline({{"INFO", "server"}, {"INFO", "clients"}, {"INFO", "stats"}, scan("0")});
    if (!first) {
        return first.error();
    }
    std::map<std::string, std::string> info;
    const char* const sections[] = {"INFO server", "INFO clients", "INFO stats"};
    for (std::size_t i = 0; i < 3; ++i) {
        const RespValue& reply = first.value()[i];
        if (reply.isError()) {
            return redis.replyError({"INFO", sections[i] + 5}, reply);
        }
        info.merge(parseInfo(reply.text));
    }
    std::set<std::string> keys;
    RespValue page = std::move(first.value()[3]);
    for (;;) {
        if (page.isError()) {
            return redis.replyError(scan("0"), page);
        }
        if (!page.isArray() || page.elements.size() < 2) {
            return Error{ErrorCode::ParseError, "Redis at " + redis.endpoint().peer() +
                                                    " answered SCAN with something unexpected"};
        }
        for (const RespValue& key : page.elements[1].elements) {
            if (keys.size() < settings_.maxStreams) {
                keys.insert(key.asText());
            }
        }
        const std::string cursor = page.elements[0].asText();
        if (cursor == "0" || keys.size() >= settings_.maxStreams) {
            break;
        }
        auto next = redis.call(scan(cursor));
        if (!next) {
            return next.error();
        }
        page = std::move(next).value();
    }

    auto& overview = snapshot.overview;
    overview.name = settings_.name;
    overview.product = "Redis " + info["redis_version"];
    overview.uptimeSeconds = toCount(info["uptime_in_seconds"]);
    overview.connections = toCount(info["connected_clients"]);
    overview.listeners.push_back({"redis", redis.endpoint().peer()});

    // Per stream: XINFO STREAM and XINFO GROUPS.
    const std::vector<std::string> streamKeys(keys.begin(), keys.end());
    std::vector<RespCommand> commands;
    commands.reserve(streamKeys.size() * 2);
    for (const std::string& key : streamKeys) {
        commands.push_back({"XINFO", "STREAM", key});
        commands.push_back({"XINFO", "GROUPS", key});
    }
    auto streams = redis.pipeline(commands);
    if (!streams) {
        return streams.error();
    }
    std::vector<GroupRef> groups;
    for (std::size_t i = 0; i < streamKeys.size(); ++i) {
        const RespValue& streamInfo = streams.value()[2 * i];
        const RespValue& groupInfo = streams.value()[2 * i + 1];
        if (streamInfo.isError() || groupInfo.isError()) {
            const RespValue& failed = streamInfo.isError() ? streamInfo : groupInfo;
            const Error error = redis.replyError(commands[2 * i], failed);
            if (error.code == ErrorCode::NotFound) {
                continue;  // deleted since SCAN saw it
            }
            return error;
        }
        Destination stream = streamDestination(streamKeys[i], streamInfo);
        overview.messagesReady += stream.messagesReady;
        overview.counters.published += stream.counters.published;
        std::vector<Destination> groupDestinations;
        for (const RespValue& group : groupInfo.elements) {
            Destination destination = groupDestination(streamKeys[i], group, streamInfo);
            stream.consumers += destination.consumers;
            overview.messagesUnacked += destination.messagesUnacked;
            overview.counters.delivered += destination.counters.delivered;
            groups.push_back({streamKeys[i], destination.name});
            groupDestinations.push_back(std::move(destination));
        }
        snapshot.destinations.push_back(std::move(stream));
        snapshot.destinations.insert(snapshot.destinations.end(),
                                     std::make_move_iterator(groupDestinations.begin()),
                                     std::make_move_iterator(groupDestinations.end()));
    }

    // Per group: its consumers and the entries pending longer than the idle time.
    commands.clear();
    const std::string idle = std::to_string(settings_.idle.count());
    const std::string limit = std::to_string(settings_.maxDeadLetters);
    for (const GroupRef& group : groups) {
        commands.push_back({"XINFO", "CONSUMERS", group.key, group.name});
        commands.push_back({"XPENDING", group.key, group.name, "IDLE", idle, "-", "+", limit});
    }
    auto details = redis.pipeline(commands);
    if (!details) {
        return details.error();
    }
    for (std::size_t i = 0; i < groups.size(); ++i) {
        const GroupRef& group = groups[i];
        const std::string groupId = groupDestinationId(group.key, group.name);
        const RespValue& consumers = details.value()[2 * i];
        const RespValue& pending = details.value()[2 * i + 1];
        for (const RespValue& consumer : consumers.elements) {
            observe::Client client;
            const std::string name = fieldText(consumer, "name");
            client.id = "consumer:" + group.key + "/" + group.name + "/" + name;
            client.name = name;
            client.protocol = "redis";
            client.protocolVersion = "streams";
            // A consumer is a name within a group, not a connection: its pending entries
            // (delivered, not acknowledged) are what it holds.
            client.messagesOut = fieldCount(consumer, "pending");
            observe::ClientSubscription subscription;
            subscription.destinationId = groupId;
            subscription.tag = name;
            client.subscriptions.push_back(std::move(subscription));
            snapshot.clients.push_back(std::move(client));
        }
        Destination dead;
        dead.id = deadLettersDestinationId(group.key, group.name);
        dead.kind = DestinationKind::Queue;
        dead.name = group.name + " (idle > " + connect::describeDuration(settings_.idle) + ")";
        dead.type = "idle-pending";
        dead.deadLetters = true;
        dead.parentId = streamDestinationId(group.key);
        dead.messagesReady = pending.isError() ? 0 : pending.elements.size();
        addArgument(dead, "group", group.name);
        addArgument(dead, "idle-ms", idle);
        snapshot.destinations.push_back(std::move(dead));
    }
    return snapshot;
}

}  // namespace sbx::redis
