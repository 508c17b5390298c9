#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/common/result.h"
#include "sbx/observe/broker_snapshot.h"

namespace sbx::nats {

// One thing the server sent: INFO, MSG / HMSG, PING, PONG, +OK or -ERR.
struct NatsFrame {
    enum class Kind { Info, Message, Ping, Pong, Ok, Err };
    Kind kind = Kind::Ok;
    std::string subject;
    std::string sid;
    std::string replyTo;
    std::string status;  // HMSG status ("503" no responders, "100" heartbeat), else empty
    std::string statusText;
    std::vector<observe::Field> headers;
    std::string payload;  // the message, the INFO JSON, or the -ERR text without quotes

    [[nodiscard]] std::string header(std::string_view name) const;
};

// Takes one complete frame off the front of `buffer`; nullopt while more bytes are needed.
// A line that is no NATS protocol fails with ParseError naming `peer`.
Result<std::optional<NatsFrame>> takeFrame(std::string& buffer, const std::string& peer);

// The NATS/1.0 header block of HPUB/HMSG ("" without headers).
[[nodiscard]] std::string encodeHeaders(const std::vector<observe::Field>& headers);
void decodeHeaders(std::string_view block, NatsFrame& into);

// PUB, or HPUB when there are headers.
[[nodiscard]] std::string publishCommand(std::string_view subject, std::string_view replyTo,
                                         const std::vector<observe::Field>& headers,
                                         std::string_view payload);

// A subject a client may publish to: not empty, no spaces, no wildcards.
[[nodiscard]] bool isValidSubject(std::string_view subject);

}  // namespace sbx::nats
