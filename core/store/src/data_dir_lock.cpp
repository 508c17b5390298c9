#include "data_dir_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace sbx::store {

namespace {

constexpr const char* kLockFileName = "broker.lock";

}  // namespace

Result<DataDirLock> DataDirLock::acquire(const std::filesystem::path& dataDir) {
    const auto lockPath = dataDir / kLockFileName;
    const int fd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) {
        return Error{ErrorCode::IoError,
                     "cannot create " + lockPath.string() + ": " + std::strerror(errno)};
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int error = errno;
        ::close(fd);
        if (error == EWOULDBLOCK) {
            return Error{ErrorCode::AlreadyExists,
                         "another broker is using " + dataDir.string() +
                             "; stop it or give this one another data dir"};
        }
        return Error{ErrorCode::IoError,
                     "cannot lock " + lockPath.string() + ": " + std::strerror(error)};
    }
    return DataDirLock(fd);
}

DataDirLock::DataDirLock(DataDirLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

DataDirLock& DataDirLock::operator=(DataDirLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) {
            ::close(fd_);
        }
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

DataDirLock::~DataDirLock() {
    if (fd_ >= 0) {
        ::close(fd_);  // closing the last descriptor releases the flock
    }
}

}  // namespace sbx::store
