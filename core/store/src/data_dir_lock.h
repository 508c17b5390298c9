#pragma once

#include <filesystem>

#include "sbx/common/result.h"

namespace sbx::store {

// An exclusive flock on `<dataDir>/broker.lock`, held for the store's lifetime, so two
// brokers (or two stores in one process) never write one data dir. The kernel drops the
// lock when the holder dies, even on kill -9, so a crash never leaves a stale lock.
class DataDirLock {
public:
    [[nodiscard]] static Result<DataDirLock> acquire(const std::filesystem::path& dataDir);

    DataDirLock(DataDirLock&& other) noexcept;
    DataDirLock& operator=(DataDirLock&& other) noexcept;
    DataDirLock(const DataDirLock&) = delete;
    DataDirLock& operator=(const DataDirLock&) = delete;
    ~DataDirLock();

private:
    explicit DataDirLock(int fd) : fd_(fd) {}

    int fd_ = -1;
};

}  // namespace sbx::store
