#pragma once

#include <QTimer>
#include <QWidget>
#include <functional>

#include "sbx/observe/broker_commands.h"
#include "source_monitor.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

// Composes a message (AMQP exchange and routing key, or MQTT topic, QoS and retain;
// properties, headers, payload from text or a file) and sends it once or N times at a
// rate, with progress and Stop. Templates are JSON files in the workspace's templates/.
class PublisherPage : public QWidget {
    Q_OBJECT
public:
    explicit PublisherPage(SourceMonitor& monitor, QWidget* parent = nullptr);

    void setTemplateFolderProvider(std::function<QString()> folder);

    [[nodiscard]] sbx::observe::PublishRequest request() const;
    void setRequest(const sbx::observe::PublishRequest& request);
    void setCount(int count);
    void setRate(int perSecond);
    void send();
    void stop();
    [[nodiscard]] bool sending() const { return timer_.isActive() || inFlight_; }
    [[nodiscard]] int sent() const { return sent_; }

    QString saveTemplate(const QString& name);
    void reloadTemplates();
    // Loads the saved template called `name` (as listed under Templates); false if none.
    bool selectTemplate(const QString& name);

    [[nodiscard]] QLabel& result() { return *result_; }
    [[nodiscard]] QProgressBar& progress() { return *progress_; }

signals:
    void finished(int sent, const QString& error);

private:
    void tick();
    void finish(const QString& error);
    void loadTemplate(int index);
    void updateProtocol();

    SourceMonitor& monitor_;
    QComboBox* protocol_;
    QLineEdit* vhost_;
    QLineEdit* exchange_;
    QLineEdit* routingKey_;
    QSpinBox* qos_;
    QCheckBox* retain_;
    QTableWidget* properties_;
    QTableWidget* headers_;
    QPlainTextEdit* payload_;
    QComboBox* templates_;
    QSpinBox* count_;
    QSpinBox* rate_;
    QPushButton* send_;
    QPushButton* stop_;
    QProgressBar* progress_;
    QLabel* result_;
    QTimer timer_;
    std::function<QString()> templateFolder_;
    int target_ = 0;
    int sent_ = 0;
    bool inFlight_ = false;
    bool stopRequested_ = false;
};
