#include "connection_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QIntValidator>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>

#include "connection_tester.h"
#include "secret_store.h"

namespace {

using sbx::connect::ProfileField;

// "Prod Rabbit #1" -> "prod-rabbit-1": the profile's file name.
std::string slugOf(const QString& name) {
    std::string slug;
    for (const QChar c : name.trimmed().toLower()) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
            (c >= QLatin1Char('0') && c <= QLatin1Char('9'))) {
            slug += static_cast<char>(c.unicode());
        } else if (!slug.empty() && slug.back() != '-') {
            slug += '-';
        }
    }
    while (!slug.empty() && slug.back() == '-') {
        slug.pop_back();
    }
    return slug.empty() ? std::string("broker") : slug;
}

QString text(const std::string& value) {
    return QString::fromStdString(value);
}

}  // namespace

ConnectionDialog::ConnectionDialog(std::shared_ptr<sbx::connect::PluginRegistry> registry,
                                   SecretStore& secrets, std::filesystem::path connectionsDir,
                                   const sbx::connect::ConnectionProfile* existing, QWidget* parent)
    : QDialog(parent),
      registry_(std::move(registry)),
      secrets_(secrets),
      connectionsDir_(std::move(connectionsDir)),
      tester_(new ConnectionTester(registry_, this)),
      connector_(new QComboBox(this)),
      name_(new QLineEdit(this)),
      host_(new QLineEdit(this)),
      port_(new QSpinBox(this)),
      user_(new QLineEdit(this)),
      password_(new QLineEdit(this)),
      secretNote_(new QLabel(this)),
      tls_(nullptr),
      caFile_(new QLineEdit(this)),
      certFile_(new QLineEdit(this)),
      keyFile_(new QLineEdit(this)),
      verifyPeer_(new QCheckBox(tr("Verify the server's certificate"), this)),
      serverName_(new QLineEdit(this)),
      optionsGroup_(new QGroupBox(this)),
      optionsForm_(new QFormLayout(optionsGroup_)),
      timeout_(new QSpinBox(this)),
      result_(new QLabel(this)),
      testButton_(new QPushButton(tr("&Test"), this)),
      saveButton_(new QPushButton(tr("&Save"), this)) {
    setObjectName(QStringLiteral("dialog.connection"));
    setWindowTitle(existing ? tr("Edit Broker Connection") : tr("Add Broker Connection"));
    connector_->setObjectName(QStringLiteral("connection.connector"));
    name_->setObjectName(QStringLiteral("connection.name"));
    host_->setObjectName(QStringLiteral("connection.host"));
    port_->setObjectName(QStringLiteral("connection.port"));
    user_->setObjectName(QStringLiteral("connection.user"));
    password_->setObjectName(QStringLiteral("connection.password"));
    timeout_->setObjectName(QStringLiteral("connection.timeout"));
    result_->setObjectName(QStringLiteral("connection.result"));
    testButton_->setObjectName(QStringLiteral("connection.test"));
    saveButton_->setObjectName(QStringLiteral("connection.save"));

    for (const auto& info : registry_->connectors()) {
        connector_->addItem(text(info.displayName), text(info.id));
    }
    name_->setPlaceholderText(tr("Production RabbitMQ"));
    host_->setText(QStringLiteral("127.0.0.1"));
    port_->setRange(1, 65535);
    password_->setEchoMode(QLineEdit::Password);
    secretNote_->setObjectName(QStringLiteral("connection.secretNote"));
    secretNote_->setWordWrap(true);
    secretNote_->setText(secrets_.whereSecretsGo());
    // A wrapped label in a form row gets one line unless told otherwise.
    secretNote_->setMinimumHeight(secretNote_->heightForWidth(380));
    timeout_->setRange(1, 300);
    timeout_->setValue(5);
    timeout_->setSuffix(tr(" s"));
    result_->setWordWrap(true);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    result_->setMinimumHeight(result_->fontMetrics().lineSpacing() * 3);
    result_->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    auto* form = new QFormLayout;
    form->addRow(tr("&Broker type:"), connector_);
    form->addRow(tr("&Name:"), name_);
    form->addRow(tr("&Host:"), host_);
    form->addRow(tr("&Port:"), port_);
    form->addRow(tr("&User name:"), user_);
    form->addRow(tr("Pass&word:"), password_);
    form->addRow(QString(), secretNote_);
    form->addRow(tr("T&imeout:"), timeout_);

    auto* buttons = new QDialogButtonBox(this);
    buttons->addButton(testButton_, QDialogButtonBox::ActionRole);
    buttons->addButton(saveButton_, QDialogButtonBox::AcceptRole);
    buttons->addButton(QDialogButtonBox::Cancel);
    saveButton_->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buildTlsGroup());
    layout->addWidget(optionsGroup_);
    layout->addWidget(result_);
    layout->addStretch();
    layout->addWidget(buttons);

    connect(connector_, &QComboBox::currentIndexChanged, this,
            &ConnectionDialog::onConnectorChanged);
    connect(testButton_, &QPushButton::clicked, this, &ConnectionDialog::test);
    connect(saveButton_, &QPushButton::clicked, this, [this] {
        const auto error = save();
        if (error.isEmpty()) {
            accept();
        } else {
            showResult(false, error);
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(tester_, &ConnectionTester::finished, this, &ConnectionDialog::showResult);

    if (connector_->count() == 0) {
        showResult(false, tr("No connector plugin is loaded: see Help > Plugins."));
        testButton_->setEnabled(false);
        saveButton_->setEnabled(false);
    }
    onConnectorChanged();
    if (existing != nullptr) {
        existingId_ = existing->id;
        load(*existing);
        secrets_.read(text(existing->secretKey()), this, [this](const QString& secret) {
            if (password_->text().isEmpty()) {
                password_->setText(secret);
            }
        });
    }
    resize(560, sizeHint().height());
}

ConnectionDialog::~ConnectionDialog() = default;

QWidget* ConnectionDialog::fileField(QLineEdit* edit, const QString& title) {
    auto* row = new QWidget(this);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* browse = new QToolButton(row);
    browse->setText(QStringLiteral("…"));
    browse->setToolTip(tr("Choose a file"));
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, title] {
        const auto file = QFileDialog::getOpenFileName(this, title, edit->text());
        if (!file.isEmpty()) {
            edit->setText(file);
        }
    });
    return row;
}

QWidget* ConnectionDialog::buildTlsGroup() {
    tls_ = new QGroupBox(tr("&TLS"), this);
    tls_->setObjectName(QStringLiteral("connection.tls"));
    tls_->setCheckable(true);
    tls_->setChecked(false);
    caFile_->setPlaceholderText(tr("the system's trusted authorities"));
    serverName_->setPlaceholderText(tr("the host name"));
    verifyPeer_->setChecked(true);
    auto* form = new QFormLayout(tls_);
    form->addRow(tr("CA certificate:"), fileField(caFile_, tr("CA Certificate (PEM)")));
    form->addRow(tr("Client certificate:"), fileField(certFile_, tr("Client Certificate (PEM)")));
    form->addRow(tr("Client key:"), fileField(keyFile_, tr("Client Key (PEM)")));
    form->addRow(tr("Server name:"), serverName_);
    form->addRow(QString(), verifyPeer_);
    return tls_;
}

const sbx::connect::ConnectorInfo* ConnectionDialog::currentInfo() const {
    return registry_->find(connector_->currentData().toString().toStdString());
}

void ConnectionDialog::onConnectorChanged() {
    const auto* info = currentInfo();
    if (info == nullptr) {
        optionsGroup_->hide();
        return;
    }
    // Follow the connector's default port unless the user typed another one.
    if (shownDefaultPort_ == 0 || port_->value() == shownDefaultPort_) {
        port_->setValue(info->defaultPort == 0 ? 1 : info->defaultPort);
    }
    shownDefaultPort_ = info->defaultPort;
    user_->setEnabled(info->usesUsername);
    password_->setEnabled(info->usesPassword);
    secretNote_->setVisible(info->usesPassword);
    rebuildOptions(*info);
}

void ConnectionDialog::rebuildOptions(const sbx::connect::ConnectorInfo& info) {
    while (optionsForm_->rowCount() > 0) {
        optionsForm_->removeRow(0);
    }
    optionWidgets_.clear();
    optionsGroup_->setTitle(tr("%1 settings").arg(text(info.displayName)));
    optionsGroup_->setVisible(!info.fields.empty());
    for (const auto& field : info.fields) {
        const auto key = text(field.key);
        const auto value = text(field.defaultValue);
        QWidget* editor = nullptr;
        QWidget* row = nullptr;
        switch (field.kind) {
            case ProfileField::Kind::Bool: {
                auto* box = new QCheckBox(optionsGroup_);
                box->setChecked(value == QLatin1String("true") || value == QLatin1String("1"));
                editor = row = box;
                break;
            }
            case ProfileField::Kind::Choice: {
                auto* box = new QComboBox(optionsGroup_);
                for (const auto& choice : field.choices) {
                    box->addItem(text(choice));
                }
                box->setCurrentText(value);
                editor = row = box;
                break;
            }
            case ProfileField::Kind::File: {
                auto* edit = new QLineEdit(value, optionsGroup_);
                editor = edit;
                row = fileField(edit, text(field.label));
                break;
            }
            case ProfileField::Kind::Number:
            case ProfileField::Kind::Text: {
                auto* edit = new QLineEdit(value, optionsGroup_);
                if (field.kind == ProfileField::Kind::Number) {
                    edit->setValidator(new QIntValidator(edit));
                }
                editor = row = edit;
                break;
            }
        }
        editor->setObjectName(QStringLiteral("connection.option.") + key);
        editor->setToolTip(text(field.help));
        optionsForm_->addRow(text(field.label) + QLatin1Char(':'), row);
        optionWidgets_.insert(key, editor);
    }
}

void ConnectionDialog::load(const sbx::connect::ConnectionProfile& profile) {
    const auto index = connector_->findData(text(profile.connector));
    if (index >= 0) {
        connector_->setCurrentIndex(index);
    }
    name_->setText(text(profile.name));
    host_->setText(text(profile.host));
    if (profile.port != 0) {
        port_->setValue(profile.port);
    }
    user_->setText(text(profile.username));
    tls_->setChecked(profile.tls.enabled);
    caFile_->setText(text(profile.tls.caFile));
    certFile_->setText(text(profile.tls.certFile));
    keyFile_->setText(text(profile.tls.keyFile));
    verifyPeer_->setChecked(profile.tls.verifyPeer);
    serverName_->setText(text(profile.tls.serverName));
    timeout_->setValue(static_cast<int>(std::max<std::int64_t>(
        1, std::chrono::ceil<std::chrono::seconds>(profile.timeout).count())));
    for (const auto& [key, value] : profile.options) {
        auto* editor = optionWidgets_.value(text(key));
        if (auto* edit = qobject_cast<QLineEdit*>(editor)) {
            edit->setText(text(value));
        } else if (auto* box = qobject_cast<QCheckBox*>(editor)) {
            box->setChecked(value == "true" || value == "1");
        } else if (auto* combo = qobject_cast<QComboBox*>(editor)) {
            combo->setCurrentText(text(value));
        }
    }
}

sbx::connect::ConnectionProfile ConnectionDialog::profile() const {
    sbx::connect::ConnectionProfile profile;
    profile.name = name_->text().trimmed().toStdString();
    profile.id = existingId_.empty() ? slugOf(name_->text()) : existingId_;
    if (existingId_.empty()) {
        // A new profile never overwrites another one's file.
        const auto base = profile.id;
        for (int n = 2; std::filesystem::exists(connectionsDir_ / (profile.id + ".json")); ++n) {
            profile.id = base + "-" + std::to_string(n);
        }
    }
    profile.connector = connector_->currentData().toString().toStdString();
    profile.host = host_->text().trimmed().toStdString();
    profile.port = static_cast<std::uint16_t>(port_->value());
    profile.username = user_->isEnabled() ? user_->text().toStdString() : std::string();
    profile.tls.enabled = tls_->isChecked();
    profile.tls.caFile = caFile_->text().trimmed().toStdString();
    profile.tls.certFile = certFile_->text().trimmed().toStdString();
    profile.tls.keyFile = keyFile_->text().trimmed().toStdString();
    profile.tls.verifyPeer = verifyPeer_->isChecked();
    profile.tls.serverName = serverName_->text().trimmed().toStdString();
    profile.timeout = std::chrono::seconds(timeout_->value());
    for (auto it = optionWidgets_.begin(); it != optionWidgets_.end(); ++it) {
        QString value;
        if (auto* edit = qobject_cast<QLineEdit*>(it.value())) {
            value = edit->text();
        } else if (auto* box = qobject_cast<QCheckBox*>(it.value())) {
            value = box->isChecked() ? QStringLiteral("true") : QStringLiteral("false");
        } else if (auto* combo = qobject_cast<QComboBox*>(it.value())) {
            value = combo->currentText();
        }
        profile.options[it.key().toStdString()] = value.toStdString();
    }
    return profile;
}

QString ConnectionDialog::password() const {
    return password_->isEnabled() ? password_->text() : QString();
}

bool ConnectionDialog::testing() const {
    return tester_->running();
}

void ConnectionDialog::test() {
    if (tester_->running()) {
        return;
    }
    const auto candidate = profile();
    result_->setStyleSheet(QString());
    result_->setText(tr("Connecting to %1:%2…").arg(text(candidate.host)).arg(candidate.port));
    testButton_->setEnabled(false);
    tester_->start(candidate, sbx::connect::Credentials{password().toStdString()});
}

void ConnectionDialog::showResult(bool ok, const QString& message) {
    testButton_->setEnabled(connector_->count() > 0);
    result_->setStyleSheet(ok ? QStringLiteral("color: #2e8b57;")
                              : QStringLiteral("color: #d64545;"));
    result_->setText(message);
    emit testFinished(ok, message);
}

QString ConnectionDialog::save() {
    if (name_->text().trimmed().isEmpty()) {
        name_->setFocus();
        return tr("Give the connection a name.");
    }
    if (connector_->currentIndex() < 0) {
        return tr("No connector plugin is loaded: see Help > Plugins.");
    }
    if (host_->text().trimmed().isEmpty()) {
        host_->setFocus();
        return tr("Enter the broker's host name or address.");
    }
    const auto saving = profile();
    if (auto status = sbx::connect::saveProfile(connectionsDir_, saving); !status) {
        return tr("Could not save the connection: %1").arg(text(status.error().message));
    }
    const auto key = text(saving.secretKey());
    if (password().isEmpty()) {
        secrets_.remove(key);
    } else {
        secrets_.write(key, password());
    }
    existingId_ = saving.id;
    emit saved(saving);
    return {};
}
