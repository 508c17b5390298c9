#pragma once

#include <string_view>

#include "nats_settings.h"
#include "sbx/common/error.h"

namespace sbx::nats {

// A server's -ERR text as an error a user understands: "Authorization Violation" is
// Unauthenticated, "Permissions Violation for ..." PermissionDenied.
[[nodiscard]] Error serverError(std::string_view text, const NatsSettings& settings);

// The monitoring port answers nothing: snapshots need it, core publishing does not.
[[nodiscard]] Error monitoringUnreachable(const NatsSettings& settings, const Error& cause);

}  // namespace sbx::nats
