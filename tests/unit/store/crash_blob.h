#pragma once

#include <cstdint>
#include <string>

namespace sbx::store::test {

// The queue the crash writer appends to, and the blob it stores for each sequence, so
// the test can check not only that a message survived but that it survived intact.
inline constexpr const char* kCrashQueue = "crash";

inline std::string crashBlob(std::uint64_t sequence) {
    std::string blob = "message " + std::to_string(sequence) + ":";
    while (blob.size() < 200) {
        blob += static_cast<char>('a' + (sequence + blob.size()) % 26);
    }
    return blob;
}

}  // namespace sbx::store::test
