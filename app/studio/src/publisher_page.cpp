#include "publisher_page.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include "message_view_call.h"

namespace {

constexpr int kTickMs = 50;

QTableWidget* fieldTable(QWidget* parent, const QString& objectName, const QString& nameHeader) {
    auto* table = new QTableWidget(0, 2, parent);
    table->setObjectName(objectName);
    table->setHorizontalHeaderLabels({nameHeader, QObject::tr("Value")});
    table->horizontalHeader()->setStretchLastSection(true);
    table->verticalHeader()->hide();
    return table;
}

std::vector<sbx::observe::Field> readFields(const QTableWidget* table) {
    std::vector<sbx::observe::Field> fields;
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto* name = table->item(row, 0);
        const auto* value = table->item(row, 1);
        if (name != nullptr && !name->text().trimmed().isEmpty()) {
            fields.push_back({name->text().trimmed().toStdString(),
                              value != nullptr ? value->text().toStdString() : std::string()});
        }
    }
    return fields;
}

void writeFields(QTableWidget* table, const std::vector<sbx::observe::Field>& fields) {
    table->setRowCount(0);
    for (const auto& f : fields) {
        const int row = table->rowCount();
        table->insertRow(row);
        table->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(f.name)));
        table->setItem(row, 1, new QTableWidgetItem(QString::fromStdString(f.value)));
    }
    table->insertRow(table->rowCount());  // room for one more
}

QJsonObject fieldsToJson(const std::vector<sbx::observe::Field>& fields) {
    QJsonObject object;
    for (const auto& f : fields) {
        object.insert(QString::fromStdString(f.name), QString::fromStdString(f.value));
    }
    return object;
}

std::vector<sbx::observe::Field> fieldsFromJson(const QJsonObject& object) {
    std::vector<sbx::observe::Field> fields;
    for (auto it = object.begin(); it != object.end(); ++it) {
        fields.push_back({it.key().toStdString(), it.value().toString().toStdString()});
    }
    return fields;
}

}  // namespace

PublisherPage::PublisherPage(SourceMonitor& monitor, QWidget* parent)
    : QWidget(parent),
      monitor_(monitor),
      protocol_(new QComboBox(this)),
      vhost_(new QLineEdit(QStringLiteral("/"), this)),
      exchange_(new QLineEdit(this)),
      routingKey_(new QLineEdit(this)),
      qos_(new QSpinBox(this)),
      retain_(new QCheckBox(tr("Retain"), this)),
      properties_(fieldTable(this, QStringLiteral("publisher.properties"), tr("Property"))),
      headers_(fieldTable(this, QStringLiteral("publisher.headers"), tr("Header"))),
      payload_(new QPlainTextEdit(this)),
      templates_(new QComboBox(this)),
      count_(new QSpinBox(this)),
      rate_(new QSpinBox(this)),
      send_(new QPushButton(tr("Send"), this)),
      stop_(new QPushButton(tr("Stop"), this)),
      progress_(new QProgressBar(this)),
      result_(new QLabel(this)) {
    setObjectName(QStringLiteral("page.publisher"));
    protocol_->setObjectName(QStringLiteral("publisher.protocol"));
    // Only the protocols the broker takes (a source without PublishMqtt has no MQTT);
    // both while nothing is bound yet (no capabilities known).
    const auto caps = monitor_.capabilities();
    const bool known = caps.bits != 0;
    if (!known || caps.has(sbx::observe::Capability::Publish)) {
        protocol_->addItem(tr("AMQP 0-9-1"), QStringLiteral("amqp"));
    }
    if (!known || caps.has(sbx::observe::Capability::PublishMqtt)) {
        protocol_->addItem(tr("MQTT"), QStringLiteral("mqtt"));
    }
    vhost_->setObjectName(QStringLiteral("publisher.vhost"));
    exchange_->setObjectName(QStringLiteral("publisher.exchange"));
    exchange_->setPlaceholderText(tr("(default exchange)"));
    routingKey_->setObjectName(QStringLiteral("publisher.routingKey"));
    qos_->setObjectName(QStringLiteral("publisher.qos"));
    qos_->setRange(0, 2);
    retain_->setObjectName(QStringLiteral("publisher.retain"));
    payload_->setObjectName(QStringLiteral("publisher.payload"));
    payload_->setPlaceholderText(tr("Payload"));
    templates_->setObjectName(QStringLiteral("publisher.templates"));
    count_->setObjectName(QStringLiteral("publisher.count"));
    count_->setRange(1, 10'000'000);
    rate_->setObjectName(QStringLiteral("publisher.rate"));
    rate_->setRange(0, 1'000'000);
    rate_->setSpecialValueText(tr("as fast as possible"));
    rate_->setSuffix(tr(" msg/s"));
    send_->setObjectName(QStringLiteral("publisher.send"));
    stop_->setObjectName(QStringLiteral("publisher.stop"));
    stop_->setEnabled(false);
    progress_->setObjectName(QStringLiteral("publisher.progress"));
    result_->setObjectName(QStringLiteral("publisher.result"));
    result_->setWordWrap(true);
    writeFields(properties_, {{"content-type", "application/json"}});
    writeFields(headers_, {});

    auto* form = new QFormLayout;
    form->addRow(tr("Protocol:"), protocol_);
    form->addRow(tr("Virtual host:"), vhost_);
    form->addRow(tr("Exchange:"), exchange_);
    form->addRow(tr("Routing key / topic:"), routingKey_);
    auto* mqttRow = new QHBoxLayout;
    mqttRow->addWidget(qos_);
    mqttRow->addWidget(retain_);
    mqttRow->addStretch();
    form->addRow(tr("QoS:"), mqttRow);
    auto* templateRow = new QHBoxLayout;
    templateRow->addWidget(templates_, 1);
    auto* saveTemplateButton = new QPushButton(tr("Save Template…"), this);
    saveTemplateButton->setObjectName(QStringLiteral("publisher.saveTemplate"));
    templateRow->addWidget(saveTemplateButton);
    form->addRow(tr("Template:"), templateRow);

    auto* tables = new QHBoxLayout;
    tables->addWidget(properties_);
    tables->addWidget(headers_);
    auto* payloadRow = new QHBoxLayout;
    auto* loadFile = new QPushButton(tr("Payload from File…"), this);
    loadFile->setObjectName(QStringLiteral("publisher.loadFile"));
    payloadRow->addWidget(new QLabel(tr("Payload:"), this));
    payloadRow->addStretch();
    payloadRow->addWidget(loadFile);
    auto* sendRow = new QHBoxLayout;
    sendRow->addWidget(new QLabel(tr("Times:"), this));
    sendRow->addWidget(count_);
    sendRow->addWidget(new QLabel(tr("Rate:"), this));
    sendRow->addWidget(rate_);
    sendRow->addWidget(send_);
    sendRow->addWidget(stop_);
    sendRow->addWidget(progress_, 1);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(tables);
    layout->addLayout(payloadRow);
    layout->addWidget(payload_, 1);
    layout->addLayout(sendRow);
    layout->addWidget(result_);

    timer_.setInterval(kTickMs);
    connect(&timer_, &QTimer::timeout, this, &PublisherPage::tick);
    connect(send_, &QPushButton::clicked, this, &PublisherPage::send);
    connect(stop_, &QPushButton::clicked, this, &PublisherPage::stop);
    connect(protocol_, &QComboBox::currentIndexChanged, this, &PublisherPage::updateProtocol);
    connect(templates_, &QComboBox::activated, this, &PublisherPage::loadTemplate);
    connect(saveTemplateButton, &QPushButton::clicked, this, [this] {
        bool ok = false;
        const auto name = QInputDialog::getText(this, tr("Save Template"), tr("Name:"),
                                                QLineEdit::Normal, QString(), &ok);
        if (ok && !name.trimmed().isEmpty()) {
            const auto error = saveTemplate(name.trimmed());
            result_->setText(error.isEmpty() ? tr("Template saved") : error);
        }
    });
    connect(loadFile, &QPushButton::clicked, this, [this] {
        const auto path = QFileDialog::getOpenFileName(this, tr("Payload from File"));
        QFile file(path);
        if (!path.isEmpty() && file.open(QIODevice::ReadOnly)) {
            payload_->setPlainText(QString::fromUtf8(file.readAll()));
        }
    });
    updateProtocol();
}

void PublisherPage::updateProtocol() {
    const bool mqtt = protocol_->currentData().toString() == QLatin1String("mqtt");
    vhost_->setEnabled(!mqtt);
    exchange_->setEnabled(!mqtt);
    qos_->setEnabled(mqtt);
    retain_->setEnabled(mqtt);
}

sbx::observe::PublishRequest PublisherPage::request() const {
    sbx::observe::PublishRequest r;
    r.protocol = protocol_->currentData().toString().toStdString();
    r.vhost = vhost_->text().toStdString();
    r.exchange = exchange_->text().toStdString();
    r.routingKey = routingKey_->text().toStdString();
    r.qos = static_cast<std::uint8_t>(qos_->value());
    r.retain = retain_->isChecked();
    r.properties = readFields(properties_);
    r.headers = readFields(headers_);
    r.payload = payload_->toPlainText().toStdString();
    return r;
}

void PublisherPage::setRequest(const sbx::observe::PublishRequest& r) {
    protocol_->setCurrentIndex(protocol_->findData(QString::fromStdString(r.protocol)));
    vhost_->setText(QString::fromStdString(r.vhost));
    exchange_->setText(QString::fromStdString(r.exchange));
    routingKey_->setText(QString::fromStdString(r.routingKey));
    qos_->setValue(r.qos);
    retain_->setChecked(r.retain);
    writeFields(properties_, r.properties);
    writeFields(headers_, r.headers);
    payload_->setPlainText(QString::fromStdString(r.payload));
}

void PublisherPage::setCount(int count) {
    count_->setValue(count);
}
void PublisherPage::setRate(int perSecond) {
    rate_->setValue(perSecond);
}

void PublisherPage::send() {
    if (sending()) {
        return;
    }
    target_ = count_->value();
    sent_ = 0;
    stopRequested_ = false;
    progress_->setRange(0, target_);
    progress_->setValue(0);
    result_->setText(tr("Sending…"));
    send_->setEnabled(false);
    stop_->setEnabled(true);
    timer_.start();
    tick();
}

void PublisherPage::stop() {
    stopRequested_ = true;
    timer_.stop();
    if (!inFlight_) {
        finish(QString());
    }
}

// One batch per tick: the rate spreads over ticks, and the worker never queues more
// than one batch, so Stop takes effect within a tick.
void PublisherPage::tick() {
    if (inFlight_ || stopRequested_) {
        return;
    }
    const int left = target_ - sent_;
    if (left <= 0) {
        timer_.stop();
        finish(QString());
        return;
    }
    const int perTick = rate_->value() == 0 ? 500 : std::max(1, rate_->value() * kTickMs / 1000);
    const int batch = std::min(left, perTick);
    inFlight_ = true;
    const auto request = this->request();
    callSource<int>(
        monitor_, this, tr("Publish to %1").arg(QString::fromStdString(request.routingKey)),
        [request, batch](sbx::observe::BrokerSource& source) -> sbx::Result<int> {
            for (int i = 0; i < batch; ++i) {
                if (auto status = source.publish(request); !status) {
                    return status.error();
                }
            }
            return batch;
        },
        [this](sbx::Result<int> result) {
            inFlight_ = false;
            if (!result) {
                timer_.stop();
                finish(QString::fromStdString(result.error().message));
                return;
            }
            sent_ += result.value();
            progress_->setValue(sent_);
            if (stopRequested_ || sent_ >= target_) {
                timer_.stop();
                finish(QString());
            }
        });
}

void PublisherPage::finish(const QString& error) {
    send_->setEnabled(true);
    stop_->setEnabled(false);
    if (!error.isEmpty()) {
        result_->setText(tr("Failed after %1 sent: %2").arg(sent_).arg(error));
        result_->setStyleSheet(QStringLiteral("color: #c0392b;"));
    } else {
        result_->setText(stopRequested_ && sent_ < target_
                             ? tr("Stopped after %1 of %2").arg(sent_).arg(target_)
                             : tr("Sent %1 messages").arg(sent_));
        result_->setStyleSheet(QString());
    }
    emit finished(sent_, error);
}

void PublisherPage::setTemplateFolderProvider(std::function<QString()> folder) {
    templateFolder_ = std::move(folder);
    reloadTemplates();
}

QString PublisherPage::saveTemplate(const QString& name) {
    const auto dir = templateFolder_ ? templateFolder_() : QString();
    if (dir.isEmpty()) {
        return tr("Open a workspace to save templates");
    }
    QDir().mkpath(dir);
    const auto r = request();
    QJsonObject object{{QStringLiteral("kind"), QStringLiteral("publish")},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("protocol"), QString::fromStdString(r.protocol)},
                       {QStringLiteral("vhost"), QString::fromStdString(r.vhost)},
                       {QStringLiteral("exchange"), QString::fromStdString(r.exchange)},
                       {QStringLiteral("routing_key"), QString::fromStdString(r.routingKey)},
                       {QStringLiteral("qos"), r.qos},
                       {QStringLiteral("retain"), r.retain},
                       {QStringLiteral("properties"), fieldsToJson(r.properties)},
                       {QStringLiteral("headers"), fieldsToJson(r.headers)},
                       {QStringLiteral("payload"), QString::fromStdString(r.payload)}};
    QString fileName = name;
    fileName.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]+")), QStringLiteral("-"));
    QFile file(QDir(dir).filePath(fileName + QStringLiteral(".publish.json")));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        return file.errorString();
    }
    file.write(QJsonDocument(object).toJson());
    file.close();
    reloadTemplates();
    templates_->setCurrentText(name);
    return {};
}

void PublisherPage::reloadTemplates() {
    templates_->clear();
    templates_->addItem(tr("Templates"));
    const auto dir = templateFolder_ ? templateFolder_() : QString();
    if (dir.isEmpty()) {
        return;
    }
    for (const auto& entry :
         QDir(dir).entryInfoList({QStringLiteral("*.publish.json")}, QDir::Files, QDir::Name)) {
        QFile file(entry.absoluteFilePath());
        if (file.open(QIODevice::ReadOnly)) {
            const auto object = QJsonDocument::fromJson(file.readAll()).object();
            templates_->addItem(object.value(QStringLiteral("name")).toString(entry.baseName()),
                                entry.absoluteFilePath());
        }
    }
}

bool PublisherPage::selectTemplate(const QString& name) {
    const int index = templates_->findText(name);
    if (index <= 0) {  // 0 is the "Templates" heading
        return false;
    }
    templates_->setCurrentIndex(index);
    loadTemplate(index);
    return true;
}

void PublisherPage::loadTemplate(int index) {
    QFile file(templates_->itemData(index).toString());
    if (!file.open(QIODevice::ReadOnly)) {
        return;
    }
    const auto o = QJsonDocument::fromJson(file.readAll()).object();
    sbx::observe::PublishRequest r;
    r.protocol = o.value(QStringLiteral("protocol")).toString(QStringLiteral("amqp")).toStdString();
    r.vhost = o.value(QStringLiteral("vhost")).toString(QStringLiteral("/")).toStdString();
    r.exchange = o.value(QStringLiteral("exchange")).toString().toStdString();
    r.routingKey = o.value(QStringLiteral("routing_key")).toString().toStdString();
    r.qos = static_cast<std::uint8_t>(o.value(QStringLiteral("qos")).toInt());
    r.retain = o.value(QStringLiteral("retain")).toBool();
    r.properties = fieldsFromJson(o.value(QStringLiteral("properties")).toObject());
    r.headers = fieldsFromJson(o.value(QStringLiteral("headers")).toObject());
    r.payload = o.value(QStringLiteral("payload")).toString().toStdString();
    setRequest(r);
}
