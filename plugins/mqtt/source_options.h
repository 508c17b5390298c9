#pragma once

#include <string>

#include "mqtt_client.h"
#include "sbx/common/result.h"
#include "sbx/connect/connection_profile.h"

namespace sbx::mqtt_connector {

// A profile's settings as the source uses them. Options (ProfileField keys):
//   protocol_version  "5" (default) or "3.1.1"
//   discovery_filter  the filter subscribed to find topics, default "#"
//   client_id         default "signalbox-<random>"
//   sys_topics        "on" (default) / "off": also subscribe to $SYS/# for broker statistics
struct SourceOptions {
    std::string name;  // the profile's, for the overview
    ClientOptions client;
    std::string discoveryFilter = "#";
    bool sysTopics = true;
};

inline constexpr std::uint16_t kDefaultPort = 1883;
inline constexpr std::uint16_t kDefaultTlsPort = 8883;

Result<SourceOptions> sourceOptions(const connect::ConnectionProfile& profile,
                                    const connect::Credentials& credentials);

}  // namespace sbx::mqtt_connector
