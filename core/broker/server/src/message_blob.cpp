#include "message_blob.h"

#include <cstdint>
#include <cstring>

namespace sbx::broker {

namespace {

constexpr std::uint8_t kMessageFormat = 1;

class BlobWriter {
public:
    explicit BlobWriter(std::string& out) : out_(out) {}
    void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
    void u32(std::uint32_t v) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            u8(static_cast<std::uint8_t>(v >> shift));
        }
    }
    void u64(std::uint64_t v) {
        u32(static_cast<std::uint32_t>(v >> 32));
        u32(static_cast<std::uint32_t>(v));
    }
    void bytes(std::string_view s) {
        u32(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    void optionalBytes(const std::optional<std::string>& s) {
        u8(s ? 1 : 0);
        if (s) {
            bytes(*s);
        }
    }

private:
    std::string& out_;
};

class BlobReader {
public:
    explicit BlobReader(std::string_view in) : in_(in) {}
    bool ok() const { return ok_; }
    std::uint8_t u8() {
        if (!need(1)) {
            return 0;
        }
        return static_cast<std::uint8_t>(in_[pos_++]);
    }
    std::uint32_t u32() {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i) {
            v = (v << 8) | u8();
        }
        return v;
    }
    std::uint64_t u64() {
        const std::uint64_t high = u32();
        return (high << 32) | u32();
    }
    std::string bytes() {
        const auto n = u32();
        if (!need(n)) {
            return {};
        }
        std::string s(in_.substr(pos_, n));
        pos_ += n;
        return s;
    }
    std::optional<std::string> optionalBytes() {
        if (u8() == 0) {
            return std::nullopt;
        }
        return bytes();
    }
    bool atEnd() const { return pos_ == in_.size(); }

private:
    bool need(std::size_t n) {
        if (!ok_ || in_.size() - pos_ < n) {
            ok_ = false;
            return false;
        }
        return true;
    }
    std::string_view in_;
    std::size_t pos_ = 0;
    bool ok_ = true;
};

std::int64_t toMillis(std::chrono::system_clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

std::chrono::system_clock::time_point fromMillis(std::int64_t ms) {
    return std::chrono::system_clock::time_point(std::chrono::milliseconds(ms));
}

void writeMessage(BlobWriter& w, const Message& m) {
    w.u8(kMessageFormat);
    w.bytes(m.topic);
    w.bytes(m.payload);
    w.u8(m.qos);
    w.u8(m.retain ? 1 : 0);
    w.u8(m.payloadFormat ? static_cast<std::uint8_t>(*m.payloadFormat + 1) : 0);
    w.optionalBytes(m.contentType);
    w.optionalBytes(m.responseTopic);
    w.optionalBytes(m.correlationData);
    w.u32(static_cast<std::uint32_t>(m.userProperties.size()));
    for (const auto& [key, value] : m.userProperties) {
        w.bytes(key);
        w.bytes(value);
    }
    w.u8(m.expiresAt ? 1 : 0);
    if (m.expiresAt) {
        w.u64(static_cast<std::uint64_t>(toMillis(*m.expiresAt)));
    }
    w.u64(m.id);
    w.u64(static_cast<std::uint64_t>(toMillis(m.receivedAt)));
    w.bytes(m.publisherClientId);
}

std::optional<Message> readMessage(BlobReader& r) {
    if (r.u8() != kMessageFormat) {
        return std::nullopt;
    }
    Message m;
    m.topic = r.bytes();
    m.payload = r.bytes();
    m.qos = r.u8();
    m.retain = r.u8() != 0;
    if (const auto format = r.u8(); format != 0) {
        m.payloadFormat = static_cast<std::uint8_t>(format - 1);
    }
    m.contentType = r.optionalBytes();
    m.responseTopic = r.optionalBytes();
    m.correlationData = r.optionalBytes();
    const auto properties = r.u32();
    for (std::uint32_t i = 0; i < properties && r.ok(); ++i) {
        auto key = r.bytes();
        auto value = r.bytes();
        m.userProperties.emplace_back(std::move(key), std::move(value));
    }
    if (r.u8() != 0) {
        m.expiresAt = fromMillis(static_cast<std::int64_t>(r.u64()));
    }
    m.id = r.u64();
    m.receivedAt = fromMillis(static_cast<std::int64_t>(r.u64()));
    m.publisherClientId = r.bytes();
    if (!r.ok() || m.qos > 2) {
        return std::nullopt;
    }
    return m;
}

}  // namespace

std::string encodeMessageBlob(const Message& message) {
    std::string out;
    out.reserve(64 + message.topic.size() + message.payload.size());
    BlobWriter w(out);
    writeMessage(w, message);
    return out;
}

std::optional<Message> decodeMessageBlob(std::string_view blob) {
    BlobReader r(blob);
    auto message = readMessage(r);
    if (!message || !r.atEnd()) {
        return std::nullopt;
    }
    return message;
}

std::string encodeQueuedBlob(const OutboundMessage& entry) {
    std::string out;
    out.reserve(80 + entry.message->topic.size() + entry.message->payload.size());
    BlobWriter w(out);
    w.u8(entry.qos);
    w.u8(entry.retainFlag ? 1 : 0);
    w.u32(static_cast<std::uint32_t>(entry.subscriptionIds.size()));
    for (auto id : entry.subscriptionIds) {
        w.u32(id);
    }
    writeMessage(w, *entry.message);
    return out;
}

std::optional<OutboundMessage> decodeQueuedBlob(std::string_view blob) {
    BlobReader r(blob);
    OutboundMessage entry;
    entry.qos = r.u8();
    entry.retainFlag = r.u8() != 0;
    const auto ids = r.u32();
    for (std::uint32_t i = 0; i < ids && r.ok(); ++i) {
        entry.subscriptionIds.push_back(r.u32());
    }
    auto message = readMessage(r);
    if (!message || !r.atEnd() || entry.qos > 2) {
        return std::nullopt;
    }
    entry.message = std::make_shared<const Message>(std::move(*message));
    return entry;
}

}  // namespace sbx::broker
