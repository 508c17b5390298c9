#include "secret_store.h"

#include <qt6keychain/keychain.h>

#include <QPointer>

namespace {

const QString kService = QStringLiteral("Signalbox");

SecretStore::Backend detectBackend() {
    if (qEnvironmentVariable("SBX_KEYCHAIN") == QLatin1String("memory")) {
        return SecretStore::Backend::Memory;
    }
#if defined(Q_OS_LINUX)
    // libsecret and KWallet are reached over the session bus; without one a job would
    // only fail (or wait for a D-Bus timeout).
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        return SecretStore::Backend::Memory;
    }
#endif
    return SecretStore::Backend::Keychain;
}

bool meansNoKeychain(QKeychain::Error error) {
    return error == QKeychain::NoBackendAvailable || error == QKeychain::NotImplemented ||
           error == QKeychain::OtherError;
}

}  // namespace

SecretStore::SecretStore(QObject* parent) : SecretStore(detectBackend(), parent) {}

SecretStore::SecretStore(Backend backend, QObject* parent) : QObject(parent), backend_(backend) {}

QString SecretStore::whereSecretsGo() const {
    if (backend_ == Backend::Keychain) {
        return tr("The password is stored in the system keychain, never in the workspace.");
    }
    return tr(
        "No keychain service is available: the password is kept in memory until "
        "Signalbox quits and is never written to a file.");
}

void SecretStore::fallBack(const QString& reason) {
    if (backend_ == Backend::Memory) {
        return;
    }
    backend_ = Backend::Memory;
    emit fellBackToMemory(reason);
}

void SecretStore::read(const QString& key, QObject* context, ReadDone done) {
    if (backend_ == Backend::Memory) {
        done(memory_.value(key));
        return;
    }
    auto* job = new QKeychain::ReadPasswordJob(kService, this);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this,
            [this, key, guard = QPointer<QObject>(context), done](QKeychain::Job* finished) {
                auto* read = static_cast<QKeychain::ReadPasswordJob*>(finished);
                QString secret;
                if (read->error() == QKeychain::NoError) {
                    secret = read->textData();
                } else {
                    if (meansNoKeychain(read->error())) {
                        fallBack(read->errorString());
                    }
                    secret = memory_.value(key);
                }
                if (guard) {
                    done(secret);
                }
            });
    job->start();
}

void SecretStore::write(const QString& key, const QString& secret) {
    // Kept in memory too, so a read right after the write never misses it.
    memory_.insert(key, secret);
    if (backend_ == Backend::Memory) {
        return;
    }
    auto* job = new QKeychain::WritePasswordJob(kService, this);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this](QKeychain::Job* finished) {
        if (finished->error() != QKeychain::NoError && meansNoKeychain(finished->error())) {
            fallBack(finished->errorString());
        }
    });
    job->start();
}

void SecretStore::remove(const QString& key) {
    memory_.remove(key);
    if (backend_ == Backend::Memory) {
        return;
    }
    auto* job = new QKeychain::DeletePasswordJob(kService, this);
    job->setKey(key);
    job->start();
}
