#pragma once

// The plugin shows AMQP fields exactly as the embedded broker does (sbx::amqp_observe_fields).
#include "sbx/amqp/observe_fields.h"

namespace sbx::rabbitmq {

using amqp_fields::amqpProperties;
using amqp_fields::argumentTable;
using amqp_fields::deaths;
using amqp_fields::fieldTable;
using amqp_fields::fieldText;
using amqp_fields::fieldValue;
using amqp_fields::headerTable;
using amqp_fields::isoTime;
using amqp_fields::parseAmqpProperties;
using amqp_fields::parseTimeSeconds;
using amqp_fields::printableOrHex;

}  // namespace sbx::rabbitmq
