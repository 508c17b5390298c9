#pragma once

#include <functional>
#include <string>

#include "prometheus.h"
#include "sbx/observe/broker_source.h"

namespace sbx::management {

struct ApiRequest {
    std::string method;  // "GET", "POST", "DELETE", ...
    std::string target;  // path and query, as sent
    std::string body;
};

struct ApiResponse {
    unsigned status = 200;
    std::string contentType = "application/json";
    std::string body;
    std::string allow;  // the Allow header of a 405
};

// The REST API over one BrokerSource, without sockets: one request in, one response
// out. Calls the source synchronously, so the server runs it on its worker pool.
// Thread-safe as far as the source is.
class ApiHandler {
public:
    using CountersProvider = std::function<ManagementCounters()>;

    ApiHandler(observe::BrokerSource& source, CountersProvider counters);

    ApiResponse handle(const ApiRequest& request) const;

private:
    observe::BrokerSource& source_;
    CountersProvider counters_;
};

// Peek answers at most this many messages, whatever `count` asks for.
inline constexpr std::size_t kMaxPeekCount = 10000;

}  // namespace sbx::management
