#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sbx/common/result.h"

namespace sbx::rabbitmq {

// A queue or exchange named by a Destination::id ("queue:<vhost>/<name>",
// "exchange:<vhost>/<name>"; "stream:" is taken as a queue too).
struct DestinationRef {
    bool exchange = false;
    std::string vhost;
    std::string name;
};

// Vhost names may contain '/', so the id is split after the longest known vhost it starts
// with; without a match, at the first '/' after an initial "/" vhost ("queue://q").
Result<DestinationRef> parseDestinationId(std::string_view id,
                                          const std::vector<std::string>& knownVhosts);

[[nodiscard]] std::string queueId(std::string_view vhost, std::string_view name);
[[nodiscard]] std::string exchangeId(std::string_view vhost, std::string_view name);

}  // namespace sbx::rabbitmq
