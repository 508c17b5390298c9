// publish, purge, remove, declare and redrive.
#include <algorithm>
#include <charconv>

#include "jetstream.h"
#include "nats_source.h"

namespace sbx::nats {

namespace {

constexpr std::uint64_t kNanosPerSecond = 1000000000;

// "42" -> 42, "true" -> true, others stay text: declare arguments arrive as text.
nlohmann::json parseValue(const std::string& text) {
    std::int64_t number = 0;
    const auto [next, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
    if (!text.empty() && ec == std::errc{} && next == text.data() + text.size()) {
        return number;
    }
    if (text == "true" || text == "false") {
        return text == "true";
    }
    return text;
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    std::size_t at = 0;
    while (at <= text.size()) {
        auto end = text.find(',', at);
        if (end == std::string::npos) {
            end = text.size();
        }
        std::string item = text.substr(at, end - at);
        item.erase(0, item.find_first_not_of(' '));
        item.erase(item.find_last_not_of(' ') + 1);
        if (!item.empty()) {
            items.push_back(item);
        }
        at = end + 1;
    }
    return items;
}

// Arguments as JetStream configuration: durations ("max_age", "ack_wait",
// "duplicate_window", "inactive_threshold") in seconds, lists ("subjects") comma separated.
nlohmann::json configFrom(const std::vector<observe::Field>& arguments) {
    nlohmann::json config = nlohmann::json::object();
    for (const auto& [name, value] : arguments) {
        if (name == "subjects") {
            config[name] = splitList(value);
        } else if (name == "max_age" || name == "ack_wait" || name == "duplicate_window" ||
                   name == "inactive_threshold") {
            const nlohmann::json seconds = parseValue(value);
            if (seconds.is_number()) {
                config[name] =
                    seconds.get<std::int64_t>() * static_cast<std::int64_t>(kNanosPerSecond);
            } else {
                config[name] = seconds;
            }
        } else {
            config[name] = parseValue(value);
        }
    }
    return config;
}

std::vector<observe::Field> publishHeaders(const observe::PublishRequest& request) {
    std::vector<observe::Field> headers = request.headers;
    const bool hasId = std::any_of(headers.begin(), headers.end(),
                                   [](const auto& field) { return field.name == "Nats-Msg-Id"; });
    for (const auto& property : request.properties) {
        if (property.name == "message-id" && !hasId && !property.value.empty()) {
            headers.push_back({"Nats-Msg-Id", property.value});
        }
    }
    return headers;
}

}  // namespace

Status NatsSource::republish(NatsConnection& connection, const std::string& subject,
                             const std::vector<observe::Field>& headers, std::string_view payload) {
    auto streams = streamsForSubject(connection, subject);
    if (!streams && streams.error().code != ErrorCode::PermissionDenied) {
        return streams.error();
    }
    if (streams && !streams->empty()) {
        auto ack = publishToStream(connection, subject, headers, payload);
        if (!ack) {
            return ack.error();
        }
        if (ack->duplicate) {
            return Error{ErrorCode::AlreadyExists,
                         "JetStream dropped the message as a duplicate: stream " + ack->stream +
                             " already holds one with this Nats-Msg-Id (sequence " +
                             std::to_string(ack->sequence) + ")"};
        }
        return {};
    }
    if (auto sent = connection.publish(subject, {}, headers, payload); !sent) {
        return sent.error();
    }
    return connection.flush();  // a permissions violation arrives before the PONG
}

Status NatsSource::publish(const observe::PublishRequest& request) {
    std::string subject = request.routingKey.empty() ? request.exchange : request.routingKey;
    if (subject.starts_with("topic:")) {
        subject.erase(0, 6);
    }
    if (!isValidSubject(subject)) {
        return Error{ErrorCode::InvalidArgument,
                     "'" + subject + "' is not a subject to publish to (no spaces, no * or >)"};
    }
    const auto headers = publishHeaders(request);
    return withConnection([&](NatsConnection& connection) {
        return republish(connection, subject, headers, request.payload);
    });
}

Result<std::uint64_t> NatsSource::purge(std::string_view destinationId) {
    const std::string id(destinationId);
    std::string stream;
    std::string consumer;
    if (id.starts_with("deadletters:") && splitPair(id.substr(12), stream, consumer)) {
        // Forgets the advisories; JetStream keeps the messages in the stream anyway.
        const auto letters = deadLetters_.list(stream, consumer);
        for (const auto& letter : letters) {
            deadLetters_.remove(stream, consumer, letter.streamSequence);
        }
        return static_cast<std::uint64_t>(letters.size());
    }
    if (!id.starts_with("stream:")) {
        return Error{ErrorCode::Unsupported, "only streams can be purged on NATS, not " + id};
    }
    stream = id.substr(7);
    return withConnection([&](NatsConnection& connection) -> Result<std::uint64_t> {
        auto reply = jetStreamRequest(connection, "$JS.API.STREAM.PURGE." + stream);
        if (!reply) {
            return reply.error();
        }
        return reply->value("purged", std::uint64_t{0});
    });
}

Status NatsSource::remove(std::string_view destinationId) {
    const std::string id(destinationId);
    std::string subject;
    std::string stream;
    std::string consumer;
    if (id.starts_with("stream:")) {
        subject = "$JS.API.STREAM.DELETE." + id.substr(7);
    } else if (id.starts_with("consumer:") && splitPair(id.substr(9), stream, consumer)) {
        subject = "$JS.API.CONSUMER.DELETE." + stream + "." + consumer;
    } else {
        return Error{ErrorCode::Unsupported, "NATS can delete streams and consumers, not " + id};
    }
    return withConnection([&](NatsConnection& connection) -> Status {
        auto reply = jetStreamRequest(connection, subject);
        if (!reply) {
            return reply.error();
        }
        return {};
    });
}

Status NatsSource::declare(const observe::DeclareRequest& request) {
    nlohmann::json config = configFrom(request.arguments);
    std::string subject;
    nlohmann::json body;
    std::string stream;
    std::string consumer;
    if (request.kind == observe::DestinationKind::Stream) {
        config["name"] = request.name;
        if (!config.contains("subjects")) {
            config["subjects"] = {request.name};
        }
        if (!config.contains("storage")) {
            config["storage"] = request.durable ? "file" : "memory";
        }
        subject = "$JS.API.STREAM.CREATE." + request.name;
        body = config;
    } else if (request.kind == observe::DestinationKind::Queue &&
               splitPair(request.name, stream, consumer)) {
        // "<stream>/<consumer>": a durable consumer (pull unless deliver_subject is given).
        config["durable_name"] = consumer;
        if (!config.contains("ack_policy")) {
            config["ack_policy"] = "explicit";
        }
        subject = "$JS.API.CONSUMER.DURABLE.CREATE." + stream + "." + consumer;
        body = {{"stream_name", stream}, {"config", config}};
    } else {
        return Error{ErrorCode::Unsupported,
                     "NATS declares streams, and consumers named <stream>/<consumer>"};
    }
    return withConnection([&](NatsConnection& connection) -> Status {
        auto reply = jetStreamRequest(connection, subject, body);
        if (!reply) {
            return reply.error();
        }
        return {};
    });
}

Result<observe::RedriveResult> NatsSource::redrive(const observe::RedriveRequest& request) {
    std::string stream;
    std::string consumer;
    if (!request.sourceId.starts_with("deadletters:") ||
        !splitPair(request.sourceId.substr(12), stream, consumer)) {
        return Error{ErrorCode::Unsupported,
                     "NATS redrives the messages of a dead-letter view "
                     "(deadletters:<stream>/<consumer>), not " +
                         request.sourceId};
    }
    std::string target;
    if (request.targetId) {
        if (!request.targetId->starts_with("topic:")) {
            return Error{
                ErrorCode::InvalidArgument,
                "a NATS redrive goes to a subject (topic:<subject>), not " + *request.targetId};
        }
        target = request.targetId->substr(6);
    }
    const auto letters = deadLetters_.list(stream, consumer);
    auto moved = withConnection([&](NatsConnection& connection) -> Result<std::uint64_t> {
        std::uint64_t count = 0;
        for (const auto& letter : letters) {
            if (count >= request.maxCount) {
                break;
            }
            auto stored = getStoredMessage(connection, stream, letter.streamSequence);
            if (!stored) {
                if (stored.error().code != ErrorCode::NotFound) {
                    return stored.error();
                }
                // Gone from the stream: nothing left to redrive.
                deadLetters_.remove(stream, consumer, letter.streamSequence);
                continue;
            }
            // A kept Nats-Msg-Id would make JetStream drop the copy as a duplicate.
            std::erase_if(stored->headers,
                          [](const auto& field) { return field.name == "Nats-Msg-Id"; });
            const std::string subject = target.empty() ? stored->subject : target;
            if (auto sent = republish(connection, subject, stored->headers, stored->payload);
                !sent) {
                return sent.error();
            }
            deadLetters_.remove(stream, consumer, letter.streamSequence);
            ++count;
        }
        return count;
    });
    if (!moved) {
        return moved.error();
    }
    observe::RedriveResult result;
    result.moved = *moved;
    result.remaining = deadLetters_.list(stream, consumer).size();
    return result;
}

}  // namespace sbx::nats
