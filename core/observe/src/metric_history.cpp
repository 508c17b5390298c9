#include "sbx/observe/metric_history.h"

#include <atomic>
#include <cmath>
#include <condition_variable>
#include <limits>
#include <mutex>
#include <optional>
#include <system_error>
#include <thread>
#include <utility>

#include "metric_csv.h"
#include "telemetry_reader.h"
#include "telemetry_writer.h"

namespace sbx::observe {

namespace fs = std::filesystem;

namespace {

// Retention touches every series (a few statements each); once a minute of clock time
// keeps the 1 s tier within a minute of its hour at a sixtieth of the cost.
constexpr std::int64_t kRetentionEveryMs = MetricHistory::kRollupStep.count();

MetricTime systemNow() {
    return std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

std::int64_t millis(MetricTime time) {
    return time.time_since_epoch().count();
}

// Keeps bucket arithmetic (spans, widths) far from int64 overflow for any range a caller
// can pass, including MetricTime::min()/max() as "everything".
bool outsideSaneTime(MetricTime time) {
    constexpr std::int64_t kLimitMs = 1'000'000'000'000'000;
    return millis(time) < -kLimitMs || millis(time) > kLimitMs;
}

Status prepareLocation(const fs::path& file) {
    if (file.empty() || !file.has_filename()) {
        return Error{ErrorCode::InvalidArgument,
                     "the telemetry database path \"" + file.string() + "\" names no file"};
    }
    std::error_code ec;
    if (fs::is_directory(file, ec)) {
        return Error{ErrorCode::InvalidArgument,
                     "the telemetry database " + file.string() + " is a folder, not a file"};
    }
    if (const auto folder = file.parent_path(); !folder.empty()) {
        fs::create_directories(folder, ec);
        if (ec || !fs::is_directory(folder, ec)) {
            return Error{ErrorCode::IoError, "cannot create the folder " + folder.string() +
                                                 " for the telemetry database: " +
                                                 (ec ? ec.message() : "a file is in the way")};
        }
    }
    return {};
}

}  // namespace

class MetricHistory::Impl {
public:
    Impl(TelemetryWriter writer, TelemetryReader reader, Options options)
        : options_(std::move(options)), writer_(std::move(writer)), reader_(std::move(reader)) {
        if (!options_.clock) {
            options_.clock = systemNow;
        }
        writerThread_ = std::thread([this] { runWriter(); });
    }

    ~Impl() {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
        }
        wakeWriter_.notify_all();
        writerThread_.join();
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    void append(const SeriesKey& series, MetricTime time, double value) {
        if (!std::isfinite(value)) {
            dropped_.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        std::lock_guard lock(mutex_);
        if (pending_.size() >= options_.maxPending) {
            dropped_.fetch_add(1, std::memory_order_relaxed);
            return;
        }
        pending_.push_back(Sample{series, millis(time), value});
    }

    Status flush() {
        std::unique_lock lock(mutex_);
        const auto ticket = ++flushRequested_;
        wakeWriter_.notify_one();
        flushDone_.wait(lock, [&] { return flushServed_ >= ticket; });
        if (firstError_) {
            Error error = std::move(*firstError_);
            firstError_.reset();
            return error;
        }
        return {};
    }

    Result<SeriesPoints> query(const SeriesKey& series, MetricTime from, MetricTime to,
                               std::size_t maxPoints) {
        if (maxPoints == 0) {
            return Error{ErrorCode::InvalidArgument, "a metric query needs maxPoints > 0"};
        }
        if (to < from) {
            return Error{ErrorCode::InvalidArgument,
                         "a metric query's range ends before it starts"};
        }
        if (outsideSaneTime(from) || outsideSaneTime(to)) {
            return Error{ErrorCode::InvalidArgument,
                         "a metric query's range lies more than 30,000 years from 1970"};
        }
        // The 1 s tier holds the last hour; a range reaching further back reads minutes.
        const bool recent = from >= options_.clock() - kRawRetention;
        const auto tier = recent ? TelemetryReader::Tier::Seconds : TelemetryReader::Tier::Minutes;
        const std::int64_t step = recent ? kRawStep.count() : kRollupStep.count();
        const std::int64_t origin = bucketStart(millis(from), step);

        std::lock_guard lock(readerMutex_);
        auto id = reader_.seriesId(series);
        if (!id) {
            return id.error();
        }
        if (!id->has_value()) {
            return SeriesPoints{std::chrono::milliseconds(step), {}};
        }
        auto rows = reader_.buckets(tier, **id, origin, millis(to));
        if (!rows) {
            return rows.error();
        }
        return mergeToAtMost(*rows, step, origin, millis(to), maxPoints);
    }

    Result<std::vector<SeriesKey>> listSeries(const SeriesFilter& filter) {
        std::lock_guard lock(readerMutex_);
        auto all = reader_.series();
        if (!all) {
            return all.error();
        }
        std::erase_if(*all, [&](const SeriesKey& key) {
            return !key.source.starts_with(filter.sourcePrefix) ||
                   !key.destination.starts_with(filter.destinationPrefix);
        });
        return all;
    }

    [[nodiscard]] std::uint64_t droppedCount() const {
        return dropped_.load(std::memory_order_relaxed);
    }

private:
    void runWriter() {
        std::unique_lock lock(mutex_);
        for (;;) {
            wakeWriter_.wait_for(lock, options_.commitInterval,
                                 [&] { return stopping_ || flushRequested_ > flushServed_; });
            const auto serving = flushRequested_;
            const bool stop = stopping_;
            unsaved_.insert(unsaved_.end(), std::make_move_iterator(pending_.begin()),
                            std::make_move_iterator(pending_.end()));
            pending_.clear();
            lock.unlock();

            Status status = commitUnsaved();
            if (status) {
                status = retainIfDue();
            }

            lock.lock();
            if (!status && !firstError_) {
                firstError_ = status.error();
            }
            flushServed_ = serving;
            flushDone_.notify_all();
            if (stop) {
                return;
            }
        }
    }

    // Writer thread only. A failed commit (the file locked by another program, a full
    // disk) keeps its samples for the next tick, up to maxPending.
    Status commitUnsaved() {
        Status status = writer_.commit(unsaved_);
        if (status) {
            unsaved_.clear();
        } else if (unsaved_.size() > options_.maxPending) {
            dropped_.fetch_add(unsaved_.size(), std::memory_order_relaxed);
            unsaved_.clear();
        }
        return status;
    }

    // Writer thread only. A clock that moved back (a test, a corrected system time)
    // counts as due, so retention never waits for the old time to come round again.
    Status retainIfDue() {
        const std::int64_t now = millis(options_.clock());
        if (lastRetention_ && now >= *lastRetention_ && now - *lastRetention_ < kRetentionEveryMs) {
            return {};
        }
        lastRetention_ = now;
        return writer_.applyRetention(now);
    }

    Options options_;

    std::mutex mutex_;
    std::condition_variable wakeWriter_;
    std::condition_variable flushDone_;
    std::vector<Sample> pending_;
    std::uint64_t flushRequested_ = 0;
    std::uint64_t flushServed_ = 0;
    bool stopping_ = false;
    std::optional<Error> firstError_;
    std::atomic<std::uint64_t> dropped_{0};

    // Writer thread only.
    TelemetryWriter writer_;
    std::vector<Sample> unsaved_;
    std::optional<std::int64_t> lastRetention_;

    std::mutex readerMutex_;
    TelemetryReader reader_;

    std::thread writerThread_;
};

Result<std::unique_ptr<MetricHistory>> MetricHistory::open(const fs::path& file, Options options) {
    if (auto status = prepareLocation(file); !status) {
        return status.error();
    }
    auto writer = TelemetryWriter::open(file, options.busyTimeout);
    if (!writer) {
        return writer.error();
    }
    auto reader = TelemetryReader::open(file, options.busyTimeout);
    if (!reader) {
        return reader.error();
    }
    try {
        auto impl = std::make_unique<Impl>(std::move(writer).value(), std::move(reader).value(),
                                           std::move(options));
        return std::unique_ptr<MetricHistory>(new MetricHistory(std::move(impl)));
    } catch (const std::system_error& e) {
        return Error{ErrorCode::Internal,
                     std::string("cannot start the metric history's writer: ") + e.what()};
    }
}

MetricHistory::MetricHistory(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

MetricHistory::~MetricHistory() = default;

void MetricHistory::append(const SeriesKey& series, MetricTime time, double value) {
    impl_->append(series, time, value);
}

Status MetricHistory::flush() {
    return impl_->flush();
}

Result<SeriesPoints> MetricHistory::query(const SeriesKey& series, MetricTime from, MetricTime to,
                                          std::size_t maxPoints) {
    return impl_->query(series, from, to, maxPoints);
}

Result<std::vector<SeriesKey>> MetricHistory::listSeries(const SeriesFilter& filter) {
    return impl_->listSeries(filter);
}

Result<std::string> MetricHistory::exportCsv(const SeriesKey& series, MetricTime from,
                                             MetricTime to) {
    auto points = impl_->query(series, from, to, std::numeric_limits<std::size_t>::max());
    if (!points) {
        return points.error();
    }
    return formatCsv(*points);
}

std::uint64_t MetricHistory::droppedCount() const {
    return impl_->droppedCount();
}

}  // namespace sbx::observe
