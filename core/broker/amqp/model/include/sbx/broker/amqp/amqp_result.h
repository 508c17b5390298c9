#pragma once

#include "sbx/broker/amqp/reply_code.h"
#include "sbx/common/result.h"

namespace sbx::broker::amqp {

// sbx::Result with an AmqpError, which keeps the AMQP reply code the connection layer
// must send; AmqpError::toError() converts for callers that only want the house error.
template <typename T>
using AmqpResult = sbx::Result<T, AmqpError>;

using AmqpStatus = AmqpResult<void>;

}  // namespace sbx::broker::amqp
