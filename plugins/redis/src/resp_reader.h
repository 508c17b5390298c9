#pragma once

#include <chrono>
#include <string>

#include "resp_value.h"
#include "sbx/common/result.h"
#include "sbx/connect/network_stream.h"

namespace sbx::redis {

// Reads RESP replies from a stream with its own buffer, so that thousands of pipelined
// replies parse in one pass (no re-scanning, no erase per line).
class RespReader {
public:
    explicit RespReader(connect::NetworkStream& stream) : stream_(stream) {}

    // One whole reply; Timeout when it did not arrive within `timeout`.
    Result<RespValue> read(std::chrono::milliseconds timeout);

private:
    Status need(std::size_t bytes);
    Result<std::string> line();
    Result<RespValue> value(int depth);
    Result<RespValue> aggregate(RespValue::Type type, std::int64_t count, bool pairs, int depth);

    connect::NetworkStream& stream_;
    std::string buffer_;
    std::size_t pos_ = 0;
    std::chrono::steady_clock::time_point deadline_{};
    std::chrono::milliseconds timeout_{0};
};

}  // namespace sbx::redis
