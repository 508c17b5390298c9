#include "destination_ref.h"

namespace sbx::rabbitmq {

Result<DestinationRef> parseDestinationId(std::string_view id,
                                          const std::vector<std::string>& knownVhosts) {
    const auto colon = id.find(':');
    if (colon == std::string_view::npos) {
        return Error{ErrorCode::InvalidArgument,
                     "'" + std::string(id) + "' is not a destination id (kind:vhost/name)"};
    }
    const auto kind = id.substr(0, colon);
    const auto rest = id.substr(colon + 1);
    DestinationRef ref;
    if (kind == "exchange") {
        ref.exchange = true;
    } else if (kind != "queue" && kind != "stream") {
        return Error{ErrorCode::InvalidArgument, "RabbitMQ has no '" + std::string(kind) +
                                                     "' destinations ('" + std::string(id) +
                                                     "'): only queues and exchanges"};
    }
    std::size_t best = std::string_view::npos;
    for (const auto& vhost : knownVhosts) {
        if (rest.size() > vhost.size() && rest.starts_with(vhost) && rest[vhost.size()] == '/' &&
            (best == std::string_view::npos || vhost.size() > best)) {
            best = vhost.size();
        }
    }
    if (best == std::string_view::npos) {
        // A vhost not seen yet: "/" for "//name", else up to the first '/'.
        best = rest.starts_with("//") ? 1 : rest.find('/');
        if (best == 0 || best == std::string_view::npos) {
            return Error{ErrorCode::InvalidArgument,
                         "'" + std::string(id) + "' names no vhost (kind:vhost/name)"};
        }
    }
    ref.vhost = std::string(rest.substr(0, best));
    ref.name = std::string(rest.substr(best + 1));
    return ref;
}

std::string queueId(std::string_view vhost, std::string_view name) {
    return "queue:" + std::string(vhost) + "/" + std::string(name);
}

std::string exchangeId(std::string_view vhost, std::string_view name) {
    return "exchange:" + std::string(vhost) + "/" + std::string(name);
}

}  // namespace sbx::rabbitmq
