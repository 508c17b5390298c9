#include "sbx/inspect/message_export.h"

#include <array>
#include <cstdio>
#include <ctime>
#include <nlohmann/json.hpp>

#include "sbx/inspect/payload.h"

namespace sbx::inspect {
namespace {

using nlohmann::json;
using observe::Field;
using observe::ObservedMessage;

constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

// Objects keep one value per name; headers repeat rarely, and a repeat keeps its last.
json fieldsToJson(const std::vector<Field>& fields) {
    json object = json::object();
    for (const auto& field : fields) {
        object[field.name] = field.value;
    }
    return object;
}

Result<std::vector<Field>> fieldsFromJson(const json& object, std::string_view what) {
    std::vector<Field> fields;
    if (object.is_null()) {
        return fields;
    }
    if (!object.is_object()) {
        return Error{ErrorCode::ParseError, std::string(what) + " must be a JSON object"};
    }
    for (const auto& [name, value] : object.items()) {
        fields.push_back({name, value.is_string() ? value.get<std::string>() : value.dump()});
    }
    return fields;
}

std::string dumpJson(const json& value) {
    return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

json messageToJson(const ObservedMessage& message) {
    json object = {{"time", formatTime(message.time)},
                   {"destination", message.destinationId},
                   {"exchange", message.exchange},
                   {"routing_key", message.routingKey},
                   {"properties", fieldsToJson(message.properties)},
                   {"headers", fieldsToJson(message.headers)}};
    if (isText(message.payload)) {
        object["payload"] = message.payload;
    } else {
        object["payload_base64"] = base64Encode(message.payload);
    }
    return object;
}

std::string stringField(const json& object, const char* key) {
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Result<ObservedMessage> messageFromJson(const json& object) {
    if (!object.is_object()) {
        return Error{ErrorCode::ParseError, "each line must be a JSON object"};
    }
    ObservedMessage message;
    message.destinationId = stringField(object, "destination");
    message.exchange = stringField(object, "exchange");
    message.routingKey = stringField(object, "routing_key");
    if (const auto time = stringField(object, "time"); !time.empty()) {
        auto parsed = parseTime(time);
        if (!parsed) {
            return parsed.error();
        }
        message.time = parsed.value();
    }
    auto properties = fieldsFromJson(object.value("properties", json()), "\"properties\"");
    if (!properties) {
        return properties.error();
    }
    message.properties = std::move(properties).value();
    auto headers = fieldsFromJson(object.value("headers", json()), "\"headers\"");
    if (!headers) {
        return headers.error();
    }
    message.headers = std::move(headers).value();
    if (object.contains("payload_base64")) {
        auto payload = base64Decode(stringField(object, "payload_base64"));
        if (!payload) {
            return payload.error();
        }
        message.payload = std::move(payload).value();
    } else {
        message.payload = stringField(object, "payload");
    }
    return message;
}

Error lineError(std::size_t line, const Error& error) {
    return Error{error.code, "line " + std::to_string(line) + ": " + error.message};
}

std::string csvQuote(std::string_view value) {
    std::string out = "\"";
    for (const char c : value) {
        out += c;
        if (c == '"') {
            out += '"';
        }
    }
    return out + "\"";
}

// RFC 4180 records: quoted fields may hold commas, quotes ("") and line breaks.
Result<std::vector<std::vector<std::string>>> parseCsv(std::string_view text) {
    std::vector<std::vector<std::string>> records;
    std::vector<std::string> record;
    std::string field;
    bool quoted = false;
    bool fieldStarted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && field.empty()) {
            quoted = true;
            fieldStarted = true;
        } else if (c == ',') {
            record.push_back(std::move(field));
            field.clear();
            fieldStarted = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                ++i;
            }
            if (fieldStarted || !field.empty() || !record.empty()) {
                record.push_back(std::move(field));
                records.push_back(std::move(record));
            }
            record.clear();
            field.clear();
            fieldStarted = false;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        return Error{ErrorCode::ParseError, "the CSV ends inside a quoted field"};
    }
    if (fieldStarted || !field.empty() || !record.empty()) {
        record.push_back(std::move(field));
        records.push_back(std::move(record));
    }
    return records;
}

constexpr std::array<std::string_view, 8> kCsvColumns = {
    "time",       "destination", "exchange",         "routing_key",
    "properties", "headers",     "payload_encoding", "payload"};

}  // namespace

std::string base64Encode(std::string_view bytes) {
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        std::uint32_t chunk = static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i]))
                              << 16U;
        if (i + 1 < bytes.size()) {
            chunk |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[i + 1])) << 8U;
        }
        if (i + 2 < bytes.size()) {
            chunk |= static_cast<unsigned char>(bytes[i + 2]);
        }
        out += kBase64Alphabet[(chunk >> 18U) & 0x3FU];
        out += kBase64Alphabet[(chunk >> 12U) & 0x3FU];
        out += i + 1 < bytes.size() ? kBase64Alphabet[(chunk >> 6U) & 0x3FU] : '=';
        out += i + 2 < bytes.size() ? kBase64Alphabet[chunk & 0x3FU] : '=';
    }
    return out;
}

Result<std::string> base64Decode(std::string_view text) {
    std::string out;
    std::uint32_t buffer = 0;
    int bits = 0;
    for (const char c : text) {
        if (c == '=') {
            break;
        }
        const auto index = kBase64Alphabet.find(c);
        if (index == std::string_view::npos) {
            return Error{ErrorCode::ParseError, "not valid base64"};
        }
        buffer = (buffer << 6U) | static_cast<std::uint32_t>(index);
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> static_cast<unsigned>(bits)) & 0xFFU);
        }
    }
    return out;
}

std::string formatTime(std::chrono::system_clock::time_point time) {
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
    auto seconds = static_cast<std::time_t>(millis / 1000);
    auto fraction = millis % 1000;
    if (fraction < 0) {
        fraction += 1000;
        --seconds;
    }
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::array<char, 40> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                  utc.tm_year + 1900, utc.tm_mon + 1, utc.tm_mday, utc.tm_hour, utc.tm_min,
                  utc.tm_sec, static_cast<int>(fraction));
    return buffer.data();
}

Result<std::chrono::system_clock::time_point> parseTime(std::string_view text) {
    std::tm utc{};
    int millis = 0;
    int consumed = 0;
    const std::string copy(text);
    const int fields =
        std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &utc.tm_year, &utc.tm_mon,
                    &utc.tm_mday, &utc.tm_hour, &utc.tm_min, &utc.tm_sec, &consumed);
    if (fields != 6) {
        return Error{ErrorCode::ParseError, "not an ISO 8601 time: " + copy};
    }
    std::string_view rest = std::string_view(copy).substr(static_cast<std::size_t>(consumed));
    if (!rest.empty() && rest.front() == '.') {
        rest.remove_prefix(1);
        int digits = 0;
        while (!rest.empty() && rest.front() >= '0' && rest.front() <= '9') {
            if (digits < 3) {
                millis = millis * 10 + (rest.front() - '0');
            }
            ++digits;
            rest.remove_prefix(1);
        }
        for (; digits < 3; ++digits) {
            millis *= 10;
        }
    }
    if (rest != "Z" && !rest.empty()) {
        return Error{ErrorCode::ParseError, "only UTC times (ending in Z) are read: " + copy};
    }
    utc.tm_year -= 1900;
    utc.tm_mon -= 1;
    const auto seconds = timegm(&utc);
    return std::chrono::system_clock::time_point(std::chrono::seconds(seconds)) +
           std::chrono::milliseconds(millis);
}

std::string toJsonLines(const std::vector<ObservedMessage>& messages) {
    std::string out;
    for (const auto& message : messages) {
        out += dumpJson(messageToJson(message));
        out += '\n';
    }
    return out;
}

Result<std::vector<ObservedMessage>> fromJsonLines(std::string_view text) {
    std::vector<ObservedMessage> messages;
    std::size_t lineNumber = 0;
    while (!text.empty()) {
        ++lineNumber;
        const auto end = text.find('\n');
        auto line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) {
            continue;
        }
        const auto object = json::parse(line, nullptr, false);
        if (object.is_discarded()) {
            return lineError(lineNumber, Error{ErrorCode::ParseError, "not valid JSON"});
        }
        auto message = messageFromJson(object);
        if (!message) {
            return lineError(lineNumber, message.error());
        }
        messages.push_back(std::move(message).value());
    }
    return messages;
}

std::string toCsv(const std::vector<ObservedMessage>& messages) {
    std::string out;
    for (std::size_t i = 0; i < kCsvColumns.size(); ++i) {
        out += (i == 0 ? "" : ",");
        out += kCsvColumns[i];
    }
    out += "\r\n";
    for (const auto& message : messages) {
        const bool text = isText(message.payload);
        const std::array<std::string, 8> cells = {
            formatTime(message.time),
            message.destinationId,
            message.exchange,
            message.routingKey,
            dumpJson(fieldsToJson(message.properties)),
            dumpJson(fieldsToJson(message.headers)),
            text ? "text" : "base64",
            text ? message.payload : base64Encode(message.payload)};
        for (std::size_t i = 0; i < cells.size(); ++i) {
            out += (i == 0 ? "" : ",");
            out += csvQuote(cells[i]);
        }
        out += "\r\n";
    }
    return out;
}

Result<std::vector<ObservedMessage>> fromCsv(std::string_view text) {
    auto records = parseCsv(text);
    if (!records) {
        return records.error();
    }
    if (records->empty()) {
        return std::vector<ObservedMessage>{};
    }
    const auto& header = records->front();
    if (header.size() != kCsvColumns.size() ||
        !std::equal(header.begin(), header.end(), kCsvColumns.begin())) {
        return Error{ErrorCode::ParseError,
                     "the first CSV line must name the columns "
                     "time,destination,exchange,routing_key,properties,headers,"
                     "payload_encoding,payload"};
    }
    std::vector<ObservedMessage> messages;
    for (std::size_t row = 1; row < records->size(); ++row) {
        const auto& cells = (*records)[row];
        if (cells.size() != kCsvColumns.size()) {
            return lineError(row + 1,
                             Error{ErrorCode::ParseError,
                                   "expected 8 columns, found " + std::to_string(cells.size())});
        }
        json object = {{"time", cells[0]},
                       {"destination", cells[1]},
                       {"exchange", cells[2]},
                       {"routing_key", cells[3]}};
        for (const auto& [index, key] : {std::pair{4, "properties"}, std::pair{5, "headers"}}) {
            const auto& cell = cells[static_cast<std::size_t>(index)];
            object[key] = cell.empty() ? json::object() : json::parse(cell, nullptr, false);
            if (object[key].is_discarded()) {
                return lineError(row + 1, Error{ErrorCode::ParseError,
                                                std::string(key) + " is not a JSON object"});
            }
        }
        if (cells[6] == "base64") {
            object["payload_base64"] = cells[7];
        } else if (cells[6] == "text" || cells[6].empty()) {
            object["payload"] = cells[7];
        } else {
            return lineError(
                row + 1, Error{ErrorCode::ParseError, "payload_encoding must be text or base64"});
        }
        auto message = messageFromJson(object);
        if (!message) {
            return lineError(row + 1, message.error());
        }
        messages.push_back(std::move(message).value());
    }
    return messages;
}

observe::PublishRequest republishRequest(const ObservedMessage& message) {
    observe::PublishRequest request;
    request.payload = message.payload;
    request.headers = message.headers;
    request.routingKey = message.routingKey;
    constexpr std::string_view kTopic = "topic:";
    constexpr std::string_view kQueue = "queue:";
    if (message.destinationId.starts_with(kTopic)) {
        request.protocol = "mqtt";
        for (const auto& field : message.properties) {
            if (field.name == "qos") {
                request.qos = static_cast<std::uint8_t>(field.value == "2"   ? 2
                                                        : field.value == "1" ? 1
                                                                             : 0);
            } else if (field.name == "retain") {
                request.retain = field.value == "true" || field.value == "1";
            } else {
                request.properties.push_back(field);
            }
        }
        return request;
    }
    request.properties = message.properties;
    request.exchange = message.exchange;
    // A peeked queue message keeps its vhost in the destination id: queue:<vhost>/<name>.
    if (message.destinationId.starts_with(kQueue)) {
        const auto rest = std::string_view(message.destinationId).substr(kQueue.size());
        const auto slash = rest.find('/', 1);  // the vhost "/" starts with its slash
        if (slash != std::string_view::npos) {
            request.vhost = std::string(rest.substr(0, slash));
        }
    }
    return request;
}

}  // namespace sbx::inspect
