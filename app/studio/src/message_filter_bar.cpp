#include "message_filter_bar.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>

MessageFilterBar::MessageFilterBar(QWidget* parent)
    : QWidget(parent),
      payload_(new QLineEdit(this)),
      regex_(new QCheckBox(tr("Regex"), this)),
      routingKey_(new QLineEdit(this)),
      fields_(new QLineEdit(this)),
      saved_(new QComboBox(this)) {
    payload_->setObjectName(QStringLiteral("filter.payload"));
    payload_->setPlaceholderText(tr("Payload contains…"));
    payload_->setClearButtonEnabled(true);
    regex_->setObjectName(QStringLiteral("filter.regex"));
    routingKey_->setObjectName(QStringLiteral("filter.routingKey"));
    routingKey_->setPlaceholderText(tr("Routing key / topic contains…"));
    fields_->setObjectName(QStringLiteral("filter.fields"));
    fields_->setPlaceholderText(tr("Property or header: name=value; …"));
    saved_->setObjectName(QStringLiteral("filter.saved"));
    saved_->setToolTip(tr("Filters saved in the workspace"));
    auto* saveButton = new QPushButton(tr("Save Filter…"), this);
    saveButton->setObjectName(QStringLiteral("filter.save"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(payload_, 3);
    layout->addWidget(regex_);
    layout->addWidget(routingKey_, 2);
    layout->addWidget(fields_, 2);
    layout->addWidget(saved_, 1);
    layout->addWidget(saveButton);

    for (auto* edit : {payload_, routingKey_, fields_}) {
        connect(edit, &QLineEdit::textChanged, this, &MessageFilterBar::filterChanged);
    }
    connect(regex_, &QCheckBox::toggled, this, &MessageFilterBar::filterChanged);
    connect(saved_, &QComboBox::activated, this, &MessageFilterBar::loadSaved);
    connect(saveButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const auto name = QInputDialog::getText(this, tr("Save Filter"), tr("Name:"),
                                                QLineEdit::Normal, saved_->currentText(), &ok);
        if (ok && !name.trimmed().isEmpty()) {
            this->save(name.trimmed());
        }
    });
}

sbx::inspect::MessageFilter MessageFilterBar::filter() const {
    sbx::inspect::MessageFilter filter;
    filter.payload = payload_->text().toStdString();
    filter.regex = regex_->isChecked();
    filter.routingKey = routingKey_->text().toStdString();
    for (const auto& part : fields_->text().split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const auto equals = part.indexOf(QLatin1Char('='));
        const auto name = equals < 0 ? QString() : part.left(equals).trimmed();
        const auto value = equals < 0 ? part.trimmed() : part.mid(equals + 1).trimmed();
        filter.fields.push_back({name.toStdString(), value.toStdString()});
    }
    return filter;
}

void MessageFilterBar::setFilter(const sbx::inspect::MessageFilter& filter) {
    const QSignalBlocker blockPayload(payload_);
    const QSignalBlocker blockRegex(regex_);
    const QSignalBlocker blockKey(routingKey_);
    const QSignalBlocker blockFields(fields_);
    payload_->setText(QString::fromStdString(filter.payload));
    regex_->setChecked(filter.regex);
    routingKey_->setText(QString::fromStdString(filter.routingKey));
    QStringList parts;
    for (const auto& c : filter.fields) {
        parts << QString::fromStdString(c.name) + QLatin1Char('=') +
                     QString::fromStdString(c.value);
    }
    fields_->setText(parts.join(QStringLiteral("; ")));
    emit filterChanged();
}

QString MessageFilterBar::save(const QString& name) {
    const auto dir = folder();
    if (dir.isEmpty()) {
        return tr("Open a workspace to save filters");
    }
    QDir().mkpath(dir);
    auto filter = this->filter();
    filter.name = name.toStdString();
    QString fileName = name;
    fileName.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    QFile file(QDir(dir).filePath(fileName + QStringLiteral(".json")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return file.errorString();
    }
    file.write(QByteArray::fromStdString(sbx::inspect::toJson(filter)));
    file.close();
    reloadSaved();
    saved_->setCurrentText(name);
    emit saved(file.fileName());
    return {};
}

void MessageFilterBar::reloadSaved() {
    saved_->clear();
    saved_->addItem(tr("Saved filters"));
    const auto dir = folder();
    if (dir.isEmpty()) {
        return;
    }
    for (const auto& entry :
         QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(entry.absoluteFilePath());
        if (!file.open(QIODevice::ReadOnly)) {
            continue;
        }
        const auto filter = sbx::inspect::filterFromJson(file.readAll().toStdString());
        if (filter.ok()) {
            const auto name = filter->name.empty() ? entry.completeBaseName()
                                                   : QString::fromStdString(filter->name);
            saved_->addItem(name, entry.absoluteFilePath());
        }
    }
}

void MessageFilterBar::loadSaved(int index) {
    const auto path = saved_->itemData(index).toString();
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        return;
    }
    const auto filter = sbx::inspect::filterFromJson(file.readAll().toStdString());
    if (filter.ok()) {
        setFilter(filter.value());
    }
}
