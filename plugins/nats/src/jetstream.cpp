#include "jetstream.h"

#include "base64.h"

namespace sbx::nats {

namespace {

ErrorCode codeFor(int status) {
    switch (status) {
        case 400:
            return ErrorCode::InvalidArgument;
        case 401:
            return ErrorCode::Unauthenticated;
        case 403:
            return ErrorCode::PermissionDenied;
        case 404:
            return ErrorCode::NotFound;
        case 409:
            return ErrorCode::AlreadyExists;
        case 503:
            return ErrorCode::Unavailable;
        default:
            return ErrorCode::Internal;
    }
}

Error jetStreamOff(const NatsConnection& connection) {
    return Error{ErrorCode::Unsupported,
                 "JetStream is not enabled on the NATS server at " + connection.settings().peer() +
                     " (start nats-server with -js), or this account has no JetStream"};
}

Result<nlohmann::json> parseReply(const NatsConnection& connection, const NatsFrame& reply,
                                  const std::string& subject) {
    if (reply.status == "503") {
        return jetStreamOff(connection);
    }
    auto json = nlohmann::json::parse(reply.payload, nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        return Error{ErrorCode::ParseError,
                     "JetStream answered " + subject + " with something that is not JSON"};
    }
    if (json.contains("error") && json["error"].is_object()) {
        const auto& error = json["error"];
        return Error{codeFor(error.value("code", 500)),
                     "JetStream refused " + subject + ": " +
                         error.value("description", std::string("unknown error"))};
    }
    return json;
}

}  // namespace

Result<nlohmann::json> jetStreamRequest(NatsConnection& connection, const std::string& subject,
                                        const nlohmann::json& body) {
    const std::string payload = body.empty() ? std::string() : body.dump();
    auto reply = connection.request(subject, {}, payload);
    if (!reply) {
        return reply.error();
    }
    return parseReply(connection, *reply, subject);
}

Result<PubAck> publishToStream(NatsConnection& connection, const std::string& subject,
                               const std::vector<observe::Field>& headers,
                               std::string_view payload) {
    auto reply = connection.request(subject, headers, payload);
    if (!reply) {
        return reply.error();
    }
    auto json = parseReply(connection, *reply, "the publish to " + subject);
    if (!json) {
        return json.error();
    }
    PubAck ack;
    ack.stream = json->value("stream", "");
    ack.sequence = json->value("seq", std::uint64_t{0});
    ack.duplicate = json->value("duplicate", false);
    if (ack.stream.empty()) {
        return Error{ErrorCode::ParseError, "the reply to the publish to " + subject +
                                                " is not a JetStream acknowledgement"};
    }
    return ack;
}

Result<std::vector<std::string>> streamsForSubject(NatsConnection& connection,
                                                   const std::string& subject) {
    if (!connection.serverInfo().jetstream) {
        return std::vector<std::string>{};
    }
    auto json = jetStreamRequest(connection, "$JS.API.STREAM.NAMES", {{"subject", subject}});
    if (!json) {
        if (json.error().code == ErrorCode::Unsupported) {
            return std::vector<std::string>{};
        }
        return json.error();
    }
    std::vector<std::string> names;
    if (json->contains("streams") && (*json)["streams"].is_array()) {
        for (const auto& name : (*json)["streams"]) {
            names.push_back(name.get<std::string>());
        }
    }
    return names;
}

Result<StoredMessage> getStoredMessage(NatsConnection& connection, const std::string& stream,
                                       std::uint64_t sequence) {
    auto json =
        jetStreamRequest(connection, "$JS.API.STREAM.MSG.GET." + stream, {{"seq", sequence}});
    if (!json) {
        return json.error();
    }
    const auto found = json->find("message");
    if (found == json->end() || !found->is_object()) {
        return Error{ErrorCode::ParseError, "JetStream's answer to the read of sequence " +
                                                std::to_string(sequence) + " of " + stream +
                                                " holds no message"};
    }
    const auto& message = *found;
    StoredMessage stored;
    stored.subject = message.value("subject", "");
    stored.sequence = message.value("seq", sequence);
    stored.time = message.value("time", "");
    stored.payload = decodeBase64(message.value("data", "")).value_or("");
    if (const auto headerBlock = decodeBase64(message.value("hdrs", ""));
        headerBlock && !headerBlock->empty()) {
        NatsFrame decoded;
        decodeHeaders(*headerBlock, decoded);
        stored.headers = std::move(decoded.headers);
    }
    return stored;
}

}  // namespace sbx::nats
