#include "message_view_widget.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "payload_json_model.h"
#include "sbx/inspect/message_export.h"
#include "sbx/inspect/payload.h"

namespace {

QPlainTextEdit* monospaceView(QWidget* parent, const QString& objectName) {
    auto* view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return view;
}

QTreeWidgetItem* group(QTreeWidget* tree, const QString& title) {
    auto* item = new QTreeWidgetItem(tree, {title});
    item->setFirstColumnSpanned(true);
    item->setExpanded(true);
    return item;
}

void addFields(QTreeWidgetItem* parent, const std::vector<sbx::observe::Field>& fields) {
    for (const auto& f : fields) {
        new QTreeWidgetItem(parent,
                            {QString::fromStdString(f.name), QString::fromStdString(f.value)});
    }
}

}  // namespace

MessageViewWidget::MessageViewWidget(QWidget* parent)
    : QWidget(parent),
      summary_(new QLabel(this)),
      tabs_(new QTabWidget(this)),
      pretty_(monospaceView(this, QStringLiteral("message.pretty"))),
      jsonTree_(new QTreeView(this)),
      jsonModel_(new PayloadJsonModel(this)),
      text_(monospaceView(this, QStringLiteral("message.text"))),
      hex_(monospaceView(this, QStringLiteral("message.hex"))),
      image_(new QLabel(this)),
      fields_(new QTreeWidget(this)) {
    summary_->setObjectName(QStringLiteral("message.summary"));
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    tabs_->setObjectName(QStringLiteral("message.tabs"));
    jsonTree_->setObjectName(QStringLiteral("message.jsonTree"));
    jsonTree_->setModel(jsonModel_);
    jsonTree_->setUniformRowHeights(true);
    image_->setObjectName(QStringLiteral("message.image"));
    image_->setAlignment(Qt::AlignCenter);
    auto* imageScroll = new QScrollArea(this);
    imageScroll->setWidget(image_);
    imageScroll->setWidgetResizable(true);
    fields_->setObjectName(QStringLiteral("message.fields"));
    fields_->setHeaderLabels({tr("Name"), tr("Value")});
    fields_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    prettyPage_ = pretty_;
    treePage_ = jsonTree_;
    textPage_ = text_;
    imagePage_ = imageScroll;
    tabs_->addTab(fields_, tr("Properties"));
    tabs_->addTab(pretty_, tr("JSON"));
    tabs_->addTab(jsonTree_, tr("JSON Tree"));
    tabs_->addTab(text_, tr("Text"));
    tabs_->addTab(hex_, tr("Hex"));
    tabs_->addTab(imageScroll, tr("Image"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(summary_);
    layout->addWidget(tabs_);
    clear();
}

void MessageViewWidget::clear() {
    summary_->setText(tr("No message selected"));
    pretty_->clear();
    jsonModel_->setJson({});
    text_->clear();
    hex_->clear();
    image_->clear();
    fields_->clear();
    for (auto* page : {prettyPage_, treePage_, textPage_, imagePage_}) {
        tabs_->setTabVisible(tabs_->indexOf(page), false);
    }
}

void MessageViewWidget::showMessage(const sbx::observe::ObservedMessage& message) {
    clear();
    const auto kind = sbx::inspect::detectPayload(message.payload);
    const auto bytes = QByteArray::fromStdString(message.payload);
    summary_->setText(tr("%1 · %2 bytes · %3")
                          .arg(QString::fromStdString(message.routingKey))
                          .arg(message.payload.size())
                          .arg(QString::fromUtf8(sbx::inspect::toString(kind).data())));
    hex_->setPlainText(QString::fromStdString(sbx::inspect::hexDump(message.payload)));
    QWidget* best = hex_;
    if (kind == sbx::inspect::PayloadKind::Json) {
        pretty_->setPlainText(
            QString::fromStdString(sbx::inspect::prettyJson(message.payload).value_or("")));
        jsonModel_->setJson(bytes);
        jsonTree_->expandToDepth(1);
        jsonTree_->resizeColumnToContents(0);
        best = pretty_;
    }
    if (kind == sbx::inspect::PayloadKind::Json || kind == sbx::inspect::PayloadKind::Text) {
        text_->setPlainText(QString::fromUtf8(bytes));
        best = kind == sbx::inspect::PayloadKind::Text ? text_ : best;
    }
    if (sbx::inspect::isImage(kind)) {
        QPixmap pixmap;
        pixmap.loadFromData(bytes);
        image_->setPixmap(pixmap);
        best = imagePage_;
    }
    for (auto* page : {prettyPage_, treePage_, textPage_, imagePage_}) {
        const bool used = (page == prettyPage_ || page == treePage_)
                              ? kind == sbx::inspect::PayloadKind::Json
                          : page == textPage_ ? (kind == sbx::inspect::PayloadKind::Json ||
                                                 kind == sbx::inspect::PayloadKind::Text)
                                              : sbx::inspect::isImage(kind);
        tabs_->setTabVisible(tabs_->indexOf(page), used);
    }
    if (tabs_->currentWidget() == fields_ || !tabs_->isTabVisible(tabs_->currentIndex())) {
        tabs_->setCurrentWidget(best);
    }

    auto* routing = group(fields_, tr("Routing"));
    addFields(routing, {{"destination", message.destinationId},
                        {"exchange", message.exchange},
                        {"routing-key", message.routingKey},
                        {"position", std::to_string(message.position)},
                        {"redelivered", message.redelivered ? "true" : "false"},
                        {"time", sbx::inspect::formatTime(message.time)}});
    addFields(group(fields_, tr("Properties")), message.properties);
    addFields(group(fields_, tr("Headers / user properties")), message.headers);
    if (!message.deaths.empty()) {
        auto* deaths = group(fields_, tr("Dead-letter history (x-death)"));
        for (const auto& d : message.deaths) {
            std::string keys;
            for (const auto& k : d.routingKeys) {
                keys += (keys.empty() ? "" : ", ") + k;
            }
            auto* entry = new QTreeWidgetItem(
                deaths, {QString::fromStdString(d.queue),
                         tr("%1 × %2").arg(QString::fromStdString(d.reason)).arg(d.count)});
            addFields(entry, {{"exchange", d.exchange},
                              {"routing-keys", keys},
                              {"time", sbx::inspect::formatTime(d.time)}});
        }
    }
    fields_->expandAll();
}
