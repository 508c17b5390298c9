#pragma once

#include <cstdint>
#include <string>

#include "sbx/store/durable_store.h"

namespace sbx::store {

// Cancelled: an append whose message was removed before the writer took it (see
// WriteQueue::cancelAppend); it stays in the queue only to keep the ticket count.
enum class WriteKind { PutRecord, EraseRecord, AppendMessage, RemoveMessage, DropQueue, Cancelled };

// One queued write. Strings are moved in from the caller and out to SQLite's bind calls
// without copies; which fields matter depends on `kind`.
struct WriteOp {
    WriteKind kind = WriteKind::PutRecord;
    std::string scope;  // the record namespace or the queue name
    std::string key;    // the record key
    std::uint64_t sequence = 0;
    std::string payload;  // the record value or the message blob
    Completion done;
};

}  // namespace sbx::store
