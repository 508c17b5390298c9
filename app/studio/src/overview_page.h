#pragma once

#include <QWidget>

class QLabel;
class QAction;

namespace sbx::workspace {
class Workspace;
}

// The first tab: what the open workspace holds, and the actions to switch workspace.
class OverviewPage : public QWidget {
    Q_OBJECT
public:
    OverviewPage(QAction* newWorkspace, QAction* openWorkspace, QWidget* parent = nullptr);

    void showWorkspace(const sbx::workspace::Workspace* workspace);
    void showBroker(const QString& status, const QString& numbers);
    [[nodiscard]] QString brokerText() const;
    [[nodiscard]] QString summaryText() const;

private:
    QLabel* title_;
    QLabel* path_;
    QLabel* summary_;
    QLabel* brokerTitle_;
    QLabel* broker_;
};
