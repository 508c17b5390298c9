#pragma once

#include <sqlite3.h>

#include "sbx/common/result.h"

namespace sbx::store {

// The schema version this build writes; version_info holds the file's.
inline constexpr int kSchemaVersion = 1;

// Brings the file's schema to kSchemaVersion one step at a time, each step in its own
// transaction, so an interrupted upgrade resumes where it stopped. Refuses files written
// by a newer Signalbox rather than guessing at their layout.
[[nodiscard]] Status upgradeSchema(sqlite3* db);

}  // namespace sbx::store
