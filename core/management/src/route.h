#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "sbx/common/result.h"

namespace sbx::management {

// The resources of /api/v1 (and /metrics), found from the request path alone; which
// methods each accepts is the handler's business.
enum class Endpoint {
    Overview,             // /api/v1/overview
    Snapshot,             // /api/v1/snapshot
    Capabilities,         // /api/v1/capabilities
    Destinations,         // /api/v1/destinations
    Destination,          // /api/v1/destinations/{id}
    DestinationMessages,  // /api/v1/destinations/{id}/messages
    DestinationPurge,     // /api/v1/destinations/{id}/purge
    DestinationRedrive,   // /api/v1/destinations/{id}/redrive
    Bindings,             // /api/v1/bindings
    Clients,              // /api/v1/clients
    Client,               // /api/v1/clients/{id}
    Publish,              // /api/v1/publish
    Events,               // /api/v1/events (WebSocket)
    LiveMessages,         // /api/v1/messages/live (WebSocket)
    Metrics,              // /metrics
};

struct Route {
    Endpoint endpoint = Endpoint::Overview;
    std::string id;  // the decoded {id} segment
    std::map<std::string, std::string> query;
};

// Splits the path into segments before decoding them, so an id may hold an encoded '/'
// ("queue:%2F/orders" is one segment: "queue:/" "orders" would be two). NotFound for an
// unknown path, InvalidArgument for broken percent-encoding.
Result<Route> matchRoute(std::string_view target);

// RFC 3986 percent-decoding; '+' is a space only in query strings.
std::optional<std::string> percentDecode(std::string_view text, bool plusIsSpace);
// Encodes everything but the unreserved characters, so the result is one path segment.
std::string percentEncode(std::string_view text);

}  // namespace sbx::management
