#pragma once

#include <memory>
#include <string>
#include <vector>

#include "sbx/common/result.h"
#include "sbx/connect/connection_profile.h"
#include "sbx/observe/broker_source.h"

namespace sbx::connect {

// Bumped whenever Connector, ConnectorInfo, ConnectionProfile or observe::BrokerSource
// change in a way a compiled plugin would notice; the registry refuses other versions.
inline constexpr int kConnectorApiVersion = 1;

// One setting a profile of this connector carries, so the studio can build its form.
struct ProfileField {
    enum class Kind { Text, Number, Bool, File, Choice };
    std::string key;  // key in ConnectionProfile::options
    std::string label;
    Kind kind = Kind::Text;
    std::string defaultValue;
    std::vector<std::string> choices;  // Kind::Choice
    std::string help;
};

struct ConnectorInfo {
    std::string id;           // "rabbitmq", "mqtt", "nats", "redis": ConnectionProfile::connector
    std::string displayName;  // "RabbitMQ"
    std::string version;      // the plugin's own version
    std::string description;
    std::uint16_t defaultPort = 0;
    bool usesUsername = true;  // the form shows user name / password fields
    bool usesPassword = true;
    std::vector<ProfileField> fields;  // connector-specific options
    // What sources of this connector can do at most (a source may report less).
    observe::Capabilities capabilities;
};

// A kind of broker Signalbox can watch. A plugin shared library makes one Connector; the
// studio and `sbx watch` open sessions with it. open() blocks for at most the profile's
// timeout and fails with a reason a user understands, classified by ErrorCode:
// Unavailable (DNS, refused, unreachable), Timeout, TlsError, Unauthenticated (wrong
// password), PermissionDenied (user lacks rights), others for everything else.
class Connector {
public:
    virtual ~Connector() = default;

    [[nodiscard]] virtual ConnectorInfo info() const = 0;

    virtual Result<std::unique_ptr<observe::BrokerSource>> open(const ConnectionProfile& profile,
                                                                const Credentials& credentials) = 0;
};

}  // namespace sbx::connect

// Every plugin library exports these three C functions (use SBX_DEFINE_CONNECTOR_PLUGIN).
// The registry checks the version before it calls anything else.
#define SBX_CONNECTOR_EXPORT extern "C" __attribute__((visibility("default")))

#define SBX_DEFINE_CONNECTOR_PLUGIN(ConnectorClass)                                         \
    SBX_CONNECTOR_EXPORT int sbx_connector_api_version() {                                  \
        return ::sbx::connect::kConnectorApiVersion;                                        \
    }                                                                                       \
    SBX_CONNECTOR_EXPORT ::sbx::connect::Connector* sbx_connector_create() {                \
        try {                                                                               \
            return new ConnectorClass();                                                    \
        } catch (...) {                                                                     \
            return nullptr;                                                                 \
        }                                                                                   \
    }                                                                                       \
    SBX_CONNECTOR_EXPORT void sbx_connector_destroy(::sbx::connect::Connector* connector) { \
        delete connector;                                                                   \
    }
