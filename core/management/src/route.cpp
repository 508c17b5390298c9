#include "route.h"

#include <vector>

namespace sbx::management {

namespace {

int hexValue(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
        return c - 'A' + 10;
    }
    return -1;
}

std::vector<std::string_view> splitPath(std::string_view path) {
    std::vector<std::string_view> segments;
    std::size_t start = 1;  // past the leading '/'
    while (start <= path.size()) {
        const auto end = path.find('/', start);
        const auto stop = end == std::string_view::npos ? path.size() : end;
        segments.push_back(path.substr(start, stop - start));
        start = stop + 1;
    }
    // "/api/v1/destinations/" is "/api/v1/destinations".
    if (!segments.empty() && segments.back().empty()) {
        segments.pop_back();
    }
    return segments;
}

Result<std::map<std::string, std::string>> parseQuery(std::string_view query) {
    std::map<std::string, std::string> result;
    while (!query.empty()) {
        const auto amp = query.find('&');
        const auto pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty()) {
            continue;
        }
        const auto eq = pair.find('=');
        auto key = percentDecode(pair.substr(0, eq), true);
        auto value = percentDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
        if (!key || !value) {
            return Error{ErrorCode::InvalidArgument, "broken percent-encoding in the query"};
        }
        result[*key] = *value;
    }
    return result;
}

std::optional<Endpoint> collection(std::string_view name) {
    if (name == "overview") {
        return Endpoint::Overview;
    }
    if (name == "snapshot") {
        return Endpoint::Snapshot;
    }
    if (name == "capabilities") {
        return Endpoint::Capabilities;
    }
    if (name == "destinations") {
        return Endpoint::Destinations;
    }
    if (name == "bindings") {
        return Endpoint::Bindings;
    }
    if (name == "clients") {
        return Endpoint::Clients;
    }
    if (name == "publish") {
        return Endpoint::Publish;
    }
    if (name == "events") {
        return Endpoint::Events;
    }
    return std::nullopt;
}

std::optional<Endpoint> destinationAction(std::string_view action) {
    if (action == "messages") {
        return Endpoint::DestinationMessages;
    }
    if (action == "purge") {
        return Endpoint::DestinationPurge;
    }
    if (action == "redrive") {
        return Endpoint::DestinationRedrive;
    }
    return std::nullopt;
}

std::optional<Endpoint> endpointOf(const std::vector<std::string_view>& s) {
    if (s.size() == 1 && s[0] == "metrics") {
        return Endpoint::Metrics;
    }
    if (s.size() < 3 || s[0] != "api" || s[1] != "v1") {
        return std::nullopt;
    }
    if (s.size() == 3) {
        return collection(s[2]);
    }
    if (s.size() == 4 && s[2] == "messages" && s[3] == "live") {
        return Endpoint::LiveMessages;
    }
    if (s.size() == 4 && s[2] == "destinations") {
        return Endpoint::Destination;
    }
    if (s.size() == 4 && s[2] == "clients") {
        return Endpoint::Client;
    }
    if (s.size() == 5 && s[2] == "destinations") {
        return destinationAction(s[4]);
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size()) {
                return std::nullopt;
            }
            const int high = hexValue(text[i + 1]);
            const int low = hexValue(text[i + 2]);
            if (high < 0 || low < 0) {
                return std::nullopt;
            }
            out += static_cast<char>(high * 16 + low);
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

std::string percentEncode(std::string_view text) {
    constexpr std::string_view kHex = "0123456789ABCDEF";
    std::string out;
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                                (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
                                c == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4U];
            out += kHex[u & 15U];
        }
    }
    return out;
}

Result<Route> matchRoute(std::string_view target) {
    const auto question = target.find('?');
    const auto path = target.substr(0, question);
    if (path.empty() || path[0] != '/') {
        return Error{ErrorCode::InvalidArgument, "the request target must be a path"};
    }
    const auto segments = splitPath(path);
    const auto endpoint = endpointOf(segments);
    if (!endpoint) {
        return Error{ErrorCode::NotFound, "no resource at '" + std::string(path) + "'"};
    }
    Route route;
    route.endpoint = *endpoint;
    if (segments.size() >= 4) {
        auto id = percentDecode(segments[3], false);
        if (!id) {
            return Error{ErrorCode::InvalidArgument, "broken percent-encoding in the path"};
        }
        route.id = std::move(*id);
    }
    if (question != std::string_view::npos) {
        auto query = parseQuery(target.substr(question + 1));
        if (!query) {
            return query.error();
        }
        route.query = std::move(*query);
    }
    return route;
}

}  // namespace sbx::management
