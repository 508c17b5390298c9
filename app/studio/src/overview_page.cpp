#include "overview_page.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>
#include <map>

#include "sbx/workspace/workspace.h"
#include "workspace_tree_model.h"

OverviewPage::OverviewPage(QAction* newWorkspace, QAction* openWorkspace, QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(this)),
      path_(new QLabel(this)),
      summary_(new QLabel(this)),
      brokerTitle_(new QLabel(tr("Embedded broker"), this)),
      broker_(new QLabel(this)) {
    QFont titleFont = title_->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title_->setFont(titleFont);
    path_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    path_->setForegroundRole(QPalette::PlaceholderText);
    summary_->setTextFormat(Qt::PlainText);

    auto* buttons = new QHBoxLayout;
    for (auto* action : {newWorkspace, openWorkspace}) {
        auto* button = new QToolButton(this);
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);
    layout->addWidget(title_);
    layout->addWidget(path_);
    layout->addWidget(summary_);
    layout->addLayout(buttons);
    QFont sectionFont = brokerTitle_->font();
    sectionFont.setBold(true);
    sectionFont.setPointSizeF(sectionFont.pointSizeF() * 1.2);
    brokerTitle_->setFont(sectionFont);
    broker_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addSpacing(12);
    layout->addWidget(brokerTitle_);
    layout->addWidget(broker_);
    layout->addStretch(1);
    showWorkspace(nullptr);
}

void OverviewPage::showWorkspace(const sbx::workspace::Workspace* workspace) {
    if (workspace == nullptr) {
        title_->setText(tr("No workspace open"));
        path_->clear();
        summary_->setText(tr("Create a workspace or open an existing one to begin."));
        return;
    }
    title_->setText(QString::fromStdString(workspace->name()));
    path_->setText(QString::fromStdString(workspace->root().string()));

    std::map<sbx::workspace::ItemKind, int> counts;
    for (const auto& item : workspace->items()) {
        ++counts[item.kind];
    }
    using sbx::workspace::ItemKind;
    QStringList lines;
    for (auto kind : {ItemKind::Connection, ItemKind::Contract, ItemKind::Pipeline,
                      ItemKind::Template, ItemKind::Filter}) {
        lines << tr("%1: %2").arg(itemKindDisplayName(kind)).arg(counts[kind]);
    }
    summary_->setText(lines.join(QLatin1Char('\n')));
}

QString OverviewPage::summaryText() const {
    return summary_->text();
}

void OverviewPage::showBroker(const QString& status, const QString& numbers) {
    broker_->setText(numbers.isEmpty() ? status : status + QLatin1Char('\n') + numbers);
}

QString OverviewPage::brokerText() const {
    return broker_->text();
}
