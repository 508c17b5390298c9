#pragma once

#include <QDialog>

class QMenuBar;
class QTableWidget;

// Lists every menu action with its keyboard shortcut, read from the live menu bar so
// the list can never disagree with the menus.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(const QMenuBar& menuBar, QWidget* parent = nullptr);

    [[nodiscard]] const QTableWidget& table() const { return *table_; }

private:
    QTableWidget* table_;
};
