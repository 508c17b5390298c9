// sbx_store_crash_writer DIR: appends messages to a Synced store in DIR forever and
// prints each acknowledged sequence (one line, flushed) from its completion. The crash
// test kill -9s it and checks that every printed sequence is on disk.
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <semaphore>

#include "crash_blob.h"
#include "sbx/store/durable_store.h"

namespace {

// Writes in flight at once, like a broker's receive window: enough for group commit,
// bounded so memory does not grow while the writer waits for fsync.
constexpr std::ptrdiff_t kWindow = 256;

std::uint64_t nextSequence(sbx::store::DurableStore& store) {
    auto existing = store.loadMessages(sbx::store::test::kCrashQueue);
    if (!existing || existing->empty()) {
        return 1;
    }
    return existing->back().sequence + 1;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: sbx_store_crash_writer DATA_DIR\n");
        return 2;
    }
    auto store =
        sbx::store::DurableStore::open(argv[1], {.durability = sbx::store::Durability::Synced});
    if (!store) {
        std::fprintf(stderr, "%s\n", store.error().describe().c_str());
        return 1;
    }
    std::counting_semaphore<kWindow> window(kWindow);
    for (std::uint64_t sequence = nextSequence(**store);; ++sequence) {
        window.acquire();
        (*store)->appendMessage(
            sbx::store::test::kCrashQueue, sequence, sbx::store::test::crashBlob(sequence),
            [&window, sequence](const sbx::Status& status) {
                if (!status) {
                    std::fprintf(stderr, "%s\n", status.error().describe().c_str());
                    std::_Exit(1);
                }
                std::printf("%" PRIu64 "\n", sequence);
                std::fflush(stdout);
                window.release();
            });
    }
}
