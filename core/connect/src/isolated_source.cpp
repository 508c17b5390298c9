#include "sbx/connect/isolated_source.h"

#include <exception>
#include <type_traits>

namespace sbx::connect {

IsolatedSource::IsolatedSource(std::unique_ptr<observe::BrokerSource> inner, std::string pluginName,
                               std::shared_ptr<void> keepAlive)
    : inner_(std::move(inner)),
      pluginName_(std::move(pluginName)),
      keepAlive_(std::move(keepAlive)) {}

// The source's code lives in the library: destroy it before releasing the library.
IsolatedSource::~IsolatedSource() {
    try {
        inner_.reset();
    } catch (...) {  // NOLINT(bugprone-empty-catch): a destructor must not throw on
    }
}

template <typename Call>
auto IsolatedSource::guarded(const char* what, Call&& call) -> decltype(call()) {
    using Returned = decltype(call());
    auto failure = [&](const std::string& reason) -> Returned {
        Error error{ErrorCode::Internal,
                    "the " + pluginName_ + " plugin failed in " + what + ": " + reason};
        if constexpr (std::is_constructible_v<Returned, Error>) {
            return Returned(std::move(error));
        } else {
            return Returned{};
        }
    };
    try {
        return call();
    } catch (const std::exception& e) {
        return failure(e.what());
    } catch (...) {
        return failure("unknown exception");
    }
}

std::string IsolatedSource::name() const {
    try {
        return inner_->name();
    } catch (...) {
        return pluginName_;
    }
}

observe::Capabilities IsolatedSource::capabilities() const {
    try {
        return inner_->capabilities();
    } catch (...) {
        return {};
    }
}

Result<observe::BrokerSnapshot> IsolatedSource::snapshot() {
    return guarded("snapshot", [&] { return inner_->snapshot(); });
}

Result<std::vector<observe::ObservedMessage>> IsolatedSource::peek(
    const observe::PeekRequest& request) {
    return guarded("peek", [&] { return inner_->peek(request); });
}

Status IsolatedSource::publish(const observe::PublishRequest& request) {
    return guarded("publish", [&] { return inner_->publish(request); });
}

Result<std::uint64_t> IsolatedSource::purge(std::string_view destinationId) {
    return guarded("purge", [&] { return inner_->purge(destinationId); });
}

Status IsolatedSource::remove(std::string_view destinationId) {
    return guarded("delete", [&] { return inner_->remove(destinationId); });
}

Status IsolatedSource::declare(const observe::DeclareRequest& request) {
    return guarded("declare", [&] { return inner_->declare(request); });
}

Status IsolatedSource::bind(const observe::BindRequest& request) {
    return guarded("bind", [&] { return inner_->bind(request); });
}

Status IsolatedSource::unbind(const observe::BindRequest& request) {
    return guarded("unbind", [&] { return inner_->unbind(request); });
}

Status IsolatedSource::disconnectClient(std::string_view clientId) {
    return guarded("disconnect", [&] { return inner_->disconnectClient(clientId); });
}

Result<observe::RedriveResult> IsolatedSource::redrive(const observe::RedriveRequest& request) {
    return guarded("redrive", [&] { return inner_->redrive(request); });
}

IsolatedSource::ListenerId IsolatedSource::watchHops(HopListener listener) {
    return guarded("watch", [&] { return inner_->watchHops(std::move(listener)); });
}

void IsolatedSource::unwatchHops(ListenerId id) {
    guarded("unwatch", [&] { inner_->unwatchHops(id); });
}

Result<IsolatedSource::ListenerId> IsolatedSource::watchMessages(const observe::MessageWatch& watch,
                                                                 MessageListener listener) {
    return guarded("watch messages",
                   [&] { return inner_->watchMessages(watch, std::move(listener)); });
}

void IsolatedSource::unwatchMessages(ListenerId id) {
    guarded("unwatch messages", [&] { inner_->unwatchMessages(id); });
}

}  // namespace sbx::connect
