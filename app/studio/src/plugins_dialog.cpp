#include "plugins_dialog.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace {

using State = sbx::connect::PluginRecord::State;

QString stateText(const sbx::connect::PluginRecord& record) {
    const auto reason = QString::fromStdString(record.error);
    switch (record.state) {
        case State::Loaded:
            return PluginsDialog::tr("Loaded");
        case State::Shadowed:
            return PluginsDialog::tr("Shadowed: %1").arg(reason);
        case State::Failed:
            return PluginsDialog::tr("Failed: %1").arg(reason);
    }
    return {};
}

}  // namespace

PluginsDialog::PluginsDialog(const sbx::connect::PluginRegistry& registry,
                             const QString& userFolder, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(this)) {
    setObjectName(QStringLiteral("dialog.plugins"));
    setWindowTitle(tr("Connector Plugins"));
    table_->setObjectName(QStringLiteral("plugins.table"));
    table_->setColumnCount(ColumnCount);
    table_->setHorizontalHeaderLabels({tr("Connector"), tr("Version"), tr("State"), tr("File")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setWordWrap(false);
    fill(registry);
    table_->resizeColumnsToContents();

    auto* hint = new QLabel(
        tr("Plugins are read when Signalbox starts. Put your own in %1.").arg(userFolder), this);
    hint->setWordWrap(true);
    hint->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* openFolder = buttons->addButton(tr("Open Plugin Folder"), QDialogButtonBox::ActionRole);
    openFolder->setObjectName(QStringLiteral("plugins.openFolder"));
    connect(openFolder, &QPushButton::clicked, this, [userFolder] {
        QDir().mkpath(userFolder);
        QDesktopServices::openUrl(QUrl::fromLocalFile(userFolder));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_, 1);
    layout->addWidget(hint);
    layout->addWidget(buttons);
    resize(860, 360);
}

void PluginsDialog::fill(const sbx::connect::PluginRegistry& registry) {
    const auto& records = registry.plugins();
    table_->setRowCount(static_cast<int>(records.size()));
    int row = 0;
    for (const auto& record : records) {
        const bool loaded = record.state == State::Loaded;
        const auto connector =
            record.info.displayName.empty()
                ? QString()
                : QStringLiteral("%1 (%2)").arg(QString::fromStdString(record.info.displayName),
                                                QString::fromStdString(record.info.id));
        const auto file =
            record.file.empty() ? tr("(built in)") : QString::fromStdString(record.file.string());
        const QString cells[ColumnCount] = {connector, QString::fromStdString(record.info.version),
                                            stateText(record), file};
        for (int column = 0; column < ColumnCount; ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setToolTip(cells[column]);
            if (!loaded && column == StateColumn) {
                item->setForeground(record.state == State::Failed ? QColor(0xd6, 0x45, 0x45)
                                                                  : QColor(0x8a, 0x8f, 0x98));
            }
            table_->setItem(row, column, item);
        }
        ++row;
    }
}
