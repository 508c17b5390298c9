#include "clients_page.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "clients_model.h"

ClientsPage::ClientsPage(SourceMonitor& monitor, QWidget* parent)
    : QWidget(parent),
      monitor_(monitor),
      model_(new ClientsModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      filter_(new QLineEdit(this)),
      disconnect_(new QPushButton(tr("Disconnect…"), this)),
      summary_(new QLabel(this)),
      table_(new QTableView(this)),
      detailTitle_(new QLabel(this)),
      subscriptions_(new QTreeWidget(this)) {
    setObjectName(QStringLiteral("page.clients"));
    confirm_ = [this](const QString& title, const QString& question) {
        return QMessageBox::question(this, title, question) == QMessageBox::Yes;
    };
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(ClientsModel::SortRole);
    proxy_->setFilterKeyColumn(-1);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);

    filter_->setPlaceholderText(tr("Filter clients"));
    filter_->setClearButtonEnabled(true);
    connect(filter_, &QLineEdit::textChanged, proxy_, &QSortFilterProxyModel::setFilterFixedString);
    disconnect_->setObjectName(QStringLiteral("clients.disconnect"));
    disconnect_->setEnabled(false);
    disconnect_->setVisible(
        monitor_.capabilities().has(sbx::observe::Capability::DisconnectClient));
    connect(disconnect_, &QPushButton::clicked, this, &ClientsPage::disconnectSelected);

    table_->setObjectName(QStringLiteral("clients.table"));
    table_->setModel(proxy_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setSortingEnabled(true);
    table_->sortByColumn(ClientsModel::ConnectedColumn, Qt::AscendingOrder);
    table_->setAlternatingRowColors(true);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // One line per client: a wrapped date or address doubles the rows' height.
    table_->setWordWrap(false);
    table_->setTextElideMode(Qt::ElideMiddle);
    const QFontMetrics metrics(table_->font());
    const int widths[] = {12, 16, 7, 6, 18, 8, 6, 0, 7, 7, 7};
    // "Connected since" holds a short date and time in the user's locale.
    const auto connectedWidth =
        metrics.horizontalAdvance(QLocale().toString(
            QDateTime(QDate(2026, 12, 30), QTime(23, 59, 59)), QLocale::ShortFormat)) +
        24;
    for (int column = 0; column < ClientsModel::ColumnCount; ++column) {
        const auto title = model_->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString();
        const auto content = column == ClientsModel::ConnectedColumn
                                 ? connectedWidth
                                 : metrics.horizontalAdvance(QLatin1Char('x')) * widths[column];
        table_->horizontalHeader()->resizeSection(
            column, std::max(content, metrics.horizontalAdvance(title) + 28));
    }
    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ClientsPage::showDetails);

    QFont bold = detailTitle_->font();
    bold.setBold(true);
    detailTitle_->setFont(bold);
    subscriptions_->setObjectName(QStringLiteral("clients.subscriptions"));
    subscriptions_->setRootIsDecorated(false);
    subscriptions_->setHeaderLabels(
        {tr("Subscription / queue"), tr("Consumer tag"), tr("QoS"), tr("Prefetch"), tr("Ack")});
    subscriptions_->header()->resizeSection(0, metrics.horizontalAdvance(QLatin1Char('x')) * 36);

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    detailLayout->setContentsMargins(0, 6, 0, 0);
    detailLayout->addWidget(detailTitle_);
    detailLayout->addWidget(subscriptions_, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(table_);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* bar = new QHBoxLayout;
    bar->addWidget(filter_, 1);
    bar->addWidget(summary_);
    bar->addWidget(disconnect_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 12);
    layout->addLayout(bar);
    layout->addWidget(splitter, 1);

    connect(&monitor_, &SourceMonitor::snapshotReady, this, &ClientsPage::showSnapshot);
    connect(&monitor_, &SourceMonitor::boundChanged, this, [this](bool bound) {
        if (!bound) {
            model_->clear();
        }
    });
    if (monitor_.lastSnapshot()) {
        showSnapshot(monitor_.lastSnapshot());
    }
    showDetails();
}

void ClientsPage::showSnapshot(const SnapshotPtr& snapshot) {
    model_->applySnapshot(snapshot->clients);
    summary_->setText(tr("%n client(s)", nullptr, model_->rowCount()));
    showDetails();
}

QString ClientsPage::selectedClientId() const {
    const auto rows = table_->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : rows.first().data(ClientsModel::ClientIdRole).toString();
}

void ClientsPage::selectClient(const QString& clientId) {
    const int row = model_->rowOf(clientId);
    if (row < 0) {
        return;
    }
    table_->selectRow(proxy_->mapFromSource(model_->index(row, 0)).row());
}

void ClientsPage::showDetails() {
    const auto id = selectedClientId();
    const auto* client = id.isEmpty() ? nullptr : model_->client(model_->rowOf(id));
    disconnect_->setEnabled(client != nullptr);
    subscriptions_->clear();
    if (client == nullptr) {
        detailTitle_->setText(tr("Select a client to see its subscriptions and consumers."));
        return;
    }
    detailTitle_->setText(
        tr("Subscriptions and consumers of %1")
            .arg(QString::fromStdString(client->name.empty() ? client->id : client->name)));
    const QLocale locale;
    for (const auto& subscription : client->subscriptions) {
        const bool mqtt = client->protocol == "mqtt";
        auto* item = new QTreeWidgetItem(subscriptions_);
        item->setText(0, QString::fromStdString(subscription.destinationId));
        item->setText(1, QString::fromStdString(subscription.tag));
        item->setText(2, mqtt ? QString::number(subscription.qos) : QString());
        item->setText(3, mqtt                         ? QString()
                         : subscription.prefetch == 0 ? tr("unlimited")
                                                      : locale.toString(subscription.prefetch));
        item->setText(4, mqtt ? QString() : subscription.autoAck ? tr("auto") : tr("manual"));
    }
}

void ClientsPage::disconnectSelected() {
    const auto id = selectedClientId();
    const auto* client = id.isEmpty() ? nullptr : model_->client(model_->rowOf(id));
    if (client == nullptr) {
        return;
    }
    const auto name = QString::fromStdString(client->name.empty() ? client->id : client->name);
    if (!confirm_(tr("Disconnect Client"),
                  tr("Disconnect “%1” (%2)? It may reconnect on its own.")
                      .arg(name, QString::fromStdString(client->remoteAddress)))) {
        return;
    }
    monitor_.submit(tr("Disconnect %1").arg(name),
                    [id = id.toStdString()](auto& source) { return source.disconnectClient(id); });
}
