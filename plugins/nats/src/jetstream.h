#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "nats_connection.h"
#include "sbx/common/result.h"

namespace sbx::nats {

// A JetStream API call ($JS.API.*): JSON in, JSON out. "No responders" means JetStream
// is off; an "error" object in the reply becomes an Error (404 NotFound, 400
// InvalidArgument, 403 PermissionDenied, 503 Unavailable).
Result<nlohmann::json> jetStreamRequest(NatsConnection& connection, const std::string& subject,
                                        const nlohmann::json& body = nlohmann::json::object());

// What JetStream answers to a message published into a stream.
struct PubAck {
    std::string stream;
    std::uint64_t sequence = 0;
    bool duplicate = false;  // dropped: a message with the same Nats-Msg-Id was stored already
};
Result<PubAck> publishToStream(NatsConnection& connection, const std::string& subject,
                               const std::vector<observe::Field>& headers,
                               std::string_view payload);

// The streams whose subjects match `subject` (none when JetStream is off).
Result<std::vector<std::string>> streamsForSubject(NatsConnection& connection,
                                                   const std::string& subject);

// A stored message fetched by sequence ($JS.API.STREAM.MSG.GET).
struct StoredMessage {
    std::string subject;
    std::uint64_t sequence = 0;
    std::string payload;
    std::vector<observe::Field> headers;
    std::string time;  // RFC 3339
};
Result<StoredMessage> getStoredMessage(NatsConnection& connection, const std::string& stream,
                                       std::uint64_t sequence);

}  // namespace sbx::nats
