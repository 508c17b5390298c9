#include "trace_page.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

#include "message_browser_model.h"
#include "trace_model.h"

namespace {
constexpr std::size_t kMaxFollowed = 500;
// Hop events waiting for the worker while it is busy, at full size (about 400 bytes each):
// more would only cost memory, the index turns over within seconds anyway.
constexpr std::size_t kMaxPendingHops = 100'000;
}  // namespace

TracePage::TracePage(SourceMonitor& monitor, QWidget* parent)
    : QWidget(parent),
      monitor_(monitor),
      worker_(new QObject),
      query_(new QLineEdit(this)),
      follow_(new QCheckBox(tr("Follow"), this)),
      followFilter_(new QLineEdit(this)),
      traces_(new QListWidget(this)),
      table_(new QTableView(this)),
      model_(new TraceModel(this)),
      summary_(new QLabel(this)) {
    setObjectName(QStringLiteral("page.trace"));
    thread_.setObjectName(QStringLiteral("sbx-trace"));
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.start();
    query_->setObjectName(QStringLiteral("trace.query"));
    query_->setPlaceholderText(tr("Message id, correlation id, traceparent or broker id"));
    query_->setClearButtonEnabled(true);
    follow_->setObjectName(QStringLiteral("trace.follow"));
    followFilter_->setObjectName(QStringLiteral("trace.followFilter"));
    followFilter_->setPlaceholderText(tr("Follow traces containing…"));
    traces_->setObjectName(QStringLiteral("trace.list"));
    table_->setObjectName(QStringLiteral("trace.table"));
    table_->setModel(model_);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    summary_->setObjectName(QStringLiteral("trace.summary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* find = new QPushButton(tr("Find"), this);
    find->setObjectName(QStringLiteral("trace.find"));
    auto* top = new QHBoxLayout;
    top->addWidget(query_, 2);
    top->addWidget(find);
    top->addSpacing(12);
    top->addWidget(follow_);
    top->addWidget(followFilter_, 1);
    auto* right = new QWidget(this);
    auto* rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(summary_);
    rightLayout->addWidget(table_, 1);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(traces_);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    // The list holds short labels; the timeline's columns need the room.
    splitter->setSizes({fontMetrics().horizontalAdvance(QLatin1Char('x')) * 30, 900});
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);

    connect(find, &QPushButton::clicked, this, [this] { search(query_->text().trimmed()); });
    connect(query_, &QLineEdit::returnPressed, this, [this] { search(query_->text().trimmed()); });
    connect(traces_, &QListWidget::currentItemChanged, this, [this](QListWidgetItem* item) {
        if (item != nullptr) {
            showTrace(item->data(Qt::UserRole).toULongLong());
        }
    });
    connect(&monitor_, &SourceMonitor::hopsReceived, this, &TracePage::onHops);
    // Hop events cost the broker work while someone listens: only while this page lives.
    monitor_.setWatchHops(true);
    summary_->setText(tr("Hop events are recorded while this page is open."));
}

TracePage::~TracePage() {
    monitor_.setWatchHops(false);
    thread_.quit();
    thread_.wait();
}

void TracePage::onHops(const HopBatchPtr& batch) {
    pending_.push_back(batch);
    pendingEvents_ += batch->size();
    // A worker this far behind drops the oldest waiting batches (the newest matter most).
    while (pending_.size() > 1 && pendingEvents_ - pending_.front()->size() >= kMaxPendingHops) {
        pendingEvents_ -= pending_.front()->size();
        pending_.erase(pending_.begin());
    }
    if (!indexing_) {
        indexNext();
    }
}

// One batch at a time on the worker; what arrives meanwhile waits in pending_ and goes
// as one batch next.
void TracePage::indexNext() {
    if (pending_.empty()) {
        return;
    }
    indexing_ = true;
    auto batches = std::exchange(pending_, {});
    pendingEvents_ = 0;
    const bool following = follow_->isChecked();
    auto filter = followFilter_->text().toStdString();
    auto shown = shownChain_;
    QMetaObject::invokeMethod(
        worker_,
        [this, batches = std::move(batches), following, filter = std::move(filter),
         shown = std::move(shown)] {
            // Several batches waited: one merged batch (copied here, not on the GUI thread).
            HopBatchPtr batch = batches.front();
            if (batches.size() > 1) {
                auto merged = std::make_shared<std::vector<sbx::observe::HopEvent>>();
                for (const auto& b : batches) {
                    merged->insert(merged->end(), b->begin(), b->end());
                }
                batch = std::move(merged);
            }
            auto listed = recorder_.add(*batch, following, filter, kMaxFollowed);
            const auto inShown = [&shown](std::uint64_t id) {
                return id != 0 && std::find(shown.begin(), shown.end(), id) != shown.end();
            };
            const bool grew = std::any_of(batch->begin(), batch->end(), [&](const auto& e) {
                return inShown(e.messageId) || inShown(e.linkedMessageId);
            });
            QMetaObject::invokeMethod(
                this, [this, listed = std::move(listed), grew] { onIndexed(listed, grew); },
                Qt::QueuedConnection);
        },
        Qt::QueuedConnection);
}

void TracePage::onIndexed(const std::vector<TraceRecorder::Listed>& listed, bool shownGrew) {
    indexing_ = false;
    if (!listed.empty()) {
        traces_->setUpdatesEnabled(false);
        if (listed.size() >= kMaxFollowed) {
            // All new: one rebuild instead of as many inserts and removals.
            traces_->clear();
            listed_.clear();
        }
        // Oldest first, so the newest ends up on top.
        for (auto it = listed.rbegin(); it != listed.rend(); ++it) {
            addTraceItem(*it);
        }
        while (traces_->count() > static_cast<int>(kMaxFollowed)) {
            auto* item = traces_->takeItem(traces_->count() - 1);
            listed_.erase(item->data(Qt::UserRole).toULongLong());
            delete item;
        }
        traces_->setUpdatesEnabled(true);
    }
    if (shownGrew) {
        showTrace(shown_);
    }
    emit hopsIndexed();
    indexNext();
}

void TracePage::addTraceItem(const TraceRecorder::Listed& listed) {
    if (!listed_.insert(listed.messageId).second) {
        return;
    }
    auto* item = new QListWidgetItem(listed.label);
    item->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(listed.messageId));
    traces_->insertItem(0, item);
}

bool TracePage::search(const QString& id) {
    query_->setText(id);
    traces_->clear();
    listed_.clear();
    const auto found = recorder_.find(id.toStdString());
    for (auto it = found.rbegin(); it != found.rend(); ++it) {
        addTraceItem(recorder_.describe(*it));
    }
    if (found.empty()) {
        model_->setTrace({});
        shown_ = 0;
        shownChain_.clear();
        summary_->setText(tr("No recent trace carries “%1”.").arg(id));
        return false;
    }
    traces_->setCurrentRow(0);
    return true;
}

void TracePage::traceMessage(const sbx::observe::ObservedMessage& message) {
    for (const char* name : {"message-id", "correlation-id", "correlation-data"}) {
        const auto value = MessageBrowserModel::field(message.properties, name);
        if (!value.isEmpty() && search(value)) {
            return;
        }
    }
    const auto traceparent = MessageBrowserModel::field(message.headers, "traceparent");
    if (!traceparent.isEmpty()) {
        search(traceparent);
    }
}

void TracePage::setFollow(bool follow, const QString& filter) {
    followFilter_->setText(filter);
    follow_->setChecked(follow);
}

void TracePage::showTrace(std::uint64_t messageId) {
    shown_ = messageId;
    auto trace = recorder_.trace(messageId);
    const auto ids = trace.ids;
    shownChain_ = trace.chain;
    model_->setTrace(std::move(trace));
    table_->resizeColumnsToContents();
    QStringList parts{tr("Broker message #%1").arg(messageId)};
    if (!ids.messageId.empty()) {
        parts << tr("message id %1").arg(QString::fromStdString(ids.messageId));
    }
    if (!ids.correlationId.empty()) {
        parts << tr("correlation id %1").arg(QString::fromStdString(ids.correlationId));
    }
    if (!ids.traceparent.empty()) {
        parts << tr("traceparent %1").arg(QString::fromStdString(ids.traceparent));
    }
    if (shownChain_.size() > 1) {
        QStringList chain;
        for (const auto id : shownChain_) {
            chain << QStringLiteral("#%1").arg(id);
        }
        // Dead letters and bridged copies carry new broker ids.
        parts << tr("continues as %1").arg(chain.mid(1).join(QStringLiteral(", ")));
    }
    summary_->setText(parts.join(QStringLiteral(" · ")) + QStringLiteral("\n") + model_->path());
}
