#pragma once

#include <QDockWidget>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;
class WorkspaceTreeModel;

// The explorer on the left: the open workspace as a tree with filter-as-you-type.
// Activating a file asks the window to open it.
class ExplorerDock : public QDockWidget {
    Q_OBJECT
public:
    explicit ExplorerDock(QWidget* parent = nullptr);

    [[nodiscard]] WorkspaceTreeModel& model() { return *model_; }
    [[nodiscard]] QTreeView& view() { return *view_; }
    [[nodiscard]] QLineEdit& filterEdit() { return *filterEdit_; }

signals:
    void fileActivated(const QString& path);

private:
    WorkspaceTreeModel* model_;
    QSortFilterProxyModel* proxy_;
    QLineEdit* filterEdit_;
    QTreeView* view_;
};
