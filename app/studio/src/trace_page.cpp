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
#include <unordered_set>

#include "message_browser_model.h"
#include "trace_model.h"

namespace {
constexpr std::size_t kMaxFollowed = 500;
}

TracePage::TracePage(SourceMonitor& monitor, QWidget* parent)
    : QWidget(parent),
      monitor_(monitor),
      query_(new QLineEdit(this)),
      follow_(new QCheckBox(tr("Follow"), this)),
      followFilter_(new QLineEdit(this)),
      traces_(new QListWidget(this)),
      table_(new QTableView(this)),
      model_(new TraceModel(this)),
      summary_(new QLabel(this)) {
    setObjectName(QStringLiteral("page.trace"));
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
}

void TracePage::onHops(const HopBatchPtr& batch) {
    index_.add(*batch);
    if (follow_->isChecked()) {
        follow(*batch);
    }
    for (const auto& e : *batch) {
        if (e.messageId == shown_) {
            showTrace(shown_);  // the shown trace grew
            break;
        }
    }
    emit hopsIndexed();
}

// Under load a batch holds thousands of messages, but only the newest kMaxFollowed that
// match can stay in the list: look at the batch's messages newest first, a chunk at a
// time, and stop once that many matched, so a busy broker costs the window the same as
// a quiet one.
void TracePage::follow(const std::vector<sbx::observe::HopEvent>& batch) {
    const auto filter = followFilter_->text().toStdString();
    std::unordered_set<std::uint64_t> seen;
    std::vector<std::uint64_t> matched;  // newest first
    std::vector<sbx::observe::HopEvent> chunk;
    constexpr std::size_t kChunk = 256;
    auto it = batch.rbegin();
    while (it != batch.rend() && matched.size() < kMaxFollowed) {
        chunk.clear();
        for (; it != batch.rend() && chunk.size() < kChunk; ++it) {
            if (seen.insert(it->messageId).second) {
                chunk.push_back(*it);
            }
        }
        for (const auto id : index_.matching(chunk, filter)) {
            if (matched.size() < kMaxFollowed) {
                matched.push_back(id);
            }
        }
    }
    // Oldest first, so the newest ends up on top.
    for (auto id = matched.rbegin(); id != matched.rend(); ++id) {
        addTraceItem(*id);
    }
    while (traces_->count() > static_cast<int>(kMaxFollowed)) {
        auto* item = traces_->takeItem(traces_->count() - 1);
        listed_.erase(item->data(Qt::UserRole).toULongLong());
        delete item;
    }
}

void TracePage::addTraceItem(std::uint64_t messageId) {
    if (!listed_.insert(messageId).second) {
        return;
    }
    const auto trace = index_.trace(messageId);
    const auto& ids = trace.ids;
    const auto label =
        QStringLiteral("#%1  %2  %3")
            .arg(messageId)
            .arg(QString::fromStdString(!ids.correlationId.empty() ? ids.correlationId
                                                                   : ids.messageId))
            .arg(trace.empty() ? QString()
                               : QString::fromStdString(trace.hops.front().event.routingKey));
    auto* item = new QListWidgetItem(label);
    item->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(messageId));
    traces_->insertItem(0, item);
}

bool TracePage::search(const QString& id) {
    query_->setText(id);
    traces_->clear();
    listed_.clear();
    const auto found = index_.find(id.toStdString());
    for (auto it = found.rbegin(); it != found.rend(); ++it) {
        addTraceItem(*it);
    }
    if (found.empty()) {
        model_->setTrace({});
        shown_ = 0;
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
    auto trace = index_.trace(messageId);
    const auto ids = trace.ids;
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
    summary_->setText(parts.join(QStringLiteral(" · ")) + QStringLiteral("\n") + model_->path());
}
