#include "rabbitmq_source.h"

#include <utility>

#include "snapshot_mapping.h"

namespace sbx::rabbitmq {

std::string apiPath(std::string_view collection, std::string_view vhost, std::string_view name) {
    std::string path = "/api/" + std::string(collection) + "/" + connect::encodePathSegment(vhost);
    if (!name.empty()) {
        path += "/" + connect::encodePathSegment(name);
    }
    return path;
}

Error amqpError(const Error& error, const AmqpClient::Options& options) {
    if (error.code == ErrorCode::Unavailable || error.code == ErrorCode::Timeout ||
        error.code == ErrorCode::TlsError) {
        return {error.code,
                "AMQP connection to RabbitMQ at " + options.host + ":" +
                    std::to_string(options.port) +
                    " (used to publish, read streams and redrive) failed: " + error.message};
    }
    return error;
}

RabbitMqSource::RabbitMqSource(SourceSettings settings)
    : settings_(std::move(settings)), api_(settings_.management) {}

RabbitMqSource::~RabbitMqSource() {
    const std::lock_guard lock(amqpMutex_);
    amqp_.reset();
}

observe::Capabilities RabbitMqSource::supported() {
    observe::Capabilities c;
    using observe::Capability;
    for (auto capability :
         {Capability::Peek, Capability::Publish, Capability::Purge, Capability::Delete,
          Capability::Declare, Capability::Bind, Capability::DisconnectClient, Capability::Redrive,
          Capability::Streams}) {
        c.add(capability);
    }
    return c;
}

std::string RabbitMqSource::name() const {
    return settings_.name;
}

observe::Capabilities RabbitMqSource::capabilities() const {
    return supported();
}

Status RabbitMqSource::check() {
    auto overview = api_.get("/api/overview?columns=rabbitmq_version,product_version");
    if (!overview) {
        return overview.error();
    }
    if (!settings_.vhostFilter.empty()) {
        auto vhost = api_.get(apiPath("vhosts", settings_.vhostFilter) + "?columns=name",
                              "vhost '" + settings_.vhostFilter + "'");
        if (!vhost) {
            return vhost.error();
        }
    }
    return {};
}

Result<observe::BrokerSnapshot> RabbitMqSource::snapshot() {
    ManagementAnswers answers;
    const auto& vhost = settings_.vhostFilter;
    const auto scoped = [&](std::string_view collection) {
        return vhost.empty() ? "/api/" + std::string(collection) : apiPath(collection, vhost);
    };
    struct Request {
        std::string target;
        nlohmann::json* into;
    };
    const std::vector<Request> requests{
        {"/api/overview", &answers.overview},
        {vhost.empty() ? "/api/vhosts?columns=name" : apiPath("vhosts", vhost) + "?columns=name",
         &answers.vhosts},
        {scoped("exchanges") + "?columns=" + kExchangeColumns, &answers.exchanges},
        {scoped("queues") + "?columns=" + kQueueColumns, &answers.queues},
        {scoped("bindings"), &answers.bindings},
        {(vhost.empty() ? std::string("/api/connections")
                        : apiPath("vhosts", vhost) + "/connections") +
             "?columns=" + kConnectionColumns,
         &answers.connections},
        {(vhost.empty() ? std::string("/api/channels") : apiPath("vhosts", vhost) + "/channels") +
             "?columns=" + kChannelColumns,
         &answers.channels},
        {scoped("consumers"), &answers.consumers},
    };
    for (const auto& request : requests) {
        auto answer = api_.get(request.target);
        if (!answer) {
            return answer.error();
        }
        *request.into = std::move(*answer);
    }
    if (answers.vhosts.is_object()) {  // one vhost asked for by name
        answers.vhosts = nlohmann::json::array({answers.vhosts});
    }
    // Uptime needs the 'monitoring' tag; without it the snapshot simply has none.
    if (auto nodes = api_.get("/api/nodes?columns=name,uptime")) {
        answers.nodes = std::move(*nodes);
    }
    auto snapshot = mapSnapshot(answers, settings_.name);
    {
        const std::lock_guard lock(vhostMutex_);
        vhosts_ = snapshot.overview.vhosts;
    }
    return snapshot;
}

std::vector<std::string> RabbitMqSource::knownVhosts() {
    {
        const std::lock_guard lock(vhostMutex_);
        if (!vhosts_.empty()) {
            return vhosts_;
        }
    }
    std::vector<std::string> names;
    if (auto vhosts = api_.get("/api/vhosts?columns=name"); vhosts && vhosts->is_array()) {
        for (const auto& vhost : *vhosts) {
            names.push_back(vhost.value("name", std::string()));
        }
    }
    const std::lock_guard lock(vhostMutex_);
    vhosts_ = names;
    return names;
}

Result<DestinationRef> RabbitMqSource::resolve(std::string_view destinationId) {
    return parseDestinationId(destinationId, knownVhosts());
}

Result<DestinationRef> RabbitMqSource::resolveQueue(std::string_view destinationId,
                                                    std::string_view verb) {
    auto ref = resolve(destinationId);
    if (!ref) {
        return ref.error();
    }
    if (ref->exchange) {
        return Error{ErrorCode::InvalidArgument,
                     "cannot " + std::string(verb) + " exchange '" + ref->name +
                         "': exchanges hold no messages in RabbitMQ; use a queue bound to it"};
    }
    return ref;
}

Result<AmqpClient*> RabbitMqSource::amqpFor(const std::string& vhost) {
    if (amqp_ && amqp_->usable() && amqp_->vhost() == vhost) {
        return amqp_.get();
    }
    amqp_.reset();
    auto options = settings_.amqp;
    options.vhost = vhost;
    auto client = AmqpClient::connect(options);
    if (!client) {
        return amqpError(client.error(), options);
    }
    amqp_ = std::move(*client);
    return amqp_.get();
}

RabbitMqSource::ListenerId RabbitMqSource::watchHops(HopListener /*listener*/) {
    return 0;  // RabbitMQ's firehose tracer is not used: no hop events
}

void RabbitMqSource::unwatchHops(ListenerId /*id*/) {}

}  // namespace sbx::rabbitmq
