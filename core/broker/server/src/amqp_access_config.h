#pragma once

#include <nlohmann/json.hpp>

#include "sbx/broker/broker_config.h"
#include "sbx/common/result.h"

namespace sbx::broker {

// The config file's "amqp" object: {"users": [...], "vhosts": [...], "permissions": [...]}
// (docs/broker.md). Unknown keys are errors, like everywhere in the config.
Status parseAmqpAccess(const nlohmann::json& json, AmqpAccessConfig& into);

}  // namespace sbx::broker
