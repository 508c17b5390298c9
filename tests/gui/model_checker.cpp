#include "model_checker.h"

#include <QMutex>

namespace {

QMutex problemsMutex;
QStringList collected;
QtMessageHandler previous = nullptr;

void collect(QtMsgType type, const QMessageLogContext& context, const QString& message) {
    if (context.category != nullptr && QLatin1String(context.category) == "qt.modeltest") {
        const QMutexLocker lock(&problemsMutex);
        collected << message;
        return;
    }
    if (previous != nullptr) {
        previous(type, context, message);
    }
}

}  // namespace

ModelChecker::ModelChecker(QAbstractItemModel* model) {
    {
        const QMutexLocker lock(&problemsMutex);
        collected.clear();
    }
    previous = qInstallMessageHandler(collect);
    tester_ = std::make_unique<QAbstractItemModelTester>(
        model, QAbstractItemModelTester::FailureReportingMode::Warning);
}

ModelChecker::~ModelChecker() {
    tester_.reset();
    qInstallMessageHandler(previous);
}

QStringList ModelChecker::problems() const {
    const QMutexLocker lock(&problemsMutex);
    QStringList failures;
    for (const auto& message : collected) {
        if (message.contains(QLatin1String("FAIL"))) {
            failures << message;
        }
    }
    return failures;
}
