#pragma once

#include <chrono>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "sbx/alerts/alert_rule.h"
#include "sbx/common/result.h"
#include "sbx/observe/broker_snapshot.h"

namespace sbx::alerts {

// One rule holding for one destination (or a whole broker, for Unreachable).
struct Alert {
    std::string ruleId;
    std::string ruleName;
    Condition condition = Condition::DepthAbove;
    std::string broker;
    std::string destinationId;  // empty for Unreachable
    std::string message;        // "orders: 1520 ready messages (above 1000) for 75 s"
    std::uint64_t value = 0;    // the measured depth / lag / count
    std::chrono::system_clock::time_point since{};  // when the condition started to hold
};

struct AlertChange {
    enum class Kind { Fired, Resolved };
    Kind kind = Kind::Fired;
    Alert alert;
};

// Evaluates rules over successive snapshots of several brokers. A condition must hold in
// every snapshot for the rule's duration before its alert fires; it resolves as soon as
// one snapshot shows it no longer holds (or the destination is gone). Not thread-safe.
class AlertEvaluator {
public:
    using Clock = std::chrono::system_clock;

    explicit AlertEvaluator(std::vector<AlertRule> rules = {});

    void setRules(std::vector<AlertRule> rules);
    [[nodiscard]] const std::vector<AlertRule>& rules() const { return rules_; }

    // One broker's state at `now`: a snapshot, or the error that prevented one.
    std::vector<AlertChange> observe(const std::string& broker,
                                     const Result<observe::BrokerSnapshot>& snapshot,
                                     Clock::time_point now);
    // Forget a broker (disconnected on purpose): its alerts resolve.
    std::vector<AlertChange> forget(const std::string& broker);

    [[nodiscard]] std::vector<Alert> firing() const;
    // Firing alerts of one destination, for badges.
    [[nodiscard]] std::vector<Alert> firingFor(const std::string& broker,
                                               const std::string& destinationId) const;

private:
    struct Tracked {
        Alert alert;
        bool fired = false;
        bool seen = false;  // holds in the current observation
    };
    using Key = std::tuple<std::string, std::string, std::string>;  // rule, broker, dest

    void hold(const AlertRule& rule, const std::string& broker, const std::string& destinationId,
              std::uint64_t value, std::string message, Clock::time_point now);

    std::vector<AlertRule> rules_;
    std::map<Key, Tracked> tracked_;
};

}  // namespace sbx::alerts
