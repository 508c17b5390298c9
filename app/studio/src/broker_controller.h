#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <memory>
#include <optional>

#include "sbx/broker/broker.h"
#include "sbx/common/log_hub.h"

// Runs the embedded broker inside the studio: start, stop, where it listens, and its
// numbers polled once a second for the window. The broker's log goes to the same
// LogHub as the studio's, so the log panel shows both.
class BrokerController : public QObject {
    Q_OBJECT
public:
    BrokerController(sbx::LogHub& log, QObject* parent = nullptr);
    ~BrokerController() override;

    // Starts with `config`. If a fixed port is taken (another broker on 1883, say),
    // it retries on a free port and says so in the log, rather than not starting.
    bool start(sbx::broker::BrokerConfig config, QString* error = nullptr);
    void stop();
    [[nodiscard]] bool running() const { return broker_ != nullptr; }
    [[nodiscard]] const sbx::broker::BrokerConfig& lastConfig() const { return config_; }

    // "MQTT 127.0.0.1:1883 · WebSocket 127.0.0.1:9001", or why it is not running.
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] std::optional<std::uint16_t> port(const std::string& protocol) const;
    [[nodiscard]] sbx::broker::BrokerStatsSnapshot stats() const;
    [[nodiscard]] sbx::broker::Broker* broker() { return broker_.get(); }

    [[nodiscard]] static sbx::broker::BrokerConfig defaultConfig();

signals:
    void stateChanged();
    // Emitted while the broker still runs, so whoever borrowed it can let go first.
    void aboutToStop();
    void statsUpdated(const sbx::broker::BrokerStatsSnapshot& stats);

private:
    sbx::LogHub& log_;
    sbx::broker::BrokerConfig config_;
    std::unique_ptr<sbx::broker::Broker> broker_;
    QString lastError_;
    QTimer statsTimer_;
};
