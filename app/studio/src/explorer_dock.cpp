#include "explorer_dock.h"

#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

#include "workspace_tree_model.h"

ExplorerDock::ExplorerDock(QWidget* parent)
    : QDockWidget(tr("Explorer"), parent),
      model_(new WorkspaceTreeModel(this)),
      proxy_(new QSortFilterProxyModel(this)),
      filterEdit_(new QLineEdit(this)),
      view_(new QTreeView(this)) {
    setObjectName(QStringLiteral("dock.explorer"));
    proxy_->setSourceModel(model_);
    proxy_->setRecursiveFilteringEnabled(true);
    proxy_->setFilterCaseSensitivity(Qt::CaseInsensitive);

    filterEdit_->setPlaceholderText(tr("Filter"));
    filterEdit_->setClearButtonEnabled(true);
    connect(filterEdit_, &QLineEdit::textChanged, this, [this](const QString& text) {
        proxy_->setFilterFixedString(text);
        view_->expandAll();
    });

    view_->setModel(proxy_);
    view_->setHeaderHidden(true);
    view_->setUniformRowHeights(true);
    connect(model_, &QAbstractItemModel::modelReset, view_, &QTreeView::expandAll);
    connect(model_, &QAbstractItemModel::rowsInserted, view_, &QTreeView::expandAll);
    connect(view_, &QTreeView::activated, this, [this](const QModelIndex& index) {
        const auto path = index.data(WorkspaceTreeModel::kPathRole).toString();
        if (!path.isEmpty()) {
            emit fileActivated(path);
        }
    });

    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(filterEdit_);
    layout->addWidget(view_, 1);
    setWidget(content);
}
