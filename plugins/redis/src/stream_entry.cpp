#include "stream_entry.h"

#include <array>
#include <nlohmann/json.hpp>

#include "stream_names.h"

namespace sbx::redis {

namespace {

constexpr std::array<std::string_view, 4> kPayloadFields = {"payload", "data", "body", "message"};

std::optional<StreamEntry> parseEntry(const RespValue& value) {
    if (!value.isArray() || value.elements.size() < 2) {
        return std::nullopt;
    }
    StreamEntry entry;
    entry.id = value.elements[0].asText();
    const RespValue& fields = value.elements[1];
    for (std::size_t i = 0; i + 1 < fields.elements.size(); i += 2) {
        entry.fields.emplace_back(fields.elements[i].asText(), fields.elements[i + 1].asText());
    }
    return entry;
}

// The index of the field that carries the payload, or fields.size() when none does.
std::size_t payloadField(const StreamEntry& entry) {
    for (const std::string_view name : kPayloadFields) {
        for (std::size_t i = 0; i < entry.fields.size(); ++i) {
            if (entry.fields[i].first == name) {
                return i;
            }
        }
    }
    return entry.fields.size();
}

}  // namespace

std::vector<StreamEntry> parseEntries(const RespValue& reply) {
    std::vector<StreamEntry> entries;
    entries.reserve(reply.elements.size());
    for (const RespValue& element : reply.elements) {
        if (auto entry = parseEntry(element)) {
            entries.push_back(std::move(*entry));
        }
    }
    return entries;
}

std::vector<StreamEntry> parseXreadEntries(const RespValue& reply) {
    std::vector<StreamEntry> entries;
    for (const RespValue& stream : reply.elements) {
        if (stream.isArray() && stream.elements.size() >= 2) {
            auto some = parseEntries(stream.elements[1]);
            entries.insert(entries.end(), std::make_move_iterator(some.begin()),
                           std::make_move_iterator(some.end()));
        }
    }
    return entries;
}

observe::ObservedMessage toObservedMessage(const StreamEntry& entry, std::string_view key,
                                           std::string_view destinationId) {
    observe::ObservedMessage message;
    message.destinationId = destinationId;
    message.routingKey = key;
    const std::uint64_t millis = entryIdMillis(entry.id);
    message.position = millis;
    message.time = std::chrono::system_clock::time_point(std::chrono::milliseconds(millis));
    message.properties.push_back({"message-id", entry.id});
    const std::size_t payloadIndex = payloadField(entry);
    if (payloadIndex < entry.fields.size()) {
        message.payload = entry.fields[payloadIndex].second;
    } else {
        nlohmann::json object = nlohmann::json::object();
        for (const auto& [name, value] : entry.fields) {
            object[name] = value;
        }
        message.payload = object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    for (std::size_t i = 0; i < entry.fields.size(); ++i) {
        if (i != payloadIndex) {
            message.headers.push_back({entry.fields[i].first, entry.fields[i].second});
        }
    }
    return message;
}

RespCommand xaddCommand(std::string_view key, const observe::PublishRequest& request) {
    RespCommand command{"XADD", std::string(key), "*"};
    for (const observe::Field& header : request.headers) {
        command.push_back(header.name);
        command.push_back(header.value);
    }
    command.emplace_back("payload");
    command.push_back(request.payload);
    return command;
}

RespCommand xaddCommand(std::string_view key, const StreamEntry& entry) {
    RespCommand command{"XADD", std::string(key), "*"};
    for (const auto& [name, value] : entry.fields) {
        command.push_back(name);
        command.push_back(value);
    }
    if (entry.fields.empty()) {  // XADD needs a field; an entry always had one
        command.emplace_back("payload");
        command.emplace_back();
    }
    return command;
}

}  // namespace sbx::redis
