// peek: streams through a short-lived ephemeral consumer (durable consumers are not
// touched), JetStream consumers from their ack floor, dead letters by stream sequence.
#include <charconv>

#include "jetstream.h"
#include "monitor_mapping.h"
#include "nats_source.h"
#include "nats_time.h"

namespace sbx::nats {

namespace {

using observe::ObservedMessage;
using Messages = std::vector<ObservedMessage>;

// Where an ephemeral consumer starts: deliver_policy and its option.
struct StartAt {
    std::string policy = "all";
    std::uint64_t sequence = 0;
    std::string time;  // RFC 3339
};

std::optional<std::uint64_t> toNumber(std::string_view text) {
    std::uint64_t value = 0;
    const auto [next, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc{} || next != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

// "first", "last", "next", a sequence number, epoch milliseconds (13 digits and more) or
// an RFC 3339 time.
Result<StartAt> parseOffset(const std::string& offset, std::uint64_t lastSequence,
                            std::size_t maxCount) {
    StartAt start;
    if (offset.empty() || offset == "first") {
        return start;
    }
    if (offset == "next") {
        start.policy = "new";
        return start;
    }
    if (offset == "last") {
        // The newest maxCount messages, oldest first.
        start.policy = "by_start_sequence";
        start.sequence = lastSequence >= maxCount ? lastSequence - maxCount + 1 : 1;
        return start;
    }
    if (const auto number = toNumber(offset)) {
        if (*number >= 1000000000000ULL) {
            start.policy = "by_start_time";
            start.time = formatRfc3339(TimePoint(std::chrono::milliseconds(*number)));
        } else {
            start.policy = "by_start_sequence";
            start.sequence = std::max<std::uint64_t>(*number, 1);
        }
        return start;
    }
    if (const auto time = parseRfc3339(offset)) {
        start.policy = "by_start_time";
        start.time = formatRfc3339(*time);
        return start;
    }
    return Error{ErrorCode::InvalidArgument,
                 "'" + offset +
                     "' is no place in a stream: use first, last, next, a "
                     "sequence number or a time (2024-05-01T12:00:00Z)"};
}

// $JS.ACK.<stream>.<consumer>.<delivered>.<stream seq>.<consumer seq>.<nanos>.<pending>
// (2.10 adds a domain and an account hash in front and a token at the end).
struct AckInfo {
    std::uint64_t streamSequence = 0;
    std::uint64_t timeNanos = 0;
    std::uint64_t pending = 0;
    bool valid = false;
};

AckInfo parseAckSubject(std::string_view subject) {
    std::vector<std::string_view> tokens;
    while (!subject.empty()) {
        const auto dot = subject.find('.');
        tokens.push_back(subject.substr(0, dot));
        subject = dot == std::string_view::npos ? std::string_view{} : subject.substr(dot + 1);
    }
    std::size_t first = 0;
    if (tokens.size() == 9) {
        first = 5;
    } else if (tokens.size() >= 12) {
        first = 7;
    } else {
        return {};
    }
    AckInfo info;
    info.streamSequence = toNumber(tokens[first]).value_or(0);
    info.timeNanos = toNumber(tokens[first + 2]).value_or(0);
    info.pending = toNumber(tokens[first + 3]).value_or(0);
    info.valid = true;
    return info;
}

nlohmann::json consumerConfig(const std::string& deliverSubject, const StartAt& start,
                              const std::string& filter, std::size_t maxCount) {
    constexpr std::uint64_t kSecond = 1000000000;
    nlohmann::json config = {
        {"deliver_subject", deliverSubject},
        {"deliver_policy", start.policy},
        // Explicit acks only to bound what is sent: at most maxCount unacknowledged.
        {"ack_policy", "explicit"},
        {"max_ack_pending", std::max<std::size_t>(maxCount, 1)},
        {"ack_wait", 60 * kSecond},
        {"replay_policy", "instant"},
        {"mem_storage", true},
        {"inactive_threshold", 10 * kSecond},
    };
    if (start.policy == "by_start_sequence") {
        config["opt_start_seq"] = start.sequence;
    } else if (start.policy == "by_start_time") {
        config["opt_start_time"] = start.time;
    }
    if (!filter.empty()) {
        config["filter_subject"] = filter;
    }
    return config;
}

// Reads a stream through an ephemeral push consumer that is deleted afterwards.
Result<Messages> readStream(NatsConnection& connection, const std::string& stream,
                            const StartAt& start, const std::string& filter, std::size_t maxCount,
                            const std::string& destinationId) {
    Messages messages;
    if (maxCount == 0) {
        return messages;
    }
    auto inbox = connection.newInbox();
    auto createReply = connection.newInbox();
    if (!inbox || !createReply) {
        return (inbox ? createReply : inbox).error();
    }
    // Delivered messages keep their own subject; their subscription id tells them apart.
    // Outside _INBOX.<token>.* so that subscription does not get them twice.
    const std::string deliver = "_PEEK" + inbox->substr(6);
    const std::string sid = "peek";
    if (auto subscribed = connection.subscribe(deliver, sid); !subscribed) {
        return subscribed.error();
    }
    const nlohmann::json body = {{"stream_name", stream},
                                 {"config", consumerConfig(deliver, start, filter, maxCount)}};
    if (auto sent =
            connection.publish("$JS.API.CONSUMER.CREATE." + stream, *createReply, {}, body.dump());
        !sent) {
        return sent.error();
    }
    std::string consumer;
    bool created = false;  // its reply may come after the messages: wait for it to delete
    bool done = false;
    while (!done || !created) {
        auto frame = connection.nextMessage(connection.settings().timeout);
        if (!frame) {
            return frame.error();
        }
        if (frame->subject == *createReply) {
            auto info = nlohmann::json::parse(frame->payload, nullptr, false);
            if (frame->status == "503") {
                return Error{ErrorCode::Unsupported,
                             "JetStream is not enabled on " + connection.settings().peer()};
            }
            if (info.is_discarded() || info.contains("error")) {
                const std::string why =
                    info.is_discarded() ? "no JSON" : info["error"].value("description", "error");
                return Error{info.is_discarded() || info["error"].value("code", 0) != 404
                                 ? ErrorCode::Internal
                                 : ErrorCode::NotFound,
                             "cannot read stream " + stream + ": " + why};
            }
            consumer = info.value("name", "");
            created = true;
            done = done || (info.value("num_pending", std::uint64_t{0}) == 0 && messages.empty());
        } else if (frame->sid == sid && frame->status.empty()) {
            const AckInfo ack = parseAckSubject(frame->replyTo);
            ObservedMessage message = toObserved(*frame, destinationId);
            message.position = ack.streamSequence;
            message.time = TimePoint(std::chrono::duration_cast<TimePoint::duration>(
                std::chrono::nanoseconds(ack.timeNanos)));
            message.properties.push_back({"sequence", std::to_string(ack.streamSequence)});
            message.properties.push_back({"timestamp", formatRfc3339(message.time)});
            if (messages.size() < maxCount) {
                messages.push_back(std::move(message));
            }
            done = messages.size() >= maxCount || (ack.valid && ack.pending == 0);
        }
    }
    (void)connection.unsubscribe(sid);
    if (!consumer.empty()) {
        (void)jetStreamRequest(connection, "$JS.API.CONSUMER.DELETE." + stream + "." + consumer);
    }
    return messages;
}

}  // namespace

ObservedMessage toObserved(const NatsFrame& frame, const std::string& destinationId) {
    ObservedMessage message;
    message.destinationId = destinationId;
    message.routingKey = frame.subject;
    message.payload = frame.payload;
    message.headers = frame.headers;
    message.time = std::chrono::system_clock::now();
    message.properties.push_back({"subject", frame.subject});
    if (const std::string id = frame.header("Nats-Msg-Id"); !id.empty()) {
        message.properties.push_back({"message-id", id});
    }
    if (!frame.replyTo.empty() && !frame.replyTo.starts_with("$JS.ACK.")) {
        message.properties.push_back({"reply-to", frame.replyTo});
    }
    return message;
}

Result<Messages> NatsSource::peekDeadLetters(const std::string& stream, const std::string& consumer,
                                             std::size_t maxCount) {
    const auto letters = deadLetters_.list(stream, consumer);
    return withConnection([&](NatsConnection& connection) -> Result<Messages> {
        Messages messages;
        for (const auto& letter : letters) {
            if (messages.size() >= maxCount) {
                break;
            }
            auto stored = getStoredMessage(connection, stream, letter.streamSequence);
            if (!stored) {
                if (stored.error().code == ErrorCode::NotFound) {
                    continue;  // gone from the stream (limits, purge): nothing to show
                }
                return stored.error();
            }
            ObservedMessage message;
            message.destinationId = deadLettersId(stream, consumer);
            message.position = stored->sequence;
            message.routingKey = stored->subject;
            message.payload = std::move(stored->payload);
            message.headers = std::move(stored->headers);
            message.time = parseRfc3339(stored->time).value_or(TimePoint{});
            message.redelivered = true;
            message.properties.push_back({"subject", stored->subject});
            message.properties.push_back({"sequence", std::to_string(stored->sequence)});
            message.properties.push_back({"timestamp", stored->time});
            observe::DeathRecord death;
            death.queue = consumer;
            death.reason = "max_deliveries";
            death.count = letter.deliveries;
            death.time = letter.time;
            death.exchange = stream;
            death.routingKeys = {stored->subject};
            message.deaths.push_back(std::move(death));
            messages.push_back(std::move(message));
        }
        return messages;
    });
}

Result<Messages> NatsSource::peek(const observe::PeekRequest& request) {
    const std::string& id = request.destinationId;
    std::string stream;
    std::string consumer;
    if (id.starts_with("deadletters:") && splitPair(id.substr(12), stream, consumer)) {
        return peekDeadLetters(stream, consumer, request.maxCount);
    }
    if (id.starts_with("stream:")) {
        stream = id.substr(7);
        return withConnection([&](NatsConnection& connection) -> Result<Messages> {
            auto info = jetStreamRequest(connection, "$JS.API.STREAM.INFO." + stream);
            if (!info) {
                return info.error();
            }
            const auto last = (*info)["state"].value("last_seq", std::uint64_t{0});
            auto start = parseOffset(request.streamOffset, last, request.maxCount);
            if (!start) {
                return start.error();
            }
            return readStream(connection, stream, *start, {}, request.maxCount, id);
        });
    }
    if (id.starts_with("consumer:") && splitPair(id.substr(9), stream, consumer)) {
        // What the consumer has not acknowledged yet: from its ack floor on, its filter.
        return withConnection([&](NatsConnection& connection) -> Result<Messages> {
            auto info =
                jetStreamRequest(connection, "$JS.API.CONSUMER.INFO." + stream + "." + consumer);
            if (!info) {
                return info.error();
            }
            StartAt start;
            start.policy = "by_start_sequence";
            start.sequence = (*info)["ack_floor"].value("stream_seq", std::uint64_t{0}) + 1;
            const std::string filter = (*info)["config"].value("filter_subject", "");
            return readStream(connection, stream, start, filter, request.maxCount, id);
        });
    }
    if (id.starts_with("topic:")) {
        return Error{ErrorCode::Unsupported,
                     "core NATS keeps no messages on a subject: use the live tail, or a stream"};
    }
    return Error{ErrorCode::NotFound, "no NATS destination '" + id + "'"};
}

}  // namespace sbx::nats
