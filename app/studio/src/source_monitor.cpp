#include "source_monitor.h"

#include <algorithm>
#include <utility>

#include "monitor_series.h"

SourceMonitor::SourceMonitor(QObject* parent) : QObject(parent), worker_(new QObject) {
    qRegisterMetaType<SnapshotPtr>("SnapshotPtr");
    qRegisterMetaType<HopBatchPtr>("HopBatchPtr");
    thread_.setObjectName(QStringLiteral("sbx-monitor"));
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
    timer_.setInterval(1000);
    connect(&timer_, &QTimer::timeout, this, &SourceMonitor::pollNow);
    status_ = tr("Not connected");
}

SourceMonitor::~SourceMonitor() {
    unbind();
    thread_.quit();
    thread_.wait();
}

void SourceMonitor::bind(std::shared_ptr<sbx::observe::BrokerSource> source) {
    unbind();
    if (!source) {
        return;
    }
    sourceName_ = QString::fromStdString(source->name());
    capabilities_ = source->capabilities();
    {
        const std::lock_guard lock(mutex_);
        source_ = std::move(source);
    }
    ++generation_;
    bound_ = true;
    setStatus(tr("Connecting…"), true);
    if (wantHops_) {
        startWatchingHops();
    }
    timer_.start();
    emit boundChanged(true);
    pollNow();
}

void SourceMonitor::unbind() {
    if (!bound_) {
        return;
    }
    timer_.stop();
    ++generation_;
    bound_ = false;
    stopWatchingHops();
    while (!messageWatches_.empty()) {
        unwatchMessages(messageWatches_.begin()->first);
    }
    std::shared_ptr<sbx::observe::BrokerSource> old;
    {
        const std::lock_guard lock(mutex_);
        old = std::move(source_);
    }
    // The worker may be inside old->snapshot(); wait for it before the owner frees it.
    { const std::lock_guard wait(busy_); }
    old.reset();
    last_.reset();
    setStatus(tr("Not connected"), false);
    emit boundChanged(false);
}

void SourceMonitor::setHistory(std::shared_ptr<sbx::observe::MetricHistory> history) {
    const std::lock_guard lock(mutex_);
    history_ = std::move(history);
}

std::shared_ptr<sbx::observe::MetricHistory> SourceMonitor::history() const {
    const std::lock_guard lock(mutex_);
    return history_;
}

std::shared_ptr<sbx::observe::BrokerSource> SourceMonitor::currentSource() const {
    const std::lock_guard lock(mutex_);
    return source_;
}

void SourceMonitor::setInterval(std::chrono::milliseconds interval) {
    timer_.setInterval(static_cast<int>(interval.count()));
}

void SourceMonitor::pollNow() {
    if (!bound_ || pollInFlight_) {
        return;
    }
    pollInFlight_ = true;
    const auto generation = generation_;
    QMetaObject::invokeMethod(
        worker_, [this, generation] { poll(generation); }, Qt::QueuedConnection);
}

// Worker thread.
void SourceMonitor::poll(std::uint64_t generation) {
    std::optional<sbx::Result<sbx::observe::BrokerSnapshot>> result;
    {
        const std::lock_guard busy(busy_);
        const auto source = currentSource();
        if (source) {
            result.emplace(source->snapshot());
            const auto history = this->history();
            if (history && result->ok()) {
                monitor_series::record(*history, source->name(), result->value());
            }
        }
    }
    if (!result) {
        result.emplace(sbx::Error{sbx::ErrorCode::NotFound, "no source"});
        generation = 0;  // nothing to show; only clears the in-flight flag
    }
    QMetaObject::invokeMethod(
        this,
        [this, generation, moved = std::move(*result)]() mutable {
            onPolled(generation, std::move(moved));
        },
        Qt::QueuedConnection);
}

void SourceMonitor::onPolled(std::uint64_t generation,
                             sbx::Result<sbx::observe::BrokerSnapshot> result) {
    pollInFlight_ = false;
    if (generation != generation_ || !bound_) {
        return;
    }
    if (!result) {
        setStatus(tr("Cannot read %1: %2")
                      .arg(sourceName_, QString::fromStdString(result.error().message)),
                  false);
        return;
    }
    last_ = std::make_shared<const sbx::observe::BrokerSnapshot>(std::move(result).value());
    setStatus(tr("Connected"), true);
    emit snapshotReady(last_);
}

void SourceMonitor::setStatus(const QString& status, bool healthy) {
    if (status == status_ && healthy == healthy_) {
        return;
    }
    status_ = status;
    healthy_ = healthy;
    emit statusChanged(status_, healthy_);
}

void SourceMonitor::setWatchHops(bool watch) {
    wantHops_ = watch;
    if (watch && bound_) {
        startWatchingHops();
    } else if (!watch) {
        stopWatchingHops();
    }
}

void SourceMonitor::startWatchingHops() {
    const auto source = currentSource();
    if (hopListener_ || !source ||
        !source->capabilities().has(sbx::observe::Capability::HopEvents)) {
        return;
    }
    const auto generation = generation_;
    // Called on a source thread; stopWatchingHops() returns only after a delivery ends.
    hopListener_ =
        source->watchHops([this, generation](const std::vector<sbx::observe::HopEvent>& batch) {
            queueHops(generation, batch);
        });
}

// Source thread. While the GUI has not taken the last batch yet, new events join it
// instead of queueing one more call: a window busier than the broker gets fewer, larger
// batches, and what waits for it is bounded (the oldest events go first, as they would
// from the trace index anyway).
void SourceMonitor::queueHops(std::uint64_t generation,
                              const std::vector<sbx::observe::HopEvent>& batch) {
    bool post = false;
    {
        const std::lock_guard lock(hopsMutex_);
        pendingHops_.insert(pendingHops_.end(), batch.begin(), batch.end());
        if (pendingHops_.size() > kMaxPendingHops) {
            const auto excess = pendingHops_.size() - kMaxPendingHops;
            pendingHops_.erase(pendingHops_.begin(),
                               pendingHops_.begin() + static_cast<std::ptrdiff_t>(excess));
        }
        post = !hopsPosted_;
        hopsPosted_ = true;
    }
    if (post) {
        QMetaObject::invokeMethod(
            this, [this, generation] { deliverHops(generation); }, Qt::QueuedConnection);
    }
}

void SourceMonitor::deliverHops(std::uint64_t generation) {
    auto batch = std::make_shared<std::vector<sbx::observe::HopEvent>>();
    {
        const std::lock_guard lock(hopsMutex_);
        batch->swap(pendingHops_);
        hopsPosted_ = false;
    }
    if (generation == generation_ && !batch->empty()) {
        emit hopsReceived(std::move(batch));
    }
}

void SourceMonitor::stopWatchingHops() {
    const auto source = currentSource();
    if (hopListener_ && source) {
        source->unwatchHops(*hopListener_);
    }
    hopListener_.reset();
}

sbx::Result<quint64> SourceMonitor::watchMessages(const sbx::observe::MessageWatch& watch) {
    const auto source = currentSource();
    if (!source) {
        return sbx::Error{sbx::ErrorCode::NotFound, tr("Not connected to a broker").toStdString()};
    }
    if (!capabilities_.has(sbx::observe::Capability::LiveMessages)) {
        return sbx::Error{sbx::ErrorCode::Unsupported,
                          tr("This broker cannot stream messages live").toStdString()};
    }
    // Ids are never reused and unbind() ends every watch, so a batch of a watch still in
    // messageWatches_ belongs to the current binding.
    const auto id = nextMessageWatch_++;
    auto state = std::make_shared<MessageWatchState>();
    messageWatches_.emplace(id, state);
    QMetaObject::invokeMethod(
        worker_,
        [this, source, watch, id, state] {
            const std::lock_guard busy(busy_);
            if (const std::lock_guard lock(state->mutex); state->cancelled) {
                return;
            }
            auto watched =
                source->watchMessages(watch, [this, id](const sbx::observe::MessageBatch& batch) {
                    auto copy = std::make_shared<const sbx::observe::MessageBatch>(batch);
                    QMetaObject::invokeMethod(
                        this,
                        [this, id, copy] {
                            if (messageWatches_.contains(id)) {
                                emit messagesReceived(id, copy);
                            }
                        },
                        Qt::QueuedConnection);
                });
            if (!watched) {
                const auto error = QString::fromStdString(watched.error().message);
                QMetaObject::invokeMethod(
                    this,
                    [this, id, error] {
                        if (messageWatches_.erase(id) > 0) {
                            emit messageWatchFailed(id, error);
                        }
                    },
                    Qt::QueuedConnection);
                return;
            }
            const std::lock_guard lock(state->mutex);
            if (state->cancelled) {  // unwatched while it started
                source->unwatchMessages(*watched);
                return;
            }
            state->sourceId = *watched;
            QMetaObject::invokeMethod(
                this,
                [this, id] {
                    if (messageWatches_.contains(id)) {
                        emit messageWatchStarted(id);
                    }
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
    return id;
}

void SourceMonitor::unwatchMessages(quint64 id) {
    const auto found = messageWatches_.find(id);
    if (found == messageWatches_.end()) {
        return;
    }
    const auto state = found->second;
    messageWatches_.erase(found);
    std::optional<sbx::observe::BrokerSource::ListenerId> started;
    {
        const std::lock_guard lock(state->mutex);
        state->cancelled = true;
        started = state->sourceId;
    }
    if (const auto source = currentSource(); source && started) {
        source->unwatchMessages(*started);
    }
}

void SourceMonitor::submit(const QString& description, Command command, Notice notice) {
    const auto generation = generation_;
    const bool quiet = notice == Notice::Quiet;
    QMetaObject::invokeMethod(
        worker_,
        [this, description, generation, quiet, command = std::move(command)] {
            QString error;
            {
                const std::lock_guard busy(busy_);
                const auto source = currentSource();
                if (!source) {
                    error = tr("Not connected to a broker");
                } else if (const auto status = command(*source); !status) {
                    error = QString::fromStdString(status.error().message);
                }
            }
            QMetaObject::invokeMethod(
                this,
                [this, description, error, generation, quiet] {
                    emit commandFinished(description, error, quiet);
                    if (generation == generation_) {
                        pollNow();
                    }
                },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}
