#include "broker_controller.h"

#include <QDir>
#include <QStandardPaths>

namespace {

QString describeEndpoint(const sbx::broker::ListeningEndpoint& endpoint) {
    const auto name = endpoint.protocol == "ws"     ? BrokerController::tr("WebSocket")
                      : endpoint.protocol == "amqp" ? BrokerController::tr("AMQP")
                                                    : BrokerController::tr("MQTT");
    return QStringLiteral("%1 %2:%3")
        .arg(name, QString::fromStdString(endpoint.address))
        .arg(endpoint.port);
}

bool addressInUse(const sbx::Error& error) {
    return error.message.find("in use") != std::string::npos;
}

}  // namespace

BrokerController::BrokerController(sbx::LogHub& log, QObject* parent) : QObject(parent), log_(log) {
    statsTimer_.setInterval(1000);
    connect(&statsTimer_, &QTimer::timeout, this, [this] {
        if (broker_) {
            emit statsUpdated(broker_->stats());
        }
    });
}

BrokerController::~BrokerController() {
    stop();
}

sbx::broker::BrokerConfig BrokerController::defaultConfig() {
    sbx::broker::BrokerConfig config;
    config.mqttPort = 1883;
    config.wsPort = 9001;
    config.amqpPort = 5672;
    config.dataDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                         .filePath(QStringLiteral("broker"))
                         .toStdString();
    return config;
}

bool BrokerController::start(sbx::broker::BrokerConfig config, QString* error) {
    stop();
    config_ = config;
    auto started = sbx::broker::Broker::start(config, log_);
    if (!started && addressInUse(started.error())) {
        log_.log(sbx::LogLevel::Warning, "studio",
                 tr("The usual broker ports are taken (%1); using free ports instead")
                     .arg(QString::fromStdString(started.error().message))
                     .toStdString());
        config.mqttPort = config.mqttPort ? std::optional<std::uint16_t>(0) : std::nullopt;
        config.wsPort = config.wsPort ? std::optional<std::uint16_t>(0) : std::nullopt;
        config.amqpPort = config.amqpPort ? std::optional<std::uint16_t>(0) : std::nullopt;
        config_ = config;
        started = sbx::broker::Broker::start(config, log_);
    }
    if (!started) {
        lastError_ = QString::fromStdString(started.error().describe());
        log_.log(sbx::LogLevel::Error, "studio",
                 tr("The embedded broker did not start: %1").arg(lastError_).toStdString());
        if (error != nullptr) {
            *error = lastError_;
        }
        emit stateChanged();
        return false;
    }
    broker_ = std::move(started).value();
    lastError_.clear();
    statsTimer_.start();
    emit stateChanged();
    return true;
}

void BrokerController::stop() {
    if (!broker_) {
        return;
    }
    statsTimer_.stop();
    emit aboutToStop();
    broker_->stop();
    broker_.reset();
    emit stateChanged();
}

QString BrokerController::statusText() const {
    if (!broker_) {
        return lastError_.isEmpty() ? tr("Broker stopped")
                                    : tr("Broker not running: %1").arg(lastError_);
    }
    QStringList parts;
    for (const auto& endpoint : broker_->endpoints()) {
        parts << describeEndpoint(endpoint);
    }
    return tr("Broker: %1").arg(parts.join(QStringLiteral(" · ")));
}

std::optional<std::uint16_t> BrokerController::port(const std::string& protocol) const {
    if (!broker_) {
        return std::nullopt;
    }
    for (const auto& endpoint : broker_->endpoints()) {
        if (endpoint.protocol == protocol) {
            return endpoint.port;
        }
    }
    return std::nullopt;
}

sbx::broker::BrokerStatsSnapshot BrokerController::stats() const {
    return broker_ ? broker_->stats() : sbx::broker::BrokerStatsSnapshot{};
}
