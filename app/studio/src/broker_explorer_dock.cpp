#include "broker_explorer_dock.h"

#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include "broker_tree_model.h"
#include "source_monitor.h"

namespace {

using NodeKind = BrokerTreeModel::NodeKind;
using sbx::observe::Capability;
using sbx::observe::DestinationKind;

NodeKind kindOf(const QModelIndex& index) {
    return static_cast<NodeKind>(index.data(BrokerTreeModel::NodeKindRole).toInt());
}

std::optional<DestinationKind> destinationKindOf(const QModelIndex& index) {
    const auto value = index.data(BrokerTreeModel::DestinationKindRole);
    if (!value.isValid()) {
        return std::nullopt;
    }
    return static_cast<DestinationKind>(value.toInt());
}

QString nameOf(const QModelIndex& index) {
    return index.siblingAtColumn(BrokerTreeModel::NameColumn).data().toString();
}

}  // namespace

BrokerExplorerDock::BrokerExplorerDock(QWidget* parent)
    : QDockWidget(tr("Brokers"), parent),
      model_(new BrokerTreeModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      filterEdit_(new QLineEdit(this)),
      status_(new QLabel(this)),
      view_(new QTreeView(this)) {
    setObjectName(QStringLiteral("dock.brokers"));
    confirm_ = [this](const QString& title, const QString& question) {
        return QMessageBox::question(this, title, question) == QMessageBox::Yes;
    };
    proxy_->setSourceModel(model_);
    proxy_->setRecursiveFilteringEnabled(true);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy_->setFilterKeyColumn(BrokerTreeModel::NameColumn);
    proxy_->setSortRole(BrokerTreeModel::SortRole);

    filterEdit_->setObjectName(QStringLiteral("brokers.filter"));
    filterEdit_->setPlaceholderText(tr("Filter queues, exchanges, topics"));
    filterEdit_->setClearButtonEnabled(true);
    connect(filterEdit_, &QLineEdit::textChanged, this, [this](const QString& text) {
        proxy_->setFilterFixedString(text);
        if (!text.isEmpty()) {
            view_->expandAll();
        }
    });

    status_->setObjectName(QStringLiteral("brokers.status"));
    status_->setWordWrap(true);
    status_->setVisible(false);

    view_->setObjectName(QStringLiteral("brokers.tree"));
    view_->setModel(proxy_);
    view_->setUniformRowHeights(true);
    view_->setAlternatingRowColors(true);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setContextMenuPolicy(Qt::CustomContextMenu);
    // Unsorted (the model's own order) until someone clicks a column.
    view_->header()->setSortIndicator(-1, Qt::AscendingOrder);
    view_->setSortingEnabled(true);
    auto* header = view_->header();
    header->setStretchLastSection(true);
    header->setSectionResizeMode(QHeaderView::Interactive);
    const QFontMetrics metrics(view_->font());
    header->resizeSection(BrokerTreeModel::NameColumn,
                          metrics.horizontalAdvance(QLatin1Char('x')) * 28);
    for (int column = BrokerTreeModel::TypeColumn; column < BrokerTreeModel::LastValueColumn;
         ++column) {
        const auto title = model_->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        const int numbers = metrics.horizontalAdvance(QStringLiteral("888,888"));
        header->resizeSection(column, std::max(metrics.horizontalAdvance(title), numbers) + 24);
    }
    header->resizeSection(BrokerTreeModel::TypeColumn,
                          metrics.horizontalAdvance(QStringLiteral("Signalbox 0.0.0")) + 40);
    connect(view_, &QTreeView::customContextMenuRequested, this,
            &BrokerExplorerDock::showContextMenu);
    connect(view_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const auto source = proxy_->mapToSource(index);
        if (kindOf(source) == NodeKind::Destination || kindOf(source) == NodeKind::Broker) {
            openDashboard(source);
        }
    });

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(filterEdit_);
    layout->addWidget(status_);
    layout->addWidget(view_, 1);
    setWidget(content);
}

void BrokerExplorerDock::addMonitor(SourceMonitor* monitor) {
    monitors_.emplace_back(monitor);
    connect(monitor, &SourceMonitor::snapshotReady, this,
            [this, monitor](const SnapshotPtr& snapshot) {
                const auto name = monitor->sourceName();
                model_->applySnapshot(name, *snapshot);
                if (!expanded_.contains(name)) {
                    expandDefaults(name);
                }
                if (status_->isVisible()) {
                    updateStatus();  // "no broker" no longer holds
                }
            });
    connect(monitor, &SourceMonitor::statusChanged, this,
            [this, monitor](const QString& status, bool healthy) {
                if (monitor->bound()) {
                    model_->setBrokerProblem(monitor->sourceName(), healthy ? QString() : status);
                }
                updateStatus();
            });
    connect(monitor, &SourceMonitor::boundChanged, this, [this, monitor](bool bound) {
        if (!bound) {
            model_->removeBroker(monitor->sourceName());
            expanded_.remove(monitor->sourceName());
        }
        updateStatus();
    });
    connect(monitor, &SourceMonitor::commandFinished, this,
            [this](const QString& description, const QString& error, bool quiet) {
                if (quiet) {
                    return;  // the view that asked shows it
                }
                emit commandReported(error.isEmpty() ? tr("%1: done").arg(description)
                                                     : tr("%1 failed: %2").arg(description, error),
                                     !error.isEmpty());
            });
    updateStatus();
}

void BrokerExplorerDock::removeMonitor(SourceMonitor* monitor) {
    disconnect(monitor, nullptr, this, nullptr);
    model_->removeBroker(monitor->sourceName());
    std::erase(monitors_, QPointer<SourceMonitor>(monitor));
    updateStatus();
}

void BrokerExplorerDock::updateStatus() {
    QStringList problems;
    for (const auto& monitor : monitors_) {
        if (monitor && monitor->bound() && !monitor->healthy()) {
            problems << monitor->status();
        }
    }
    if (problems.isEmpty() && model_->rowCount() == 0) {
        problems << tr("No broker is running. Start the embedded broker from the Broker menu.");
    }
    status_->setText(problems.join(QLatin1Char('\n')));
    status_->setVisible(!problems.isEmpty());
}

void BrokerExplorerDock::expandDefaults(const QString& broker) {
    const auto brokerRow = model_->brokerIndex(broker);
    if (!brokerRow.isValid()) {
        return;
    }
    expanded_.insert(broker);
    view_->expand(proxy_->mapFromSource(brokerRow));
    for (int row = 0; row < model_->rowCount(brokerRow); ++row) {
        const auto child = model_->index(row, 0, brokerRow);
        view_->expand(proxy_->mapFromSource(child));
        // Open the queues of each vhost; exchanges and streams stay folded.
        if (kindOf(child) == NodeKind::Vhost && model_->rowCount(child) > 1) {
            view_->expand(proxy_->mapFromSource(model_->index(1, 0, child)));
        }
    }
}

SourceMonitor* BrokerExplorerDock::currentMonitor() const {
    const auto current = view_->currentIndex();
    return current.isValid() ? monitorOf(proxy_->mapToSource(current)) : nullptr;
}

SourceMonitor* BrokerExplorerDock::monitorOf(const QModelIndex& index) const {
    const auto broker = index.data(BrokerTreeModel::BrokerRole).toString();
    for (const auto& monitor : monitors_) {
        if (monitor && monitor->bound() && monitor->sourceName() == broker) {
            return monitor;
        }
    }
    return nullptr;
}

void BrokerExplorerDock::showContextMenu(const QPoint& position) {
    const auto index = proxy_->mapToSource(view_->indexAt(position));
    if (!index.isValid()) {
        return;
    }
    auto* monitor = monitorOf(index);
    const auto kind = kindOf(index);
    const auto destination = destinationKindOf(index);
    const bool isQueue =
        destination == DestinationKind::Queue || destination == DestinationKind::Stream;
    const bool deletable = isQueue || destination == DestinationKind::Exchange;
    const auto caps = monitor ? monitor->capabilities() : sbx::observe::Capabilities{};

    QMenu menu(this);
    if (kind == NodeKind::Broker || destination) {
        auto* dashboard = menu.addAction(tr("Open Dashboard"));
        dashboard->setObjectName(QStringLiteral("brokers.openDashboard"));
        connect(dashboard, &QAction::triggered, this, [this, index] { openDashboard(index); });
    }
    if (kind == NodeKind::Broker && monitor != nullptr) {
        connect(menu.addAction(tr("Show Clients")), &QAction::triggered, this,
                [this, monitor] { emit clientsRequested(monitor); });
        if (monitor->objectName() == QLatin1String("monitor.remote")) {
            connect(menu.addAction(tr("Detach")), &QAction::triggered, this,
                    [this, monitor] { emit detachRequested(monitor); });
        }
        if (monitor->objectName() == QLatin1String("monitor.connection")) {
            auto* edit = menu.addAction(tr("Edit Connection…"));
            edit->setObjectName(QStringLiteral("brokers.editConnection"));
            connect(edit, &QAction::triggered, this,
                    [this, monitor] { emit editConnectionRequested(monitor); });
            auto* remove = menu.addAction(tr("Remove Connection…"));
            remove->setObjectName(QStringLiteral("brokers.removeConnection"));
            connect(remove, &QAction::triggered, this,
                    [this, monitor] { emit removeConnectionRequested(monitor); });
        }
    }
    if (monitor != nullptr && (kind == NodeKind::Broker || destination)) {
        addMessageViewActions(menu, monitor, index);
    }
    if (isQueue && caps.has(Capability::Purge)) {
        connect(menu.addAction(tr("Purge…")), &QAction::triggered, this,
                [this, index] { purge(index); });
    }
    if (deletable && caps.has(Capability::Delete)) {
        connect(menu.addAction(tr("Delete…")), &QAction::triggered, this,
                [this, index] { remove(index); });
    }
    menu.addSeparator();
    connect(menu.addAction(tr("Copy Name")), &QAction::triggered, this,
            [this, index] { copyName(index); });
    menu.exec(view_->viewport()->mapToGlobal(position));
}

// Only what the broker can do: a source without Peek has no message browser.
void BrokerExplorerDock::addMessageViewActions(QMenu& menu, SourceMonitor* monitor,
                                               const QModelIndex& index) {
    const auto caps = monitor->capabilities();
    const auto id = index.data(BrokerTreeModel::DestinationIdRole).toString();
    const auto destination = destinationKindOf(index);
    const bool exchange = destination == DestinationKind::Exchange;
    menu.addSeparator();
    if (caps.has(Capability::Peek) && !exchange) {
        connect(menu.addAction(tr("Browse Messages")), &QAction::triggered, this,
                [this, monitor, id] {
                    emit messageViewRequested(monitor, QStringLiteral("messages"), id);
                });
    }
    if (caps.has(Capability::Publish) || caps.has(Capability::PublishMqtt)) {
        connect(menu.addAction(tr("Publish…")), &QAction::triggered, this, [this, monitor, id] {
            emit messageViewRequested(monitor, QStringLiteral("publisher"), id);
        });
    }
    if (caps.has(Capability::Peek) && !exchange && destination != DestinationKind::Topic) {
        connect(menu.addAction(tr("Dead Letters")), &QAction::triggered, this, [this, monitor, id] {
            emit messageViewRequested(monitor, QStringLiteral("deadletters"), id);
        });
    }
    if (caps.has(Capability::HopEvents)) {
        connect(menu.addAction(tr("Trace Messages")), &QAction::triggered, this, [this, monitor] {
            emit messageViewRequested(monitor, QStringLiteral("trace"), QString());
        });
    }
}

void BrokerExplorerDock::purge(const QModelIndex& index) {
    auto* monitor = monitorOf(index);
    const auto id = index.data(BrokerTreeModel::DestinationIdRole).toString();
    if (monitor == nullptr || id.isEmpty()) {
        return;
    }
    const auto name = nameOf(index);
    if (!confirm_(tr("Purge Queue"),
                  tr("Remove every ready message from “%1”? This cannot be undone.").arg(name))) {
        return;
    }
    monitor->submit(tr("Purge %1").arg(name), [id = id.toStdString()](auto& source) -> sbx::Status {
        auto purged = source.purge(id);
        if (!purged) {
            return purged.error();
        }
        return {};
    });
}

void BrokerExplorerDock::remove(const QModelIndex& index) {
    auto* monitor = monitorOf(index);
    const auto id = index.data(BrokerTreeModel::DestinationIdRole).toString();
    if (monitor == nullptr || id.isEmpty()) {
        return;
    }
    const auto name = nameOf(index);
    if (!confirm_(tr("Delete"),
                  tr("Delete “%1” and every message in it? This cannot be undone.").arg(name))) {
        return;
    }
    monitor->submit(tr("Delete %1").arg(name),
                    [id = id.toStdString()](auto& source) { return source.remove(id); });
}

void BrokerExplorerDock::copyName(const QModelIndex& index) {
    // Topics are copied as their full name, not the last level.
    const auto id = index.data(BrokerTreeModel::DestinationIdRole).toString();
    const auto kind = destinationKindOf(index);
    const auto text = kind == DestinationKind::Topic && id.startsWith(QLatin1String("topic:"))
                          ? id.mid(6)
                          : nameOf(index);
    QApplication::clipboard()->setText(text);
}

void BrokerExplorerDock::openDashboard(const QModelIndex& index) {
    auto* monitor = monitorOf(index);
    if (monitor == nullptr) {
        return;
    }
    const auto id = index.data(BrokerTreeModel::DestinationIdRole).toString();
    const auto title = id.isEmpty() ? nameOf(index) : id;
    emit dashboardRequested(monitor, id, title);
}
