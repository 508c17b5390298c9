#pragma once

#include <QObject>
#include <QString>
#include <QThread>
#include <QTimer>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "sbx/observe/broker_source.h"
#include "sbx/observe/metric_history.h"

using SnapshotPtr = std::shared_ptr<const sbx::observe::BrokerSnapshot>;
using HopBatchPtr = std::shared_ptr<const std::vector<sbx::observe::HopEvent>>;
using MessageBatchPtr = std::shared_ptr<const sbx::observe::MessageBatch>;

// Watches one BrokerSource for the views: polls snapshot() on a worker thread (a remote
// source may block on the network; the GUI thread never waits for it), hands each
// snapshot to the GUI thread as one signal, records its numbers in the metric history,
// and forwards hop events in batches (never one signal per message; batches that arrive
// while the GUI is busy are merged, up to a bound). Commands (purge, delete, disconnect)
// run on the same worker, so they never freeze the window either.
//
// The source is shared: the embedded broker's is owned by the broker, so unbind() waits
// for a call in flight before the broker may go away.
class SourceMonitor : public QObject {
    Q_OBJECT
public:
    explicit SourceMonitor(QObject* parent = nullptr);
    ~SourceMonitor() override;

    void bind(std::shared_ptr<sbx::observe::BrokerSource> source);
    // Forgets the source; returns once no call into it is running any more.
    void unbind();
    [[nodiscard]] bool bound() const { return bound_; }

    // The source's name() at bind time ("embedded", a remote's address); series keys and
    // the explorer's broker rows use it.
    [[nodiscard]] QString sourceName() const { return sourceName_; }
    [[nodiscard]] sbx::observe::Capabilities capabilities() const { return capabilities_; }

    // Where snapshots are recorded (may be null: nothing is kept).
    void setHistory(std::shared_ptr<sbx::observe::MetricHistory> history);
    [[nodiscard]] std::shared_ptr<sbx::observe::MetricHistory> history() const;

    void setInterval(std::chrono::milliseconds interval);
    // Polls now instead of at the next tick (unless a poll is running already).
    void pollNow();
    // Hop events cost the broker work while someone listens, so they are opt-in.
    void setWatchHops(bool watch);

    // Live tail of a destination (BrokerSource::watchMessages): its batches come as
    // messagesReceived with the returned id. Fails at once when the source cannot (then
    // poll with peek). The watch itself starts on the worker, since a remote source opens a
    // connection for it; if that fails, messageWatchFailed says why. Watches end with
    // unwatchMessages() or when the source is unbound.
    sbx::Result<quint64> watchMessages(const sbx::observe::MessageWatch& watch);
    void unwatchMessages(quint64 id);

    using Command = std::function<sbx::Status(sbx::observe::BrokerSource&)>;
    // Whether a finished command is news for the status bar and the log (a purge the
    // user asked for) or only for the view that issued it (a peek it repeats on every
    // refresh, a publish batch it counts itself).
    enum class Notice { Announce, Quiet };
    // Runs `command` on the worker; commandFinished reports it, then a poll follows.
    void submit(const QString& description, Command command, Notice notice = Notice::Announce);

    [[nodiscard]] const SnapshotPtr& lastSnapshot() const { return last_; }
    [[nodiscard]] QString status() const { return status_; }
    [[nodiscard]] bool healthy() const { return healthy_; }

signals:
    void snapshotReady(const SnapshotPtr& snapshot);
    // "Connected", or why the source cannot be read; `healthy` is false then.
    void statusChanged(const QString& status, bool healthy);
    void hopsReceived(const HopBatchPtr& batch);
    void messagesReceived(quint64 watchId, const MessageBatchPtr& batch);
    void messageWatchStarted(quint64 watchId);  // batches flow from now on
    void messageWatchFailed(quint64 watchId, const QString& error);
    // `error` is empty when the command succeeded; `quiet` for Notice::Quiet commands.
    void commandFinished(const QString& description, const QString& error, bool quiet);
    void boundChanged(bool bound);

private:
    void poll(std::uint64_t generation);
    void onPolled(std::uint64_t generation, sbx::Result<sbx::observe::BrokerSnapshot> result);
    void setStatus(const QString& status, bool healthy);
    void startWatchingHops();
    void queueHops(std::uint64_t generation, const std::vector<sbx::observe::HopEvent>& batch);
    void deliverHops(std::uint64_t generation);
    void stopWatchingHops();
    std::shared_ptr<sbx::observe::BrokerSource> currentSource() const;

    QThread thread_;
    QObject* worker_;  // lives in thread_; the context of everything run there
    QTimer timer_;

    mutable std::mutex mutex_;  // source_ and history_, read by the worker
    std::shared_ptr<sbx::observe::BrokerSource> source_;
    std::shared_ptr<sbx::observe::MetricHistory> history_;
    std::mutex busy_;  // held while the worker calls into the source

    // Hop events waiting for the GUI thread (filled on a source thread).
    static constexpr std::size_t kMaxPendingHops = 100'000;
    std::mutex hopsMutex_;
    std::vector<sbx::observe::HopEvent> pendingHops_;
    bool hopsPosted_ = false;  // a deliverHops() call is queued

    // GUI thread only.
    std::uint64_t generation_ = 0;  // results of an earlier binding are ignored
    bool bound_ = false;
    bool pollInFlight_ = false;
    bool wantHops_ = false;
    std::optional<sbx::observe::BrokerSource::ListenerId> hopListener_;
    // A live tail between the GUI thread and the worker that starts it.
    struct MessageWatchState {
        std::mutex mutex;
        std::optional<sbx::observe::BrokerSource::ListenerId> sourceId;  // once started
        bool cancelled = false;
    };
    std::map<quint64, std::shared_ptr<MessageWatchState>> messageWatches_;
    quint64 nextMessageWatch_ = 1;
    QString sourceName_;
    sbx::observe::Capabilities capabilities_;
    SnapshotPtr last_;
    QString status_;
    bool healthy_ = false;
};
