#include "sqlite_durable_store.h"

#include <algorithm>
#include <system_error>
#include <utility>

#include "connection_settings.h"
#include "schema.h"

namespace sbx::store {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDatabaseFileName = "broker.sqlite";

Status createDataDir(const fs::path& dataDir) {
    std::error_code ec;
    fs::create_directories(dataDir, ec);
    if (ec) {
        return Error{ErrorCode::IoError,
                     "cannot create the broker data dir " + dataDir.string() + ": " + ec.message()};
    }
    if (!fs::is_directory(dataDir, ec)) {
        return Error{ErrorCode::InvalidArgument,
                     "the broker data dir " + dataDir.string() + " is not a folder"};
    }
    return {};
}

Result<BatchWriter> openWriter(const fs::path& file, Durability durability) {
    auto db = openDatabase(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
    if (!db) {
        return db.error();
    }
    if (auto status = configureWriteConnection(db->get(), durability, file); !status) {
        return status.error();
    }
    if (auto status = upgradeSchema(db->get()); !status) {
        return status.error();
    }
    return BatchWriter::create(std::move(db).value());
}

}  // namespace

Result<std::unique_ptr<DurableStore>> DurableStore::open(const fs::path& dataDir,
                                                         const Options& options) {
    if (auto status = createDataDir(dataDir); !status) {
        return status.error();
    }
    auto lock = DataDirLock::acquire(dataDir);
    if (!lock) {
        return lock.error();
    }
    const auto file = dataDir / kDatabaseFileName;
    auto writer = openWriter(file, options.durability);
    if (!writer) {
        return writer.error();
    }
    // Opened after the writer so the schema (and the WAL) already exist.
    auto reader = StoreReader::open(file);
    if (!reader) {
        return reader.error();
    }
    try {
        return std::unique_ptr<DurableStore>(
            std::make_unique<SqliteDurableStore>(std::move(lock).value(), std::move(writer).value(),
                                                 std::move(reader).value(), options));
    } catch (const std::system_error& e) {
        return Error{ErrorCode::Internal,
                     std::string("cannot start the store's writer: ") + e.what()};
    }
}

SqliteDurableStore::SqliteDurableStore(DataDirLock lock, BatchWriter writer, StoreReader reader,
                                       const Options& options)
    : lock_(std::move(lock)),
      writer_(std::move(writer)),
      reader_(std::move(reader)),
      durability_(options.durability),
      queue_(WriteQueue::Limits{options.maxBatchSize,
                                std::chrono::microseconds(options.maxBatchDelayMicros)}),
      writerThread_([this] { runWriter(); }) {}

SqliteDurableStore::~SqliteDurableStore() {
    // The writer commits whatever is still queued and runs its completions first.
    queue_.stop();
    writerThread_.join();
}

void SqliteDurableStore::runWriter() {
    std::vector<WriteOp> batch;
    while (queue_.takeBatch(batch)) {
        const auto live = static_cast<std::size_t>(
            std::count_if(batch.begin(), batch.end(),
                          [](const WriteOp& op) { return op.kind != WriteKind::Cancelled; }));
        // A window whose writes all cancelled out needs no transaction (and no fsync).
        Status status;
        if (live > 0) {
            status = writer_.apply(batch);
            stats_.recordBatch(live, status.ok());
        }
        // Only now, after COMMIT returned, may anyone learn the writes are durable.
        for (auto& op : batch) {
            if (op.done) {
                op.done(status);
            }
        }
        queue_.finishBatch(batch.size(), status);
        batch.clear();
    }
}

void SqliteDurableStore::putRecord(std::string ns, std::string key, std::string value,
                                   Completion done) {
    queue_.push(WriteOp{WriteKind::PutRecord, std::move(ns), std::move(key), 0, std::move(value),
                        std::move(done)});
}

void SqliteDurableStore::eraseRecord(std::string ns, std::string key, Completion done) {
    queue_.push(
        WriteOp{WriteKind::EraseRecord, std::move(ns), std::move(key), 0, {}, std::move(done)});
}

void SqliteDurableStore::appendMessage(std::string queue, std::uint64_t sequence, std::string blob,
                                       Completion done) {
    queue_.push(WriteOp{WriteKind::AppendMessage,
                        std::move(queue),
                        {},
                        sequence,
                        std::move(blob),
                        std::move(done)});
}

void SqliteDurableStore::removeMessage(std::string queue, std::uint64_t sequence, Completion done) {
    if (auto appendDone = queue_.cancelAppend(queue, sequence)) {
        stats_.recordCancelledAppend();
        // Neither write reaches the disk, and nothing is left to wait for.
        if (*appendDone) {
            (*appendDone)(Status{});
        }
        if (done) {
            done(Status{});
        }
        return;
    }
    queue_.push(
        WriteOp{WriteKind::RemoveMessage, std::move(queue), {}, sequence, {}, std::move(done)});
}

void SqliteDurableStore::dropQueue(std::string queue, Completion done) {
    queue_.push(WriteOp{WriteKind::DropQueue, std::move(queue), {}, 0, {}, std::move(done)});
}

Status SqliteDurableStore::flush() {
    if (std::this_thread::get_id() == writerThread_.get_id()) {
        // The writer would wait for the batch it is running.
        return Error{ErrorCode::InvalidArgument,
                     "DurableStore::flush() called from a completion would wait for itself"};
    }
    return queue_.flush();
}

Result<std::vector<Record>> SqliteDurableStore::loadRecords(const std::string& ns) {
    return reader_.records(ns);
}

Result<std::vector<StoredMessage>> SqliteDurableStore::loadMessages(const std::string& queue) {
    return reader_.messages(queue);
}

Result<std::vector<std::string>> SqliteDurableStore::listQueues() {
    return reader_.queues();
}

}  // namespace sbx::store
