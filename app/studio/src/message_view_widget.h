#pragma once

#include <QWidget>

#include "sbx/observe/observed_message.h"

class PayloadJsonModel;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeView;
class QTreeWidget;

// One message in detail: its payload as pretty JSON (text and a collapsible tree), plain
// text, hex dump or image, whichever fit, and every property, header and x-death entry.
class MessageViewWidget : public QWidget {
    Q_OBJECT
public:
    explicit MessageViewWidget(QWidget* parent = nullptr);

    void showMessage(const sbx::observe::ObservedMessage& message);
    void clear();

    [[nodiscard]] QTabWidget& tabs() { return *tabs_; }
    [[nodiscard]] QPlainTextEdit& prettyText() { return *pretty_; }
    [[nodiscard]] QTreeView& jsonTree() { return *jsonTree_; }
    [[nodiscard]] QTreeWidget& fields() { return *fields_; }
    [[nodiscard]] PayloadJsonModel& jsonModel() { return *jsonModel_; }

private:
    QLabel* summary_;
    QTabWidget* tabs_;
    QPlainTextEdit* pretty_;
    QTreeView* jsonTree_;
    PayloadJsonModel* jsonModel_;
    QPlainTextEdit* text_;
    QPlainTextEdit* hex_;
    QLabel* image_;
    QTreeWidget* fields_;
    QWidget* prettyPage_;
    QWidget* treePage_;
    QWidget* textPage_;
    QWidget* imagePage_;
};
