#include "connector_session.h"

#include <gtest/gtest.h>

#include <thread>

namespace sbx::test {

connect::PluginRegistry& registry() {
    static connect::PluginRegistry instance;
    static const bool scanned = [] {
        instance.scan({SBX_MQTT_PLUGIN_DIR});
        return true;
    }();
    (void)scanned;
    return instance;
}

Result<std::unique_ptr<observe::BrokerSource>> openMqtt(const connect::ConnectionProfile& profile,
                                                        const std::string& password) {
    return registry().open(profile, connect::Credentials{password});
}

observe::BrokerSnapshot snapshotUntil(
    observe::BrokerSource& source, const std::function<bool(const observe::BrokerSnapshot&)>& done,
    std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    observe::BrokerSnapshot last;
    for (;;) {
        auto snapshot = source.snapshot();
        EXPECT_TRUE(snapshot) << snapshot.error().message;
        if (!snapshot) {
            return last;
        }
        last = std::move(*snapshot);
        if (done(last) || std::chrono::steady_clock::now() > deadline) {
            return last;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

const observe::Destination* findDestination(const observe::BrokerSnapshot& snapshot,
                                            const std::string& id) {
    for (const auto& destination : snapshot.destinations) {
        if (destination.id == id) {
            return &destination;
        }
    }
    return nullptr;
}

std::optional<std::string> field(const std::vector<observe::Field>& fields,
                                 const std::string& name) {
    for (const auto& f : fields) {
        if (f.name == name) {
            return f.value;
        }
    }
    return std::nullopt;
}

}  // namespace sbx::test
