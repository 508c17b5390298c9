#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "sbx/common/result.h"

namespace sbx::management {

struct HttpReply {
    unsigned status = 0;
    std::string body;
};

struct HttpTarget {
    std::string host;
    std::uint16_t port = 0;
    std::chrono::milliseconds timeout{5000};

    [[nodiscard]] std::string describe() const { return host + ":" + std::to_string(port); }
};

// One synchronous request on its own connection, bounded by `target.timeout` as a whole
// (resolve, connect, write and read). Failures to talk at all are IoError with the
// reason people need: "cannot reach 10.0.0.5:15672: connection refused".
Result<HttpReply> httpRequest(const HttpTarget& target, std::string_view method,
                              std::string_view path, std::string_view body = {});

}  // namespace sbx::management
