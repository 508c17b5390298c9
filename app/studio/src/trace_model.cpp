#include "trace_model.h"

#include <QColor>
#include <QDateTime>

TraceModel::TraceModel(QObject* parent) : QAbstractTableModel(parent) {}

void TraceModel::setTrace(sbx::inspect::Trace trace) {
    beginResetModel();
    trace_ = std::move(trace);
    endResetModel();
}

QString TraceModel::path() const {
    QStringList kinds;
    for (const auto& hop : trace_.hops) {
        kinds << QString::fromUtf8(toString(hop.event.kind).data());
    }
    return kinds.join(QStringLiteral(" → "));
}

QString TraceModel::formatLatency(std::chrono::microseconds latency) {
    const auto us = latency.count();
    if (us < 1000) {
        return tr("%1 µs").arg(us);
    }
    if (us < 1'000'000) {
        return tr("%1 ms").arg(static_cast<double>(us) / 1000.0, 0, 'f', 2);
    }
    return tr("%1 s").arg(static_cast<double>(us) / 1e6, 0, 'f', 3);
}

int TraceModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(trace_.hops.size());
}

int TraceModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : Count;
}

QVariant TraceModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount() || index.column() >= Count) {
        return {};
    }
    const auto& hop = trace_.hops[static_cast<std::size_t>(index.row())];
    const auto& e = hop.event;
    using sbx::observe::HopKind;
    if (role == Qt::ForegroundRole && index.column() == Hop) {
        switch (e.kind) {
            case HopKind::Acked:
                return QColor(0x27, 0xae, 0x60);
            case HopKind::Nacked:
            case HopKind::Dropped:
            case HopKind::Expired:
            case HopKind::DeadLettered:
            case HopKind::Returned:
                return QColor(0xc0, 0x39, 0x2b);
            default:
                return {};
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (static_cast<Column>(index.column())) {
        case Hop:
            return QString::fromUtf8(toString(e.kind).data());
        case Time:
            return QDateTime::fromMSecsSinceEpoch(
                       std::chrono::duration_cast<std::chrono::milliseconds>(
                           e.time.time_since_epoch())
                           .count())
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        case SincePrevious:
            return index.row() == 0 ? QString() : formatLatency(hop.sincePrevious);
        case SinceStart:
            return formatLatency(hop.sinceStart);
        case Destination: {
            auto where = QString::fromStdString(e.destination);
            if (!e.routingKey.empty() && e.routingKey != e.destination) {
                where += QStringLiteral(" (%1)").arg(QString::fromStdString(e.routingKey));
            }
            if (e.kind == HopKind::Routed) {
                where += tr(" → %1 targets").arg(e.count);
            }
            if (e.kind == HopKind::DeadLettered && !e.target.empty()) {
                where += tr(" → dead-letter exchange %1").arg(QString::fromStdString(e.target));
            }
            return where;
        }
        case Client:
            return QString::fromStdString(e.clientId);
        case Protocol:
            return QString::fromStdString(e.protocol);
        case Detail:
            return QString::fromStdString(e.detail);
        case Count:
            break;
    }
    return {};
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (static_cast<Column>(section)) {
        case Hop:
            return tr("Hop");
        case Time:
            return tr("Time");
        case SincePrevious:
            return tr("+ Latency");
        case SinceStart:
            return tr("Since publish");
        case Destination:
            return tr("Where");
        case Client:
            return tr("Client");
        case Protocol:
            return tr("Protocol");
        case Detail:
            return tr("Detail");
        case Count:
            break;
    }
    return {};
}
