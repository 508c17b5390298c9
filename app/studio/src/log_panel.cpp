#include "log_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

#include "log_filter_model.h"
#include "log_model.h"

LogPanel::LogPanel(LogModel& model, QWidget* parent)
    : QWidget(parent),
      model_(model),
      filter_(new LogFilterModel(this)),
      levelBox_(new QComboBox(this)),
      searchEdit_(new QLineEdit(this)),
      view_(new QTableView(this)) {
    filter_->setSourceModel(&model_);

    for (auto level : {sbx::LogLevel::Debug, sbx::LogLevel::Info, sbx::LogLevel::Warning,
                       sbx::LogLevel::Error}) {
        levelBox_->addItem(levelDisplayName(level), static_cast<int>(level));
    }
    levelBox_->setToolTip(tr("Show messages at this level and above"));
    connect(levelBox_, &QComboBox::currentIndexChanged, this, [this](int index) {
        filter_->setMinimumLevel(static_cast<sbx::LogLevel>(levelBox_->itemData(index).toInt()));
    });
    levelBox_->setCurrentIndex(1);  // Info and above by default.

    searchEdit_->setPlaceholderText(tr("Search the log"));
    searchEdit_->setClearButtonEnabled(true);
    connect(searchEdit_, &QLineEdit::textChanged, filter_, &LogFilterModel::setSearchText);

    auto* clearButton = new QPushButton(tr("Clear"), this);
    clearButton->setToolTip(tr("Remove all messages from the log panel"));
    connect(clearButton, &QPushButton::clicked, &model_, &LogModel::clear);

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    auto* levelLabel = new QLabel(tr("Level:"), this);
    levelLabel->setBuddy(levelBox_);
    bar->addWidget(levelLabel);
    bar->addWidget(levelBox_);
    bar->addWidget(searchEdit_, 1);
    bar->addWidget(clearButton);

    view_->setModel(filter_);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setAlternatingRowColors(true);
    view_->setWordWrap(false);
    view_->verticalHeader()->hide();
    view_->verticalHeader()->setDefaultSectionSize(view_->fontMetrics().height() + 6);
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int charWidth = view_->fontMetrics().averageCharWidth();
    view_->setColumnWidth(LogModel::TimeColumn, charWidth * 15);
    view_->setColumnWidth(LogModel::LevelColumn, charWidth * 11);
    view_->setColumnWidth(LogModel::SourceColumn, charWidth * 12);

    connect(filter_, &QAbstractItemModel::rowsInserted, this, &LogPanel::followNewRows);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(view_, 1);
}

void LogPanel::followNewRows() {
    auto* bar = view_->verticalScrollBar();
    // Only follow when the user has not scrolled up to read something.
    if (bar->value() >= bar->maximum() - 2 * view_->verticalHeader()->defaultSectionSize()) {
        view_->scrollToBottom();
    }
}
