#include "nats_protocol.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace sbx::nats {

namespace {

std::vector<std::string_view> splitWords(std::string_view line) {
    std::vector<std::string_view> words;
    std::size_t at = 0;
    while (at < line.size()) {
        while (at < line.size() && (line[at] == ' ' || line[at] == '\t')) {
            ++at;
        }
        const std::size_t start = at;
        while (at < line.size() && line[at] != ' ' && line[at] != '\t') {
            ++at;
        }
        if (at > start) {
            words.push_back(line.substr(start, at - start));
        }
    }
    return words;
}

std::optional<std::size_t> toSize(std::string_view text) {
    std::size_t value = 0;
    const auto [next, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || next != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

bool startsWithWord(std::string_view line, std::string_view word) {
    if (line.size() < word.size()) {
        return false;
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (std::toupper(static_cast<unsigned char>(line[i])) != word[i]) {
            return false;
        }
    }
    return line.size() == word.size() || line[word.size()] == ' ' || line[word.size()] == '\t';
}

std::string trimQuotes(std::string_view text) {
    while (!text.empty() && text.front() == ' ') {
        text.remove_prefix(1);
    }
    if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') {
        text = text.substr(1, text.size() - 2);
    }
    return std::string(text);
}

Error malformed(const std::string& peer, std::string_view line) {
    return Error{ErrorCode::ParseError, peer + " sent something that is not NATS protocol: '" +
                                            std::string(line.substr(0, 80)) + "'"};
}

// MSG <subject> <sid> [reply] <size> / HMSG <subject> <sid> [reply] <hsize> <size>
Result<std::optional<NatsFrame>> takeMessage(std::string& buffer, std::string_view line,
                                             std::size_t lineEnd, bool withHeaders,
                                             const std::string& peer) {
    const auto words = splitWords(line);
    const std::size_t sizes = withHeaders ? 2 : 1;
    if (words.size() != 3 + sizes && words.size() != 4 + sizes) {
        return malformed(peer, line);
    }
    const auto total = toSize(words.back());
    const auto headerSize = withHeaders ? toSize(words[words.size() - 2]) : std::size_t{0};
    if (!total || !headerSize || *headerSize > *total) {
        return malformed(peer, line);
    }
    if (buffer.size() < lineEnd + *total + 2) {
        return std::optional<NatsFrame>{};
    }
    NatsFrame frame;
    frame.kind = NatsFrame::Kind::Message;
    frame.subject = words[1];
    frame.sid = words[2];
    if (words.size() == 4 + sizes) {
        frame.replyTo = words[3];
    }
    decodeHeaders(std::string_view(buffer).substr(lineEnd, *headerSize), frame);
    frame.payload = buffer.substr(lineEnd + *headerSize, *total - *headerSize);
    buffer.erase(0, lineEnd + *total + 2);
    return std::optional<NatsFrame>(std::move(frame));
}

}  // namespace

std::string NatsFrame::header(std::string_view name) const {
    for (const auto& field : headers) {
        if (field.name.size() == name.size() &&
            std::equal(name.begin(), name.end(), field.name.begin(), [](char a, char b) {
                return std::tolower(static_cast<unsigned char>(a)) ==
                       std::tolower(static_cast<unsigned char>(b));
            })) {
            return field.value;
        }
    }
    return {};
}

Result<std::optional<NatsFrame>> takeFrame(std::string& buffer, const std::string& peer) {
    const auto newline = buffer.find('\n');
    if (newline == std::string::npos) {
        if (buffer.size() > (1U << 20)) {
            return malformed(peer, buffer);
        }
        return std::optional<NatsFrame>{};
    }
    std::string_view line(buffer.data(), newline);
    if (!line.empty() && line.back() == '\r') {
        line.remove_suffix(1);
    }
    const std::size_t lineEnd = newline + 1;
    if (startsWithWord(line, "MSG")) {
        return takeMessage(buffer, line, lineEnd, false, peer);
    }
    if (startsWithWord(line, "HMSG")) {
        return takeMessage(buffer, line, lineEnd, true, peer);
    }
    NatsFrame frame;
    if (startsWithWord(line, "PING")) {
        frame.kind = NatsFrame::Kind::Ping;
    } else if (startsWithWord(line, "PONG")) {
        frame.kind = NatsFrame::Kind::Pong;
    } else if (startsWithWord(line, "+OK")) {
        frame.kind = NatsFrame::Kind::Ok;
    } else if (startsWithWord(line, "-ERR")) {
        frame.kind = NatsFrame::Kind::Err;
        frame.payload = trimQuotes(line.substr(4));
    } else if (startsWithWord(line, "INFO")) {
        frame.kind = NatsFrame::Kind::Info;
        frame.payload = std::string(line.substr(4));
    } else {
        return malformed(peer, line);
    }
    buffer.erase(0, lineEnd);
    return std::optional<NatsFrame>(std::move(frame));
}

std::string encodeHeaders(const std::vector<observe::Field>& headers) {
    if (headers.empty()) {
        return {};
    }
    std::string block = "NATS/1.0\r\n";
    for (const auto& field : headers) {
        block += field.name + ": " + field.value + "\r\n";
    }
    return block + "\r\n";
}

void decodeHeaders(std::string_view block, NatsFrame& into) {
    bool first = true;
    while (!block.empty()) {
        auto end = block.find("\r\n");
        std::string_view line = block.substr(0, end);
        block = end == std::string_view::npos ? std::string_view{} : block.substr(end + 2);
        if (first) {
            first = false;
            // "NATS/1.0 503 No Responders"
            const auto words = splitWords(line);
            if (words.size() >= 2) {
                into.status = words[1];
                const auto text = line.find(words[1]) + words[1].size();
                into.statusText = trimQuotes(line.substr(text));
            }
            continue;
        }
        const auto colon = line.find(':');
        if (line.empty() || colon == std::string_view::npos) {
            continue;
        }
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && value.front() == ' ') {
            value.remove_prefix(1);
        }
        into.headers.push_back({std::string(line.substr(0, colon)), std::string(value)});
    }
}

std::string publishCommand(std::string_view subject, std::string_view replyTo,
                           const std::vector<observe::Field>& headers, std::string_view payload) {
    const std::string headerBlock = encodeHeaders(headers);
    std::string command = headerBlock.empty() ? "PUB " : "HPUB ";
    command += subject;
    if (!replyTo.empty()) {
        command += ' ';
        command += replyTo;
    }
    if (!headerBlock.empty()) {
        command += ' ' + std::to_string(headerBlock.size());
    }
    command += ' ' + std::to_string(headerBlock.size() + payload.size()) + "\r\n";
    command += headerBlock;
    command += payload;
    command += "\r\n";
    return command;
}

bool isValidSubject(std::string_view subject) {
    if (subject.empty() || subject.front() == '.' || subject.back() == '.') {
        return false;
    }
    for (char c : subject) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '*' || c == '>') {
            return false;
        }
    }
    return true;
}

}  // namespace sbx::nats
