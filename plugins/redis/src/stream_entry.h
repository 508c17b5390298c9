#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "resp_value.h"
#include "sbx/observe/broker_commands.h"
#include "sbx/observe/observed_message.h"

namespace sbx::redis {

// One stream entry: its id and its field/value pairs in order (fields may repeat).
struct StreamEntry {
    std::string id;
    std::vector<std::pair<std::string, std::string>> fields;
};

// Entries of an XRANGE / XREVRANGE / XCLAIM reply ([id, [field, value, ...]] each); nil
// entries (deleted meanwhile) are left out.
[[nodiscard]] std::vector<StreamEntry> parseEntries(const RespValue& reply);
// Entries of an XREAD reply ([[key, entries]]) for one stream.
[[nodiscard]] std::vector<StreamEntry> parseXreadEntries(const RespValue& reply);

// An entry as the message browser shows it: its fields as headers; the payload is the
// value of the first field named payload, data, body or message (that field is then not a
// header), or else the JSON object of all fields. The entry id is property "message-id".
[[nodiscard]] observe::ObservedMessage toObservedMessage(const StreamEntry& entry,
                                                         std::string_view key,
                                                         std::string_view destinationId);

// XADD <key> * <headers...> payload <payload>: a browsed message published again comes
// back with the same fields.
[[nodiscard]] RespCommand xaddCommand(std::string_view key, const observe::PublishRequest& request);
// XADD <key> * <the entry's fields>: redrive re-adds an entry as it was.
[[nodiscard]] RespCommand xaddCommand(std::string_view key, const StreamEntry& entry);

}  // namespace sbx::redis
