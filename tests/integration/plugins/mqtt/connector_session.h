#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "sbx/connect/plugin_registry.h"
#include "sbx/observe/broker_source.h"

namespace sbx::test {

// The MQTT plugin as the studio loads it: from the build's plugins folder, through the
// PluginRegistry (so sources come wrapped in IsolatedSource).
connect::PluginRegistry& registry();

Result<std::unique_ptr<observe::BrokerSource>> openMqtt(const connect::ConnectionProfile& profile,
                                                        const std::string& password = {});

// Snapshots until `done` holds for one (or the timeout passes); the last snapshot.
observe::BrokerSnapshot snapshotUntil(
    observe::BrokerSource& source, const std::function<bool(const observe::BrokerSnapshot&)>& done,
    std::chrono::milliseconds timeout = std::chrono::seconds(10));

const observe::Destination* findDestination(const observe::BrokerSnapshot& snapshot,
                                            const std::string& id);
std::optional<std::string> field(const std::vector<observe::Field>& fields,
                                 const std::string& name);

}  // namespace sbx::test
