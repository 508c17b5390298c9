#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <functional>

// Passwords and tokens of connection profiles, never in a file: in the system keychain
// through QtKeychain, or, when no keychain service answers (a headless machine, the
// tests), in memory for this session only. Every call is asynchronous because a keychain
// may ask the user to unlock it.
class SecretStore : public QObject {
    Q_OBJECT
public:
    enum class Backend { Keychain, Memory };

    // Keychain unless no session bus is there to reach one, or SBX_KEYCHAIN=memory.
    explicit SecretStore(QObject* parent = nullptr);
    SecretStore(Backend backend, QObject* parent);

    [[nodiscard]] Backend backend() const { return backend_; }
    // A sentence for the connection dialog: where the password goes.
    [[nodiscard]] QString whereSecretsGo() const;

    using ReadDone = std::function<void(const QString& secret)>;
    // `done` gets the secret, or an empty string when there is none; called on the GUI
    // thread, possibly before read() returns (memory backend).
    void read(const QString& key, QObject* context, ReadDone done);
    void write(const QString& key, const QString& secret);
    void remove(const QString& key);

signals:
    // The keychain failed and secrets are kept in memory from now on.
    void fellBackToMemory(const QString& reason);

private:
    void fallBack(const QString& reason);

    Backend backend_;
    QHash<QString, QString> memory_;  // the Memory backend, and writes not yet confirmed
};
