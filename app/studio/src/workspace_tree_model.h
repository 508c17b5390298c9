#pragma once

#include <QStandardItemModel>

#include "sbx/workspace/workspace.h"

// The explorer's picture of a workspace: one branch per folder kind, one leaf per file.
// Leaves carry the absolute file path in kPathRole.
class WorkspaceTreeModel : public QStandardItemModel {
    Q_OBJECT
public:
    static constexpr int kPathRole = Qt::UserRole + 1;

    using QStandardItemModel::QStandardItemModel;

    void showWorkspace(const sbx::workspace::Workspace& workspace);
    void showNothing();
};

[[nodiscard]] QString itemKindDisplayName(sbx::workspace::ItemKind kind);
