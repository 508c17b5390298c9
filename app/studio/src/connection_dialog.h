#pragma once

#include <QDialog>
#include <QHash>
#include <filesystem>
#include <memory>

#include "sbx/connect/plugin_registry.h"

class ConnectionTester;
class QCheckBox;
class QComboBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class SecretStore;

// Broker > Add Broker Connection… (and Edit): a connection profile's form, built from the
// chosen connector's ConnectorInfo (default port, user name and password fields, its own
// settings). Test opens a session on a worker thread and shows what failed in the
// plugin's words; Save writes the profile to the workspace's connections/ folder and the
// password to the SecretStore, never to the file.
class ConnectionDialog : public QDialog {
    Q_OBJECT
public:
    // `existing` is the profile to edit (its id stays), or null for a new one.
    ConnectionDialog(std::shared_ptr<sbx::connect::PluginRegistry> registry, SecretStore& secrets,
                     std::filesystem::path connectionsDir,
                     const sbx::connect::ConnectionProfile* existing, QWidget* parent = nullptr);
    ~ConnectionDialog() override;

    // The profile as the form describes it now.
    [[nodiscard]] sbx::connect::ConnectionProfile profile() const;
    [[nodiscard]] QString password() const;

    void test();
    // Writes the profile and the password; returns the error, empty on success.
    QString save();

    [[nodiscard]] QComboBox& connectorChoice() { return *connector_; }
    [[nodiscard]] QLineEdit& nameEdit() { return *name_; }
    [[nodiscard]] QLineEdit& hostEdit() { return *host_; }
    [[nodiscard]] QSpinBox& portEdit() { return *port_; }
    [[nodiscard]] QLineEdit& userEdit() { return *user_; }
    [[nodiscard]] QLineEdit& passwordEdit() { return *password_; }
    [[nodiscard]] QSpinBox& timeoutEdit() { return *timeout_; }
    [[nodiscard]] QLabel& resultLabel() { return *result_; }
    [[nodiscard]] QPushButton& testButton() { return *testButton_; }
    [[nodiscard]] bool testing() const;

signals:
    void testFinished(bool ok, const QString& text);
    void saved(const sbx::connect::ConnectionProfile& profile);

private:
    QWidget* buildTlsGroup();
    QWidget* fileField(QLineEdit* edit, const QString& title);
    void onConnectorChanged();
    void rebuildOptions(const sbx::connect::ConnectorInfo& info);
    void load(const sbx::connect::ConnectionProfile& profile);
    void showResult(bool ok, const QString& text);
    [[nodiscard]] const sbx::connect::ConnectorInfo* currentInfo() const;

    std::shared_ptr<sbx::connect::PluginRegistry> registry_;
    SecretStore& secrets_;
    std::filesystem::path connectionsDir_;
    std::string existingId_;
    ConnectionTester* tester_;
    QComboBox* connector_;
    QLineEdit* name_;
    QLineEdit* host_;
    QSpinBox* port_;
    QLineEdit* user_;
    QLineEdit* password_;
    QLabel* secretNote_;
    QGroupBox* tls_;
    QLineEdit* caFile_;
    QLineEdit* certFile_;
    QLineEdit* keyFile_;
    QCheckBox* verifyPeer_;
    QLineEdit* serverName_;
    QGroupBox* optionsGroup_;
    QFormLayout* optionsForm_;
    QHash<QString, QWidget*> optionWidgets_;  // ProfileField key -> its editor
    QSpinBox* timeout_;
    QLabel* result_;
    QPushButton* testButton_;
    QPushButton* saveButton_;
    std::uint16_t shownDefaultPort_ = 0;
};
