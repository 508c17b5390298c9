#pragma once

#include <chrono>
#include <filesystem>

#include "sqlite_db.h"

namespace sbx::observe {

inline constexpr int kTelemetrySchemaVersion = 1;

// WAL, synchronous=NORMAL, busy timeout: the settings of the writer connection.
[[nodiscard]] Status configureTelemetryConnection(sqlite3* db, const std::filesystem::path& file,
                                                  std::chrono::milliseconds busyTimeout);

// Brings the file to kTelemetrySchemaVersion one step (one transaction) at a time.
[[nodiscard]] Status upgradeTelemetrySchema(sqlite3* db, const std::filesystem::path& file);

}  // namespace sbx::observe
