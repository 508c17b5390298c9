#pragma once

#include <chrono>
#include <cstdint>

namespace sbx::test {

// A TCP port on 127.0.0.1 that was free a moment ago (bound to port 0, then released).
std::uint16_t freeLocalPort();

// True once something accepts TCP connections on 127.0.0.1:port, false after `timeout`.
bool waitForListener(std::uint16_t port, std::chrono::milliseconds timeout);

}  // namespace sbx::test
