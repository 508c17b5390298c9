#include "connection_tester.h"

#include <QPointer>
#include <QThread>

ConnectionTester::ConnectionTester(std::shared_ptr<sbx::connect::PluginRegistry> registry,
                                   QObject* parent)
    : QObject(parent), registry_(std::move(registry)) {}

QString ConnectionTester::describe(const sbx::observe::BrokerSnapshot& snapshot) {
    int queues = 0;
    int topics = 0;
    for (const auto& destination : snapshot.destinations) {
        if (destination.kind == sbx::observe::DestinationKind::Queue ||
            destination.kind == sbx::observe::DestinationKind::Stream) {
            ++queues;
        } else if (destination.kind == sbx::observe::DestinationKind::Topic) {
            ++topics;
        }
    }
    const auto product = snapshot.overview.product.empty()
                             ? QString::fromStdString(snapshot.overview.name)
                             : QString::fromStdString(snapshot.overview.product);
    const auto contents = queues == 0 && topics > 0 ? tr("%n topic(s)", nullptr, topics)
                                                    : tr("%n queue(s)", nullptr, queues);
    return tr("Connected: %1, %2").arg(product, contents);
}

void ConnectionTester::start(const sbx::connect::ConnectionProfile& profile,
                             const sbx::connect::Credentials& credentials) {
    running_ = true;
    struct Outcome {
        bool ok = false;
        QString text;
    };
    auto outcome = std::make_shared<Outcome>();
    // The thread owns copies of everything it touches, so it may outlive the dialog.
    auto* thread = QThread::create([registry = registry_, profile, credentials, outcome] {
        auto opened = registry->open(profile, credentials);
        if (!opened) {
            outcome->text = QString::fromStdString(opened.error().message);
            return;
        }
        auto snapshot = opened.value()->snapshot();
        if (!snapshot) {
            outcome->text = QString::fromStdString(snapshot.error().message);
            return;
        }
        outcome->ok = true;
        outcome->text = describe(snapshot.value());
    });
    thread->setObjectName(QStringLiteral("sbx-connection-test"));
    connect(thread, &QThread::finished, this, [this, outcome] {
        running_ = false;
        emit finished(outcome->ok, outcome->text);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}
