// Publish and the administrative commands: AMQP for publishing (with confirms), the
// management API for the rest.
#include <charconv>

#include "amqp_fields.h"
#include "rabbitmq_source.h"

namespace sbx::rabbitmq {

namespace {

using nlohmann::json;

// Typed-in argument values: integers as numbers, true/false as booleans.
json argumentsJson(const std::vector<observe::Field>& fields) {
    json out = json::object();
    for (const auto& field : fields) {
        std::int64_t number = 0;
        const auto* end = field.value.data() + field.value.size();
        auto [ptr, error] = std::from_chars(field.value.data(), end, number);
        if (!field.value.empty() && error == std::errc{} && ptr == end) {
            out[field.name] = number;
        } else if (field.value == "true" || field.value == "false") {
            out[field.name] = field.value == "true";
        } else {
            out[field.name] = field.value;
        }
    }
    return out;
}

std::string describe(const DestinationRef& ref) {
    return std::string(ref.exchange ? "exchange '" : "queue '") + ref.name + "' in vhost '" +
           ref.vhost + "'";
}

// "/api/bindings/{vhost}/e/{source}/q|e/{destination}"
std::string bindingPath(const std::string& vhost, const std::string& source,
                        const DestinationRef& destination) {
    return "/api/bindings/" + connect::encodePathSegment(vhost) + "/e/" +
           connect::encodePathSegment(source) + (destination.exchange ? "/e/" : "/q/") +
           connect::encodePathSegment(destination.name);
}

}  // namespace

Status RabbitMqSource::publish(const observe::PublishRequest& request) {
    if (request.protocol != "amqp") {
        return Error{ErrorCode::Unsupported,
                     "the RabbitMQ connector publishes over AMQP only, not " + request.protocol};
    }
    auto properties = parseAmqpProperties(request.properties, request.headers);
    if (!properties) {
        return properties.error();
    }
    const std::lock_guard lock(amqpMutex_);
    auto amqp = amqpFor(request.vhost);
    if (!amqp) {
        return amqp.error();
    }
    auto sent = (*amqp)->publishConfirmed(request.exchange, request.routingKey, *properties,
                                          request.payload);
    if (!sent) {
        return Error{sent.error().code, "publish to exchange '" + request.exchange +
                                            "' in vhost '" + request.vhost +
                                            "': " + sent.error().message};
    }
    return {};
}

Result<std::uint64_t> RabbitMqSource::purge(std::string_view destinationId) {
    auto ref = resolveQueue(destinationId, "purge");
    if (!ref) {
        return ref.error();
    }
    // The count is RabbitMQ's last statistics sample, taken just before the purge.
    auto before = api_.get(apiPath("queues", ref->vhost, ref->name) + "?columns=messages_ready",
                           describe(*ref));
    if (!before) {
        return before.error();
    }
    auto purged = api_.send("DELETE", apiPath("queues", ref->vhost, ref->name) + "/contents",
                            nullptr, describe(*ref));
    if (!purged) {
        return purged.error();
    }
    return before->value("messages_ready", std::uint64_t{0});
}

Status RabbitMqSource::remove(std::string_view destinationId) {
    auto ref = resolve(destinationId);
    if (!ref) {
        return ref.error();
    }
    if (ref->exchange && (ref->name.empty() || ref->name.starts_with("amq."))) {
        return Error{ErrorCode::PermissionDenied,
                     "RabbitMQ does not allow deleting the built-in " + describe(*ref)};
    }
    auto done =
        api_.send("DELETE", apiPath(ref->exchange ? "exchanges" : "queues", ref->vhost, ref->name),
                  nullptr, describe(*ref));
    if (!done) {
        return done.error();
    }
    return {};
}

Status RabbitMqSource::declare(const observe::DeclareRequest& request) {
    json body = {{"durable", request.durable},
                 {"auto_delete", request.autoDelete},
                 {"arguments", argumentsJson(request.arguments)}};
    std::string path;
    if (request.kind == observe::DestinationKind::Exchange) {
        body["type"] = request.type.empty() ? "direct" : request.type;
        body["internal"] = false;
        path = apiPath("exchanges", request.vhost, request.name);
    } else if (request.kind == observe::DestinationKind::Queue ||
               request.kind == observe::DestinationKind::Stream) {
        if (request.kind == observe::DestinationKind::Stream) {
            body["arguments"]["x-queue-type"] = "stream";
            body["durable"] = true;  // RabbitMQ streams are always durable
        }
        path = apiPath("queues", request.vhost, request.name);
    } else {
        return Error{ErrorCode::InvalidArgument, "RabbitMQ declares exchanges, queues and streams"};
    }
    if (request.name.empty()) {
        return Error{ErrorCode::InvalidArgument,
                     "a name is needed to declare through the management API"};
    }
    auto done = api_.send("PUT", path, body);
    if (!done) {
        return done.error();
    }
    return {};
}

Status RabbitMqSource::bind(const observe::BindRequest& request) {
    auto destination = resolve(request.destinationId);
    if (!destination) {
        return destination.error();
    }
    json body = {{"routing_key", request.routingKey},
                 {"arguments", argumentsJson(request.arguments)}};
    auto done = api_.send("POST", bindingPath(request.vhost, request.source, *destination), body,
                          "exchange '" + request.source + "' or " + describe(*destination));
    if (!done) {
        return done.error();
    }
    return {};
}

Status RabbitMqSource::unbind(const observe::BindRequest& request) {
    auto destination = resolve(request.destinationId);
    if (!destination) {
        return destination.error();
    }
    const auto path = bindingPath(request.vhost, request.source, *destination);
    auto existing =
        api_.get(path, "exchange '" + request.source + "' or " + describe(*destination));
    if (!existing) {
        return existing.error();
    }
    const auto wanted = argumentsJson(request.arguments);
    for (const auto& binding : *existing) {
        if (binding.value("routing_key", std::string()) != request.routingKey) {
            continue;
        }
        const auto arguments = binding.value("arguments", json::object());
        if (!request.arguments.empty() && arguments != wanted) {
            continue;
        }
        auto done = api_.send(
            "DELETE",
            path + "/" + connect::encodePathSegment(binding.value("properties_key", std::string())),
            nullptr);
        if (!done) {
            return done.error();
        }
        return {};
    }
    return Error{ErrorCode::NotFound, "RabbitMQ has no binding from exchange '" + request.source +
                                          "' to " + describe(*destination) + " with routing key '" +
                                          request.routingKey + "'"};
}

Status RabbitMqSource::disconnectClient(std::string_view clientId) {
    auto done = api_.send("DELETE", "/api/connections/" + connect::encodePathSegment(clientId),
                          nullptr, "connection '" + std::string(clientId) + "'");
    if (!done) {
        return done.error();
    }
    return {};
}

}  // namespace sbx::rabbitmq
