#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

#include "sbx/observe/broker_source.h"
#include "source_monitor.h"

// Calls the monitor's source on its worker thread (a remote source may block on the
// network) and hands the result to `done` on the GUI thread, unless `receiver` is gone
// by then. The monitor reports every command in the order it ran them, so the first
// report after the call filled its result is this call's; if the call never ran (no
// source bound), the report's error is passed on. The calls are quiet: the view that
// makes them shows their outcome itself, so a live view polling every second does not
// fill the status bar and the log.
template <typename T>
void callSource(SourceMonitor& monitor, QObject* receiver, const QString& description,
                std::function<sbx::Result<T>(sbx::observe::BrokerSource&)> call,
                std::function<void(sbx::Result<T>)> done) {
    auto result = std::make_shared<std::optional<sbx::Result<T>>>();
    auto connection = std::make_shared<QMetaObject::Connection>();
    *connection = QObject::connect(
        &monitor, &SourceMonitor::commandFinished, receiver,
        [result, connection, description, done](const QString& finished, const QString& error,
                                                bool /*quiet*/) {
            if (finished != description || (!result->has_value() && error.isEmpty())) {
                return;  // another caller's command
            }
            QObject::disconnect(*connection);
            if (result->has_value()) {
                done(std::move(**result));
            } else {
                done(sbx::Error{sbx::ErrorCode::NotFound, error.toStdString()});
            }
        });
    monitor.submit(
        description,
        [result, call = std::move(call)](sbx::observe::BrokerSource& source) {
            *result = call(source);
            return (*result)->ok() ? sbx::Status{} : sbx::Status{(*result)->error()};
        },
        SourceMonitor::Notice::Quiet);
}
