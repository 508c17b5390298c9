#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "sbx/common/result.h"

namespace sbx::alerts {

enum class Condition {
    DepthAbove,          // ready messages > threshold
    NoConsumers,         // a queue (not a stream or topic) with no consumer
    LagAbove,            // consumer lag > threshold: a consumer group / JetStream consumer's
                         // pending count, or a queue's ready count when it has consumers
    DeadLettersPresent,  // a dead-letter destination is not empty
    Unreachable,         // the broker cannot be reached
};

[[nodiscard]] std::string_view toString(Condition condition);  // "depth_above", ...
[[nodiscard]] Result<Condition> conditionFromString(std::string_view text);

// "Depth of orders.* above 1000 for 60 s on every broker". Kept in the workspace's
// alerts.json, evaluated by the studio and by `sbx watch`.
struct AlertRule {
    std::string id;
    std::string name;
    std::string broker = "*";       // a connection profile id, "embedded", or a glob
    std::string destination = "*";  // glob (* and ?) over destination names and ids
    Condition condition = Condition::DepthAbove;
    std::uint64_t threshold = 0;
    std::chrono::seconds forDuration{0};  // the condition must hold this long
    bool enabled = true;

    bool operator==(const AlertRule&) const = default;
};

// Glob with '*' (any run, also empty) and '?' (one character).
[[nodiscard]] bool globMatch(std::string_view pattern, std::string_view text);

Result<std::vector<AlertRule>> parseRules(std::string_view json);
[[nodiscard]] std::string serializeRules(const std::vector<AlertRule>& rules);

// <workspace>/alerts.json; a missing file is no rules.
[[nodiscard]] std::filesystem::path rulesPath(const std::filesystem::path& workspaceRoot);
Result<std::vector<AlertRule>> loadRules(const std::filesystem::path& workspaceRoot);
Status saveRules(const std::filesystem::path& workspaceRoot, const std::vector<AlertRule>& rules);

}  // namespace sbx::alerts
