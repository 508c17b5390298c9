#pragma once

#include <QObject>
#include <QString>
#include <memory>

#include "sbx/connect/plugin_registry.h"

// The connection dialog's Test: opens a session with the profile and takes one snapshot
// on a thread of its own, so an unreachable host (a connect that waits for its timeout)
// never freezes the window. finished() arrives on the GUI thread; if the tester is gone
// by then the result is dropped and the thread cleans up after itself.
class ConnectionTester : public QObject {
    Q_OBJECT
public:
    explicit ConnectionTester(std::shared_ptr<sbx::connect::PluginRegistry> registry,
                              QObject* parent = nullptr);

    void start(const sbx::connect::ConnectionProfile& profile,
               const sbx::connect::Credentials& credentials);
    [[nodiscard]] bool running() const { return running_; }

    // What a successful test shows: "Connected: RabbitMQ 3.10.8, 12 queues".
    [[nodiscard]] static QString describe(const sbx::observe::BrokerSnapshot& snapshot);

signals:
    // `text` is the success line or the error in the plugin's own words.
    void finished(bool ok, const QString& text);

private:
    std::shared_ptr<sbx::connect::PluginRegistry> registry_;
    bool running_ = false;
};
