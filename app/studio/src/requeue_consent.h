#pragma once

#include <QSet>
#include <QString>
#include <functional>

#include "sbx/common/error.h"

class QWidget;

// RabbitMQ classic and quorum queues can only be read by taking messages and putting
// them back: their order changes and they come back marked redelivered. The RabbitMQ
// plugin refuses such a peek until the user agrees (PeekRequest::allowRequeue); this
// remembers, per destination, what the user answered so a live view asks only once.
class RequeueConsent {
public:
    using Ask = std::function<bool(const QString& destinationId)>;

    // Asks with a QMessageBox on `parent`.
    explicit RequeueConsent(QWidget* parent);

    // Whether `error` is the plugin's refusal ("RabbitMQ cannot peek without consuming…").
    [[nodiscard]] static bool isRefusal(const sbx::Error& error);

    [[nodiscard]] bool allowed(const QString& destinationId) const {
        return allowed_.contains(destinationId);
    }
    // After a refusal: asks once per destination; true when the peek should be retried.
    bool askAfterRefusal(const QString& destinationId);
    // Tests answer instead of the dialog.
    void setAsk(Ask ask) { ask_ = std::move(ask); }

private:
    Ask ask_;
    QSet<QString> allowed_;
    QSet<QString> declined_;
};
