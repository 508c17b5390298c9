#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sbx/bench/benchmark_options.h"

namespace sbx::bench {

// Who publishes where and who hears whom, from the options alone, so a subscriber
// knows in advance how many messages it should receive.
[[nodiscard]] std::string publisherTopic(const MqttBenchmarkOptions& options,
                                         std::uint32_t publisher);
[[nodiscard]] std::vector<std::uint32_t> publishersHeardBy(const MqttBenchmarkOptions& options,
                                                           std::uint32_t subscriber);

}  // namespace sbx::bench
