#include "dead_letter_page.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <limits>

#include "message_browser_model.h"
#include "message_table_columns.h"
#include "message_view_call.h"
#include "sbx/inspect/message_export.h"

using sbx::observe::ObservedMessage;

DeadLetterPage::DeadLetterPage(SourceMonitor& monitor, QWidget* parent)
    : QWidget(parent),
      monitor_(monitor),
      queues_(new QComboBox(this)),
      batchSize_(new QSpinBox(this)),
      redriveAll_(new QPushButton(tr("Redrive All"), this)),
      redriveSelected_(new QPushButton(tr("Redrive Selected"), this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      progress_(new QProgressBar(this)),
      model_(new MessageBrowserModel(this)),
      table_(new QTableView(this)),
      deaths_(new QTreeWidget(this)),
      status_(new QLabel(this)) {
    setObjectName(QStringLiteral("page.deadLetters"));
    queues_->setObjectName(QStringLiteral("deadLetters.queue"));
    queues_->setEditable(true);
    queues_->setMinimumContentsLength(28);
    batchSize_->setObjectName(QStringLiteral("deadLetters.batchSize"));
    batchSize_->setRange(1, 10000);
    batchSize_->setValue(100);
    batchSize_->setPrefix(tr("batch "));
    redriveAll_->setObjectName(QStringLiteral("deadLetters.redriveAll"));
    redriveSelected_->setObjectName(QStringLiteral("deadLetters.redriveSelected"));
    cancel_->setObjectName(QStringLiteral("deadLetters.cancel"));
    cancel_->setEnabled(false);
    // A broker that cannot move messages back gets a read-only view.
    const auto caps = monitor_.capabilities();
    const bool canRedrive = caps.bits == 0 || caps.has(sbx::observe::Capability::Redrive);
    redriveAll_->setVisible(canRedrive);
    redriveSelected_->setVisible(canRedrive);
    cancel_->setVisible(canRedrive);
    batchSize_->setVisible(canRedrive);
    progress_->setObjectName(QStringLiteral("deadLetters.progress"));
    status_->setObjectName(QStringLiteral("deadLetters.status"));
    table_->setObjectName(QStringLiteral("deadLetters.table"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    fitColumnsOnFirstRows(*table_);
    deaths_->setObjectName(QStringLiteral("deadLetters.deaths"));
    deaths_->setHeaderLabels(
        {tr("Queue"), tr("Reason"), tr("Count"), tr("Time"), tr("Exchange"), tr("Routing keys")});
    deaths_->setRootIsDecorated(false);

    auto* refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("deadLetters.refresh"));
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Dead-letter queue:"), this));
    top->addWidget(queues_, 1);
    top->addWidget(refreshButton);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(batchSize_);
    bottom->addWidget(redriveSelected_);
    bottom->addWidget(redriveAll_);
    bottom->addWidget(cancel_);
    bottom->addWidget(progress_, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(table_);
    splitter->addWidget(deaths_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addLayout(bottom);
    layout->addWidget(status_);

    connect(refreshButton, &QPushButton::clicked, this, &DeadLetterPage::refresh);
    connect(queues_, &QComboBox::activated, this, &DeadLetterPage::refresh);
    connect(redriveAll_, &QPushButton::clicked, this, &DeadLetterPage::redriveAll);
    connect(redriveSelected_, &QPushButton::clicked, this, &DeadLetterPage::redriveSelected);
    connect(cancel_, &QPushButton::clicked, this, &DeadLetterPage::cancel);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeadLetterPage::showDeaths);
    connect(&monitor_, &SourceMonitor::snapshotReady, this, &DeadLetterPage::showSnapshot);
    if (monitor_.lastSnapshot()) {
        showSnapshot(monitor_.lastSnapshot());
    }
}

QString DeadLetterPage::currentQueue() const {
    const auto chosen = queues_->currentData().toString();
    return chosen.isEmpty() ? queues_->currentText() : chosen;
}

void DeadLetterPage::showSnapshot(const SnapshotPtr& snapshot) {
    // What the broker itself calls dead letters (Destination::deadLetters: a RabbitMQ
    // queue with x-death messages, Redis entries pending too long, ...) first, then every
    // queue, since any queue may be some other queue's dead-letter target.
    QStringList ids;
    for (const auto& d : snapshot->destinations) {
        if (d.deadLetters) {
            ids << QString::fromStdString(d.id);
        }
    }
    for (const auto& d : snapshot->destinations) {
        if (d.kind == sbx::observe::DestinationKind::Queue && !d.deadLetters) {
            ids << QString::fromStdString(d.id);
        }
    }
    QStringList known;
    for (int i = 0; i < queues_->count(); ++i) {
        known << queues_->itemData(i).toString();
    }
    if (ids == known) {
        return;
    }
    const auto current = currentQueue();
    const QSignalBlocker block(queues_);
    queues_->clear();
    for (const auto& id : ids) {
        queues_->addItem(id, id);
    }
    const auto index = queues_->findData(current);
    if (index >= 0) {
        queues_->setCurrentIndex(index);
    } else {
        queues_->setEditText(current);
    }
}

void DeadLetterPage::showQueue(const QString& queueId) {
    const auto index = queues_->findData(queueId);
    if (index >= 0) {
        queues_->setCurrentIndex(index);
    } else {
        queues_->setEditText(queueId);
    }
    refresh();
}

void DeadLetterPage::refresh() {
    const auto id = currentQueue();
    if (id.isEmpty()) {
        return;
    }
    sbx::observe::PeekRequest request;
    request.destinationId = id.toStdString();
    request.maxCount = 1000;
    request.allowRequeue = requeueConsent_.allowed(id);
    status_->setText(tr("Reading %1…").arg(id));
    callSource<std::vector<ObservedMessage>>(
        monitor_, this, tr("Browse %1").arg(id),
        [request](sbx::observe::BrokerSource& source) { return source.peek(request); },
        [this, id](sbx::Result<std::vector<ObservedMessage>> result) {
            if (!result && RequeueConsent::isRefusal(result.error()) &&
                requeueConsent_.askAfterRefusal(id)) {
                refresh();  // again, with the user's consent
                return;
            }
            if (!result) {
                status_->setText(tr("Cannot read %1: %2")
                                     .arg(id, QString::fromStdString(result.error().message)));
                return;
            }
            model_->setMessages(std::move(result).value());
            status_->setText(tr("%1 dead-lettered messages").arg(model_->rowCount()));
            emit refreshed();
        });
}

void DeadLetterPage::showDeaths() {
    deaths_->clear();
    const auto rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        return;
    }
    for (const auto& d : model_->message(rows.last().row()).deaths) {
        QStringList keys;
        for (const auto& k : d.routingKeys) {
            keys << QString::fromStdString(k);
        }
        new QTreeWidgetItem(
            deaths_,
            {QString::fromStdString(d.queue), QString::fromStdString(d.reason),
             QString::number(d.count), QString::fromStdString(sbx::inspect::formatTime(d.time)),
             QString::fromStdString(d.exchange), keys.join(QStringLiteral(", "))});
    }
    for (int c = 0; c < deaths_->columnCount(); ++c) {
        deaths_->resizeColumnToContents(c);
    }
}

void DeadLetterPage::setBatchSize(int size) {
    batchSize_->setValue(size);
}

void DeadLetterPage::redriveAll() {
    // The queue may hold more than was peeked; move until a batch finds nothing.
    startRedrive(std::numeric_limits<std::uint32_t>::max());
}

void DeadLetterPage::redriveSelected() {
    const auto rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        status_->setText(tr("Select the messages to redrive"));
        return;
    }
    int last = 0;
    for (const auto& row : rows) {
        last = std::max(last, row.row());
    }
    if (last + 1 != rows.size()) {
        status_->setText(
            tr("Messages leave a queue from its head: select from the first "
               "message on"));
        return;
    }
    startRedrive(static_cast<std::uint64_t>(rows.size()));
}

void DeadLetterPage::startRedrive(std::uint64_t count) {
    if (run_) {
        return;
    }
    run_ = std::make_unique<sbx::inspect::RedriveBatches>(
        currentQueue().toStdString(), std::nullopt, count,
        static_cast<std::size_t>(batchSize_->value()));
    const auto shown = static_cast<int>(std::min<std::uint64_t>(count, model_->totalCount()));
    progress_->setRange(0, std::max(shown, 1));
    progress_->setValue(0);
    redriveAll_->setEnabled(false);
    redriveSelected_->setEnabled(false);
    cancel_->setEnabled(true);
    nextBatch();
}

void DeadLetterPage::cancel() {
    if (run_) {
        run_->cancel();
        status_->setText(tr("Stopping after the current batch…"));
    }
}

void DeadLetterPage::nextBatch() {
    const auto request = run_->next();
    if (!request) {
        const auto moved = run_->moved();
        const auto error = QString::fromStdString(run_->failure());
        status_->setText(!error.isEmpty()
                             ? tr("Redrive failed after %1 moved: %2").arg(moved).arg(error)
                         : run_->cancelled()
                             ? tr("Cancelled: %1 moved, %2 left").arg(moved).arg(run_->remaining())
                             : tr("Redriven: %1 messages").arg(moved));
        lastRun_ = std::move(run_);
        redriveAll_->setEnabled(true);
        redriveSelected_->setEnabled(true);
        cancel_->setEnabled(false);
        emit redriveFinished(moved, error);
        refresh();
        return;
    }
    callSource<sbx::observe::RedriveResult>(
        monitor_, this, tr("Redrive %1").arg(QString::fromStdString(request->sourceId)),
        [r = *request](sbx::observe::BrokerSource& source) { return source.redrive(r); },
        [this](sbx::Result<sbx::observe::RedriveResult> result) {
            if (!result) {
                run_->fail(result.error().message);
            } else {
                run_->record(result.value());
                progress_->setMaximum(
                    std::max<int>(progress_->maximum(), static_cast<int>(run_->moved())));
                progress_->setValue(static_cast<int>(run_->moved()));
                status_->setText(tr("%1 moved…").arg(run_->moved()));
            }
            nextBatch();
        });
}
