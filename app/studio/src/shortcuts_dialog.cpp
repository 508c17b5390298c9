#include "shortcuts_dialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

QString plainText(QString text) {
    return text.remove(QLatin1Char('&'));
}

void collect(const QMenu& menu, const QString& path, QList<QPair<QString, QAction*>>& out) {
    for (auto* action : menu.actions()) {
        // Skip separators and disabled placeholders such as "No recent workspaces".
        if (action->isSeparator() || !action->isVisible() ||
            (!action->isEnabled() && action->shortcut().isEmpty())) {
            continue;
        }
        const auto name = path + QStringLiteral(" › ") + plainText(action->text());
        if (action->menu() != nullptr) {
            collect(*action->menu(), name, out);
        } else {
            out.append({name, action});
        }
    }
}

}  // namespace

ShortcutsDialog::ShortcutsDialog(const QMenuBar& menuBar, QWidget* parent)
    : QDialog(parent), table_(new QTableWidget(this)) {
    setWindowTitle(tr("Keyboard Shortcuts"));
    QList<QPair<QString, QAction*>> actions;
    for (auto* top : menuBar.actions()) {
        if (top->menu() != nullptr) {
            collect(*top->menu(), plainText(top->text()), actions);
        }
    }
    table_->setColumnCount(2);
    table_->setRowCount(static_cast<int>(actions.size()));
    table_->setHorizontalHeaderLabels({tr("Action"), tr("Shortcut")});
    table_->verticalHeader()->hide();
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    for (int row = 0; row < actions.size(); ++row) {
        table_->setItem(row, 0, new QTableWidgetItem(actions[row].first));
        table_->setItem(row, 1,
                        new QTableWidgetItem(
                            actions[row].second->shortcut().toString(QKeySequence::NativeText)));
    }
    table_->resizeColumnsToContents();
    table_->horizontalHeader()->setStretchLastSection(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(table_);
    layout->addWidget(buttons);
    resize(560, 480);
}
