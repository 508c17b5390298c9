#pragma once

#include <sqlite3.h>

#include <filesystem>

#include "sbx/common/result.h"
#include "sbx/store/durable_store.h"

namespace sbx::store {

// Puts a fresh write connection into the mode the store's guarantees rely on (WAL, the
// sync level of `durability`, page size, busy timeout). `file` only names it in errors.
[[nodiscard]] Status configureWriteConnection(sqlite3* db, Durability durability,
                                              const std::filesystem::path& file);

// A read connection only needs to wait politely for the writer.
[[nodiscard]] Status configureReadConnection(sqlite3* db);

}  // namespace sbx::store
