#include "requeue_consent.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPointer>
#include <QWidget>

RequeueConsent::RequeueConsent(QWidget* parent) {
    ask_ = [guard = QPointer<QWidget>(parent)](const QString& destinationId) {
        const auto title = QCoreApplication::translate("RequeueConsent", "Peek by Requeueing?");
        const auto text = QCoreApplication::translate(
                              "RequeueConsent",
                              "RabbitMQ cannot show the messages of “%1” without taking them "
                              "from the queue. Signalbox can take them and put them back at "
                              "once, but then:\n\n"
                              "• their order in the queue may change,\n"
                              "• they are marked redelivered, which consumers may see,\n"
                              "• they are briefly unavailable to consumers.\n\n"
                              "Read them this way?")
                              .arg(destinationId);
        return QMessageBox::question(guard, title, text, QMessageBox::Yes | QMessageBox::No,
                                     QMessageBox::No) == QMessageBox::Yes;
    };
}

bool RequeueConsent::isRefusal(const sbx::Error& error) {
    return error.message.rfind("RabbitMQ cannot peek without consuming", 0) == 0;
}

bool RequeueConsent::askAfterRefusal(const QString& destinationId) {
    if (allowed_.contains(destinationId) || declined_.contains(destinationId)) {
        return false;
    }
    if (ask_(destinationId)) {
        allowed_.insert(destinationId);
        return true;
    }
    declined_.insert(destinationId);
    return false;
}
