#include "api_handler.h"

#include <algorithm>
#include <charconv>

#include "api_error.h"
#include "route.h"
#include "sbx/management/json_mapping.h"

namespace sbx::management {

namespace {

using observe::BrokerSource;

ApiResponse json(unsigned status, const Json& body) {
    return ApiResponse{status, "application/json", dumpJson(body), {}};
}

ApiResponse noContent() {
    return ApiResponse{204, "application/json", {}, {}};
}

ApiResponse failure(unsigned status, std::string_view code, std::string_view message) {
    return ApiResponse{status, "application/json", errorBody(code, message), {}};
}

ApiResponse failure(const Error& error) {
    const auto http = httpErrorFor(error);
    return failure(http.status, http.code, error.message);
}

ApiResponse methodNotAllowed(std::string_view method, std::string allow) {
    auto response = failure(405, "method_not_allowed",
                            std::string(method) + " is not allowed here (allowed: " + allow + ")");
    response.allow = std::move(allow);
    return response;
}

template <typename T>
Result<T> bodyAs(const ApiRequest& request) {
    if (request.body.empty()) {
        return fromJson<T>(Json::object());
    }
    auto parsed = parseJson(request.body);
    if (!parsed) {
        return parsed.error();
    }
    if (!parsed->is_object()) {
        return Error{ErrorCode::InvalidArgument, "the body must be a JSON object"};
    }
    return fromJson<T>(*parsed);
}

Result<std::size_t> sizeParameter(const Route& route, const std::string& key,
                                  std::size_t fallback) {
    const auto found = route.query.find(key);
    if (found == route.query.end()) {
        return fallback;
    }
    const auto& text = found->second;
    std::size_t value = 0;
    const auto* end = text.data() + text.size();
    const auto [at, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || at != end) {
        return Error{ErrorCode::InvalidArgument,
                     "query parameter '" + key + "' must be a non-negative integer"};
    }
    return value;
}

std::string idOf(observe::DestinationKind kind, const std::string& vhost, const std::string& name) {
    const bool exchange = kind == observe::DestinationKind::Exchange;
    return std::string(exchange ? "exchange:" : "queue:") + vhost + "/" + name;
}

// Handlers of one endpoint each; `request.method` already matched.
struct Endpoints {
    BrokerSource& source;
    const ApiHandler::CountersProvider& counters;

    ApiResponse snapshot(const std::function<Json(observe::BrokerSnapshot&)>& pick) const {
        auto snap = source.snapshot();
        if (!snap) {
            return failure(snap.error());
        }
        return json(200, pick(*snap));
    }

    ApiResponse destinations(const Route& route) const {
        std::optional<observe::DestinationKind> kind;
        if (auto k = route.query.find("kind"); k != route.query.end()) {
            auto parsed = fromJson<observe::DestinationKind>(Json(k->second));
            if (!parsed) {
                return failure(400, "invalid_argument", "kind: " + parsed.error().message);
            }
            kind = *parsed;
        }
        const auto vhost = route.query.find("vhost");
        const auto prefixAt = route.query.find("prefix");
        const std::string prefix = prefixAt == route.query.end() ? "" : prefixAt->second;
        return snapshot([&](observe::BrokerSnapshot& s) {
            Json list = Json::array();
            for (const auto& d : s.destinations) {
                if ((kind && d.kind != *kind) ||
                    (vhost != route.query.end() && d.vhost != vhost->second) ||
                    !d.name.starts_with(prefix)) {
                    continue;
                }
                list.push_back(d);
            }
            return list;
        });
    }

    ApiResponse destination(const Route& route) const {
        auto snap = source.snapshot();
        if (!snap) {
            return failure(snap.error());
        }
        for (const auto& d : snap->destinations) {
            if (d.id == route.id) {
                return json(200, d);
            }
        }
        return failure(404, "not_found", "no destination '" + route.id + "'");
    }

    ApiResponse declare(const ApiRequest& request) const {
        auto declare = bodyAs<observe::DeclareRequest>(request);
        if (!declare) {
            return failure(declare.error());
        }
        if (auto status = source.declare(*declare); !status) {
            return failure(status.error());
        }
        return json(201, {{"id", idOf(declare->kind, declare->vhost, declare->name)}});
    }

    ApiResponse messages(const Route& route) const {
        auto count = sizeParameter(route, "count", 100);
        if (!count) {
            return failure(count.error());
        }
        observe::PeekRequest peek;
        peek.destinationId = route.id;
        peek.maxCount = std::min(*count, kMaxPeekCount);
        if (auto offset = route.query.find("offset"); offset != route.query.end()) {
            peek.streamOffset = offset->second;
        }
        auto messages = source.peek(peek);
        if (!messages) {
            return failure(messages.error());
        }
        return json(200, *messages);
    }

    ApiResponse purge(const Route& route) const {
        auto purged = source.purge(route.id);
        if (!purged) {
            return failure(purged.error());
        }
        return json(200, {{"purged", *purged}});
    }

    ApiResponse redrive(const Route& route, const ApiRequest& request) const {
        auto redrive = bodyAs<observe::RedriveRequest>(request);
        if (!redrive) {
            return failure(redrive.error());
        }
        redrive->sourceId = route.id;
        if (redrive->batchSize == 0) {
            return failure(400, "invalid_argument", "batchSize must be at least 1");
        }
        auto result = source.redrive(*redrive);
        if (!result) {
            return failure(result.error());
        }
        return json(200, *result);
    }

    ApiResponse publish(const ApiRequest& request) const {
        auto publish = bodyAs<observe::PublishRequest>(request);
        if (!publish) {
            return failure(publish.error());
        }
        if (auto status = source.publish(*publish); !status) {
            return failure(status.error());
        }
        return noContent();
    }

    ApiResponse binding(const ApiRequest& request, bool add) const {
        auto bind = bodyAs<observe::BindRequest>(request);
        if (!bind) {
            return failure(bind.error());
        }
        if (bind->destinationId.empty()) {
            return failure(400, "invalid_argument", "destinationId is required");
        }
        auto status = add ? source.bind(*bind) : source.unbind(*bind);
        if (!status) {
            return failure(status.error());
        }
        return add ? json(201, *bind) : noContent();
    }

    ApiResponse status(const Status& status) const {
        return status ? noContent() : failure(status.error());
    }

    ApiResponse capabilities() const {
        return json(200, {{"name", source.name()}, {"capabilities", source.capabilities()}});
    }

    ApiResponse metrics() const {
        auto snap = source.snapshot();
        if (!snap) {
            return failure(snap.error());
        }
        return ApiResponse{200,
                           "text/plain; version=0.0.4; charset=utf-8",
                           renderPrometheus(*snap, counters ? counters() : ManagementCounters{}),
                           {}};
    }
};

ApiResponse dispatch(const Endpoints& e, const Route& route, const ApiRequest& request) {
    const auto& m = request.method;
    const bool get = m == "GET" || m == "HEAD";
    switch (route.endpoint) {
        case Endpoint::Overview:
            return get ? e.snapshot([](auto& s) { return Json(s.overview); })
                       : methodNotAllowed(m, "GET");
        case Endpoint::Snapshot:
            return get ? e.snapshot([](auto& s) { return Json(s); }) : methodNotAllowed(m, "GET");
        case Endpoint::Capabilities:
            return get ? e.capabilities() : methodNotAllowed(m, "GET");
        case Endpoint::Destinations:
            return get ? e.destinations(route)
                       : (m == "POST" ? e.declare(request) : methodNotAllowed(m, "GET, POST"));
        case Endpoint::Destination:
            return get ? e.destination(route)
                       : (m == "DELETE" ? e.status(e.source.remove(route.id))
                                        : methodNotAllowed(m, "GET, DELETE"));
        case Endpoint::DestinationMessages:
            return get ? e.messages(route) : methodNotAllowed(m, "GET");
        case Endpoint::DestinationPurge:
            return m == "POST" ? e.purge(route) : methodNotAllowed(m, "POST");
        case Endpoint::DestinationRedrive:
            return m == "POST" ? e.redrive(route, request) : methodNotAllowed(m, "POST");
        case Endpoint::Bindings:
            if (get) {
                return e.snapshot([](auto& s) { return Json(s.bindings); });
            }
            return m == "POST"     ? e.binding(request, true)
                   : m == "DELETE" ? e.binding(request, false)
                                   : methodNotAllowed(m, "GET, POST, DELETE");
        case Endpoint::Clients:
            return get ? e.snapshot([](auto& s) { return Json(s.clients); })
                       : methodNotAllowed(m, "GET");
        case Endpoint::Client:
            return m == "DELETE" ? e.status(e.source.disconnectClient(route.id))
                                 : methodNotAllowed(m, "DELETE");
        case Endpoint::Publish:
            return m == "POST" ? e.publish(request) : methodNotAllowed(m, "POST");
        case Endpoint::Events:
            return failure(426, "upgrade_required", "/api/v1/events is a WebSocket");
        case Endpoint::LiveMessages:
            return failure(426, "upgrade_required", "/api/v1/messages/live is a WebSocket");
        case Endpoint::Metrics:
            return get ? e.metrics() : methodNotAllowed(m, "GET");
    }
    return failure(404, "not_found", "no such resource");
}

}  // namespace

ApiHandler::ApiHandler(observe::BrokerSource& source, CountersProvider counters)
    : source_(source), counters_(std::move(counters)) {}

ApiResponse ApiHandler::handle(const ApiRequest& request) const {
    auto route = matchRoute(request.target);
    if (!route) {
        return failure(route.error());
    }
    const bool hasId = route->endpoint == Endpoint::Destination ||
                       route->endpoint == Endpoint::Client ||
                       route->endpoint == Endpoint::DestinationMessages ||
                       route->endpoint == Endpoint::DestinationPurge ||
                       route->endpoint == Endpoint::DestinationRedrive;
    if (hasId && route->id.empty()) {
        return failure(404, "not_found", "an id is required in the path");
    }
    return dispatch(Endpoints{source_, counters_}, *route, request);
}

}  // namespace sbx::management
