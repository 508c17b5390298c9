#include "workspace_tree_model.h"

#include <QApplication>
#include <QStyle>
#include <map>

QString itemKindDisplayName(sbx::workspace::ItemKind kind) {
    using sbx::workspace::ItemKind;
    switch (kind) {
        case ItemKind::Connection:
            return WorkspaceTreeModel::tr("Connections");
        case ItemKind::Contract:
            return WorkspaceTreeModel::tr("Contracts");
        case ItemKind::Pipeline:
            return WorkspaceTreeModel::tr("Pipelines");
        case ItemKind::Template:
            return WorkspaceTreeModel::tr("Message templates");
        case ItemKind::Filter:
            return WorkspaceTreeModel::tr("Message filters");
    }
    return {};
}

void WorkspaceTreeModel::showNothing() {
    clear();
    setHorizontalHeaderLabels({tr("Workspace")});
}

void WorkspaceTreeModel::showWorkspace(const sbx::workspace::Workspace& workspace) {
    using sbx::workspace::ItemKind;
    showNothing();
    auto* style = QApplication::style();
    auto* root = new QStandardItem(style->standardIcon(QStyle::SP_DirHomeIcon),
                                   QString::fromStdString(workspace.name()));
    root->setEditable(false);
    root->setToolTip(QString::fromStdString(workspace.root().string()));
    invisibleRootItem()->appendRow(root);

    std::map<ItemKind, QStandardItem*> branches;
    for (auto kind : {ItemKind::Connection, ItemKind::Contract, ItemKind::Pipeline,
                      ItemKind::Template, ItemKind::Filter}) {
        auto* branch =
            new QStandardItem(style->standardIcon(QStyle::SP_DirIcon), itemKindDisplayName(kind));
        branch->setEditable(false);
        root->appendRow(branch);
        branches[kind] = branch;
    }
    for (const auto& item : workspace.items()) {
        const auto absolute =
            QString::fromStdString((workspace.root() / item.relativePath).string());
        auto* leaf =
            new QStandardItem(style->standardIcon(QStyle::SP_FileIcon),
                              QString::fromStdString(item.relativePath.filename().string()));
        leaf->setEditable(false);
        leaf->setToolTip(absolute);
        leaf->setData(absolute, kPathRole);
        branches[item.kind]->appendRow(leaf);
    }
}
