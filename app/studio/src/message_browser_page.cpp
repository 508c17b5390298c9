#include "message_browser_page.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

#include "message_browser_model.h"
#include "message_filter_bar.h"
#include "message_table_columns.h"
#include "message_view_call.h"
#include "message_view_widget.h"
#include "sbx/inspect/message_diff.h"
#include "sbx/inspect/message_export.h"

using sbx::observe::ObservedMessage;

MessageBrowserPage::MessageBrowserPage(SourceMonitor& monitor, QWidget* parent)
    : QWidget(parent),
      monitor_(monitor),
      destinations_(new QComboBox(this)),
      offset_(new QLineEdit(this)),
      maxCount_(new QSpinBox(this)),
      peekButton_(new QPushButton(tr("Peek"), this)),
      live_(new QCheckBox(tr("Live"), this)),
      filterBar_(new MessageFilterBar(this)),
      model_(new MessageBrowserModel(this)),
      table_(new QTableView(this)),
      detail_(new MessageViewWidget(this)),
      status_(new QLabel(this)) {
    setObjectName(QStringLiteral("page.messageBrowser"));
    destinations_->setObjectName(QStringLiteral("browser.destination"));
    destinations_->setMinimumContentsLength(28);
    destinations_->setEditable(true);
    offset_->setObjectName(QStringLiteral("browser.offset"));
    offset_->setPlaceholderText(tr("Stream offset: first, last, 42 or a time"));
    maxCount_->setObjectName(QStringLiteral("browser.maxCount"));
    maxCount_->setRange(1, 10000);
    maxCount_->setValue(200);
    maxCount_->setPrefix(tr("max "));
    peekButton_->setObjectName(QStringLiteral("browser.peek"));
    peekButton_->setToolTip(tr("Read messages without consuming them"));
    live_->setObjectName(QStringLiteral("browser.live"));
    live_->setToolTip(
        tr("Keep reading: queues and streams again on every refresh, topics as "
           "messages arrive"));
    status_->setObjectName(QStringLiteral("browser.status"));

    table_->setObjectName(QStringLiteral("browser.table"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setAlternatingRowColors(true);
    fitColumnsOnFirstRows(*table_);

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Destination:"), this));
    top->addWidget(destinations_, 2);
    top->addWidget(offset_, 1);
    top->addWidget(maxCount_);
    top->addWidget(peekButton_);
    top->addWidget(live_);

    auto* actions = new QHBoxLayout;
    const auto button = [this, actions](const QString& name, const QString& text) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(name);
        actions->addWidget(b);
        return b;
    };
    auto* copy = button(QStringLiteral("browser.copy"), tr("Copy Payload"));
    auto* diff = button(QStringLiteral("browser.diff"), tr("Diff"));
    auto* republish = button(QStringLiteral("browser.republish"), tr("Re-publish…"));
    auto* trace = button(QStringLiteral("browser.trace"), tr("Trace"));
    auto* exportButton = button(QStringLiteral("browser.export"), tr("Export…"));
    auto* importButton = button(QStringLiteral("browser.import"), tr("Import…"));
    actions->addStretch();
    actions->addWidget(status_);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(table_);
    splitter->addWidget(detail_);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(filterBar_);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);

    connect(peekButton_, &QPushButton::clicked, this, &MessageBrowserPage::peek);
    connect(destinations_, &QComboBox::activated, this, [this] {
        model_->setMessages({});
        peek();
        restartTail();
    });
    connect(live_, &QCheckBox::toggled, this, &MessageBrowserPage::setLive);
    connect(filterBar_, &MessageFilterBar::filterChanged, this, &MessageBrowserPage::applyFilter);
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &MessageBrowserPage::showCurrent);
    connect(model_, &QAbstractItemModel::modelReset, this, &MessageBrowserPage::showCurrent);
    connect(copy, &QPushButton::clicked, this, [this] {
        const auto selected = selectedMessages();
        if (!selected.empty()) {
            QApplication::clipboard()->setText(QString::fromStdString(selected.front().payload));
        }
    });
    connect(diff, &QPushButton::clicked, this, &MessageBrowserPage::showDiff);
    connect(republish, &QPushButton::clicked, this, &MessageBrowserPage::askAndRepublish);
    connect(trace, &QPushButton::clicked, this, [this] {
        const auto selected = selectedMessages();
        if (!selected.empty()) {
            emit traceRequested(selected.front());
        }
    });
    connect(exportButton, &QPushButton::clicked, this, &MessageBrowserPage::chooseAndExport);
    connect(importButton, &QPushButton::clicked, this, &MessageBrowserPage::chooseAndImport);
    connect(&monitor_, &SourceMonitor::snapshotReady, this, &MessageBrowserPage::showSnapshot);
    connect(&monitor_, &SourceMonitor::messagesReceived, this, &MessageBrowserPage::onTailBatch);
    connect(&monitor_, &SourceMonitor::messageWatchStarted, this, [this](quint64 watchId) {
        if (tail_ && watchId == *tail_) {
            tailStarted_ = true;
            setStatus(tr("Following %1 live").arg(tailed_));
        }
    });
    connect(&monitor_, &SourceMonitor::messageWatchFailed, this,
            [this](quint64 watchId, const QString& error) {
                if (tail_ && watchId == *tail_) {
                    tail_.reset();  // Live goes on by peeking on every refresh
                    setStatus(tr("Live tail unavailable (%1): showing what a peek finds on "
                                 "every refresh instead")
                                  .arg(error));
                }
            });
    // A restarted broker forgot the tail; follow the new one.
    connect(&monitor_, &SourceMonitor::boundChanged, this, [this](bool bound) {
        tail_.reset();
        if (bound) {
            restartTail();
        }
    });
    if (monitor_.lastSnapshot()) {
        showSnapshot(monitor_.lastSnapshot());
    }
}

MessageBrowserPage::~MessageBrowserPage() {
    stopTail();
}

// Live follows new messages through the source's live tail when it has one (every
// message, in batches), else by peeking again on every refresh.
void MessageBrowserPage::restartTail() {
    stopTail();
    const auto id = currentDestination();
    if (!live_->isChecked() || id.isEmpty()) {
        return;
    }
    sbx::observe::MessageWatch watch;
    watch.destinationId = id.toStdString();
    auto watched = monitor_.watchMessages(watch);
    if (watched) {
        tail_ = *watched;
        tailStarted_ = false;
        tailed_ = id;
        tailLost_ = 0;
    }
}

void MessageBrowserPage::stopTail() {
    if (tail_) {
        monitor_.unwatchMessages(*tail_);
        tail_.reset();
    }
}

void MessageBrowserPage::onTailBatch(quint64 watchId, const MessageBatchPtr& batch) {
    if (!tail_ || watchId != *tail_) {
        return;
    }
    model_->append(batch->messages);
    tailLost_ += batch->lost;
    const auto shown =
        tr("%1 of %2 messages shown").arg(model_->rowCount()).arg(model_->totalCount());
    setStatus(tailLost_ == 0 ? shown
                             : tr("%1 (%2 passed too fast to show)").arg(shown).arg(tailLost_));
}

void MessageBrowserPage::setFilterFolderProvider(std::function<QString()> folder) {
    filterBar_->setFolderProvider(std::move(folder));
    filterBar_->reloadSaved();
}

QString MessageBrowserPage::currentDestination() const {
    // An editable combo keeps its current item while another id is typed (or set by
    // browse() before the broker lists it): the text wins then.
    const auto index = destinations_->currentIndex();
    const auto text = destinations_->currentText();
    if (index >= 0 && destinations_->itemText(index) == text) {
        const auto chosen = destinations_->itemData(index).toString();
        if (!chosen.isEmpty()) {
            return chosen;
        }
    }
    return text;
}

void MessageBrowserPage::showSnapshot(const SnapshotPtr& snapshot) {
    const auto current = currentDestination();
    {
        const QSignalBlocker block(destinations_);
        QStringList ids;
        for (const auto& d : snapshot->destinations) {
            if (d.kind != sbx::observe::DestinationKind::Exchange) {
                ids << QString::fromStdString(d.id);
            }
        }
        QStringList known;
        for (int i = 0; i < destinations_->count(); ++i) {
            known << destinations_->itemData(i).toString();
        }
        if (known != ids) {
            destinations_->clear();
            for (const auto& d : snapshot->destinations) {
                if (d.kind == sbx::observe::DestinationKind::Exchange) {
                    continue;
                }
                const auto label = QStringLiteral("%1 · %2").arg(
                    QString::fromUtf8(toString(d.kind).data()),
                    QString::fromStdString(
                        d.vhost.empty() || d.vhost == "/" ? d.name : d.vhost + "/" + d.name));
                destinations_->addItem(label, QString::fromStdString(d.id));
            }
            const auto index = destinations_->findData(current);
            if (index >= 0) {
                destinations_->setCurrentIndex(index);
            } else {
                destinations_->setEditText(current);
            }
        }
    }
    if (!live_->isChecked() || (tail_ && tailed_ == currentDestination())) {
        return;
    }
    const auto id = currentDestination().toStdString();
    for (const auto& d : snapshot->destinations) {
        if (d.id != id) {
            continue;
        }
        if (d.kind == sbx::observe::DestinationKind::Topic) {
            // A topic keeps no backlog; its last value is what arrived since the last look.
            if (d.lastMessageTime != lastTopicTime_ && !d.lastValue.empty()) {
                lastTopicTime_ = d.lastMessageTime;
                ObservedMessage m;
                m.destinationId = d.id;
                m.routingKey = d.name;
                m.payload = d.lastValue;
                m.time = d.lastMessageTime;
                m.position = model_->totalCount();
                model_->append({std::move(m)});
            }
        } else if (pending_ == 0) {
            peek();
        }
    }
}

void MessageBrowserPage::browse(const QString& destinationId) {
    const auto index = destinations_->findData(destinationId);
    if (index >= 0) {
        destinations_->setCurrentIndex(index);
    } else {
        destinations_->setEditText(destinationId);
    }
    model_->setMessages({});
    peek();
    restartTail();
}

void MessageBrowserPage::setLive(bool live) {
    if (live_->isChecked() != live) {
        live_->setChecked(live);
        return;
    }
    lastTopicTime_ = {};
    restartTail();
    if (live) {
        monitor_.pollNow();
    }
}

void MessageBrowserPage::peek() {
    const auto id = currentDestination();
    if (id.isEmpty()) {
        return;
    }
    sbx::observe::PeekRequest request;
    request.destinationId = id.toStdString();
    request.maxCount = static_cast<std::size_t>(maxCount_->value());
    request.streamOffset = offset_->text().trimmed().toStdString();
    request.allowRequeue = requeueConsent_.allowed(id);
    ++pending_;
    setStatus(tr("Reading %1…").arg(id));
    callSource<std::vector<ObservedMessage>>(
        monitor_, this, tr("Browse %1").arg(id),
        [request](sbx::observe::BrokerSource& source) { return source.peek(request); },
        [this, id](sbx::Result<std::vector<ObservedMessage>> result) {
            --pending_;
            if (!result && RequeueConsent::isRefusal(result.error()) &&
                requeueConsent_.askAfterRefusal(id)) {
                peek();  // again, with the user's consent
                return;
            }
            if (!result) {
                setStatus(tr("Cannot read %1: %2")
                              .arg(id, QString::fromStdString(result.error().message)),
                          true);
                return;
            }
            if (id != currentDestination()) {
                return;  // the user moved on
            }
            model_->setMessages(std::move(result).value());
            setStatus(
                tr("%1 of %2 messages shown").arg(model_->rowCount()).arg(model_->totalCount()));
        });
}

void MessageBrowserPage::applyFilter() {
    auto compiled = sbx::inspect::CompiledFilter::compile(filterBar_->filter());
    if (!compiled) {
        setStatus(QString::fromStdString(compiled.error().message), true);
        return;
    }
    model_->setFilter(std::move(compiled).value());
    setStatus(tr("%1 of %2 messages shown").arg(model_->rowCount()).arg(model_->totalCount()));
}

std::vector<ObservedMessage> MessageBrowserPage::selectedMessages() const {
    auto rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end());
    std::vector<ObservedMessage> out;
    for (const auto& row : rows) {
        out.push_back(model_->message(row.row()));
    }
    return out;
}

void MessageBrowserPage::showCurrent() {
    const auto rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        detail_->clear();
        return;
    }
    detail_->showMessage(model_->message(rows.last().row()));
}

QString MessageBrowserPage::diffSelected() const {
    const auto selected = selectedMessages();
    if (selected.size() != 2) {
        return {};
    }
    return QString::fromStdString(sbx::inspect::unifiedDiff(
        sbx::inspect::describeForDiff(selected[0]), sbx::inspect::describeForDiff(selected[1]),
        "#" + std::to_string(selected[0].position), "#" + std::to_string(selected[1].position)));
}

void MessageBrowserPage::showDiff() {
    const auto diff = diffSelected();
    if (diff.isEmpty()) {
        setStatus(tr("Select exactly two messages to compare"), true);
        return;
    }
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Message Diff"));
    auto* text = new QPlainTextEdit(diff, &dialog);
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(buttons);
    dialog.resize(800, 600);
    dialog.exec();
}

void MessageBrowserPage::republishSelected(const QString& target) {
    std::vector<sbx::observe::PublishRequest> requests;
    for (const auto& m : selectedMessages()) {
        auto request = sbx::inspect::republishRequest(m);
        if (!target.isEmpty()) {
            (request.protocol == "mqtt" ? request.routingKey : request.exchange) =
                target.toStdString();
        }
        requests.push_back(std::move(request));
    }
    publishAll(std::move(requests));
}

void MessageBrowserPage::askAndRepublish() {
    if (selectedMessages().empty()) {
        setStatus(tr("Select the messages to publish again"), true);
        return;
    }
    bool ok = false;
    const auto target = QInputDialog::getText(
        this, tr("Re-publish"),
        tr("Exchange (AMQP) or topic (MQTT) to publish to; empty keeps the original:"),
        QLineEdit::Normal, QString(), &ok);
    if (ok) {
        republishSelected(target.trimmed());
    }
}

void MessageBrowserPage::publishAll(std::vector<sbx::observe::PublishRequest> requests) {
    const int count = static_cast<int>(requests.size());
    ++pending_;
    setStatus(tr("Publishing %1 messages…").arg(count));
    callSource<int>(
        monitor_, this, tr("Publish %1 messages").arg(count),
        [requests = std::move(requests)](sbx::observe::BrokerSource& source) -> sbx::Result<int> {
            int sent = 0;
            for (const auto& request : requests) {
                if (auto status = source.publish(request); !status) {
                    return sbx::Error{status.error().code, "after " + std::to_string(sent) +
                                                               " sent: " + status.error().message};
                }
                ++sent;
            }
            return sent;
        },
        [this](sbx::Result<int> result) {
            --pending_;
            const auto error = result ? QString() : QString::fromStdString(result.error().message);
            const int sent = result ? result.value() : 0;
            setStatus(error.isEmpty() ? tr("Published %1 messages").arg(sent) : error,
                      !error.isEmpty());
            emit publishFinished(sent, error);
        });
}

QString MessageBrowserPage::exportTo(const QString& path) const {
    const auto messages = model_->shownMessages();
    const auto text = path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)
                          ? sbx::inspect::toCsv(messages)
                          : sbx::inspect::toJsonLines(messages);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return file.errorString();
    }
    file.write(QByteArray::fromStdString(text));
    return {};
}

QString MessageBrowserPage::importFrom(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return file.errorString();
    }
    const auto text = file.readAll().toStdString();
    auto messages = path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive)
                        ? sbx::inspect::fromCsv(text)
                        : sbx::inspect::fromJsonLines(text);
    if (!messages) {
        return QString::fromStdString(messages.error().message);
    }
    std::vector<sbx::observe::PublishRequest> requests;
    for (const auto& m : messages.value()) {
        requests.push_back(sbx::inspect::republishRequest(m));
    }
    publishAll(std::move(requests));
    return {};
}

void MessageBrowserPage::chooseAndExport() {
    const auto path = QFileDialog::getSaveFileName(this, tr("Export Messages"), QString(),
                                                   tr("JSON lines (*.jsonl);;CSV (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    const auto error = exportTo(path);
    setStatus(error.isEmpty() ? tr("Exported %1 messages").arg(model_->rowCount()) : error,
              !error.isEmpty());
}

void MessageBrowserPage::chooseAndImport() {
    const auto path =
        QFileDialog::getOpenFileName(this, tr("Import and Publish Messages"), QString(),
                                     tr("JSON lines (*.jsonl);;CSV (*.csv)"));
    if (path.isEmpty()) {
        return;
    }
    if (const auto error = importFrom(path); !error.isEmpty()) {
        setStatus(error, true);
    }
}

void MessageBrowserPage::setStatus(const QString& text, bool error) {
    status_->setText(text);
    status_->setStyleSheet(error ? QStringLiteral("color: #c0392b;") : QString());
}
