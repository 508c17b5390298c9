#include "resp_reader.h"

#include <charconv>

namespace sbx::redis {

namespace {

constexpr int kMaxDepth = 64;
constexpr std::size_t kMaxLine = 1 << 20;
constexpr std::int64_t kMaxBulk = std::int64_t{512} << 20;  // Redis' own proto-max-bulk-len

std::optional<std::int64_t> parseInteger(std::string_view text) {
    std::int64_t value = 0;
    const auto* end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, value);
    if (ec != std::errc{} || ptr != end) {
        return std::nullopt;
    }
    return value;
}

}  // namespace

Result<RespValue> RespReader::read(std::chrono::milliseconds timeout) {
    if (pos_ == buffer_.size()) {
        buffer_.clear();
        pos_ = 0;
    } else if (pos_ > (1U << 20)) {
        buffer_.erase(0, pos_);
        pos_ = 0;
    }
    timeout_ = timeout;
    deadline_ = std::chrono::steady_clock::now() + timeout;
    return value(0);
}

Status RespReader::need(std::size_t bytes) {
    while (buffer_.size() - pos_ < bytes) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline_ - std::chrono::steady_clock::now());
        auto read = stream_.readSome(buffer_, std::max(left, std::chrono::milliseconds(1)));
        if (!read) {
            if (read.error().code == ErrorCode::Timeout) {
                return Error{ErrorCode::Timeout,
                             "no answer from Redis at " + stream_.peer() + " within " +
                                 connect::describeDuration(timeout_) +
                                 " (the server may be overloaded, or a firewall drops packets)"};
            }
            return read.error();
        }
    }
    return {};
}

Result<std::string> RespReader::line() {
    std::size_t searchFrom = pos_;
    for (;;) {
        const auto end = buffer_.find("\r\n", searchFrom);
        if (end != std::string::npos) {
            std::string text = buffer_.substr(pos_, end - pos_);
            pos_ = end + 2;
            return text;
        }
        if (buffer_.size() - pos_ > kMaxLine) {
            return Error{ErrorCode::ParseError,
                         "Redis at " + stream_.peer() + " sent a reply line that never ends"};
        }
        searchFrom = buffer_.size() > pos_ ? buffer_.size() - 1 : pos_;
        if (auto more = need(buffer_.size() - pos_ + 1); !more) {
            return more.error();
        }
    }
}

Result<RespValue> RespReader::aggregate(RespValue::Type type, std::int64_t count, bool pairs,
                                        int depth) {
    RespValue result;
    result.type = type;
    if (count < 0) {
        result.type = RespValue::Type::Null;
        return result;
    }
    const std::int64_t items = pairs ? count * 2 : count;
    result.elements.reserve(static_cast<std::size_t>(std::min<std::int64_t>(items, 1 << 16)));
    for (std::int64_t i = 0; i < items; ++i) {
        auto element = value(depth + 1);
        if (!element) {
            return element.error();
        }
        result.elements.push_back(std::move(element).value());
    }
    return result;
}

Result<RespValue> RespReader::value(int depth) {
    if (depth > kMaxDepth) {
        return Error{ErrorCode::ParseError,
                     "Redis at " + stream_.peer() + " sent a reply nested too deeply"};
    }
    auto header = line();
    if (!header) {
        return header.error();
    }
    const std::string& text = header.value();
    if (text.empty()) {
        return Error{ErrorCode::ParseError,
                     "Redis at " + stream_.peer() + " sent an empty reply line"};
    }
    const char marker = text[0];
    const std::string_view rest = std::string_view(text).substr(1);
    auto number = [&]() -> Result<std::int64_t> {
        if (auto parsed = parseInteger(rest)) {
            return *parsed;
        }
        return Error{ErrorCode::ParseError, "Redis at " + stream_.peer() +
                                                " sent a malformed length or integer '" +
                                                std::string(rest) + "'"};
    };
    RespValue result;
    switch (marker) {
        case '+':
            result.type = RespValue::Type::SimpleString;
            result.text = rest;
            return result;
        case '-':
            result.type = RespValue::Type::Error;
            result.text = rest;
            return result;
        case ':': {
            auto parsed = number();
            if (!parsed) {
                return parsed.error();
            }
            result.type = RespValue::Type::Integer;
            result.integer = parsed.value();
            return result;
        }
        case '#':  // RESP3 boolean
            result.type = RespValue::Type::Integer;
            result.integer = rest == "t" ? 1 : 0;
            return result;
        case ',':  // RESP3 double and big number: kept as text
        case '(':
            result.type = RespValue::Type::Bulk;
            result.text = rest;
            return result;
        case '_':
            return result;
        case '$':
        case '=':  // RESP3 verbatim string ("txt:" prefix kept)
        case '!': {
            auto length = number();
            if (!length) {
                return length.error();
            }
            if (length.value() < 0) {
                return result;
            }
            if (length.value() > kMaxBulk) {
                return Error{ErrorCode::ParseError,
                             "Redis at " + stream_.peer() + " announced a string too large"};
            }
            const auto size = static_cast<std::size_t>(length.value());
            if (auto more = need(size + 2); !more) {
                return more.error();
            }
            result.type = marker == '!' ? RespValue::Type::Error : RespValue::Type::Bulk;
            result.text = buffer_.substr(pos_, size);
            pos_ += size + 2;
            return result;
        }
        case '*':
        case '~':    // RESP3 set
        case '>': {  // RESP3 push
            auto count = number();
            if (!count) {
                return count.error();
            }
            return aggregate(RespValue::Type::Array, count.value(), false, depth);
        }
        case '%': {
            auto count = number();
            if (!count) {
                return count.error();
            }
            return aggregate(RespValue::Type::Array, count.value(), true, depth);
        }
        case '|': {  // RESP3 attribute: read and drop, the reply follows
            auto count = number();
            if (!count) {
                return count.error();
            }
            if (auto dropped = aggregate(RespValue::Type::Array, count.value(), true, depth);
                !dropped) {
                return dropped.error();
            }
            return value(depth);
        }
        default:
            break;
    }
    return Error{ErrorCode::ParseError, "Redis at " + stream_.peer() +
                                            " sent something that is not RESP (starts with '" +
                                            std::string(1, marker) + "')"};
}

}  // namespace sbx::redis
