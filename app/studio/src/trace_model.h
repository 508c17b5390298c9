#pragma once

#include <QAbstractTableModel>

#include "sbx/inspect/trace_index.h"

// The hops of one trace as a timeline: what happened, when, how long after the hop
// before, where (queue, exchange, topic), who (client) and over which protocol.
class TraceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Hop,
        Time,
        SincePrevious,
        SinceStart,
        Destination,
        Client,
        Protocol,
        Detail,
        Count
    };

    explicit TraceModel(QObject* parent = nullptr);

    void setTrace(sbx::inspect::Trace trace);
    [[nodiscard]] const sbx::inspect::Trace& trace() const { return trace_; }
    // "published → routed → delivered → acked"
    [[nodiscard]] QString path() const;

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    [[nodiscard]] static QString formatLatency(std::chrono::microseconds latency);

private:
    sbx::inspect::Trace trace_;
};
