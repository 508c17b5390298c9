#pragma once

#include <QAbstractTableModel>
#include <deque>
#include <vector>

#include "sbx/common/log_hub.h"

// The application log as a table: time, level, source, message. Bounded: the oldest
// rows go when `capacity` is reached, so a chatty broker cannot grow the studio's memory.
class LogModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, LevelColumn, SourceColumn, MessageColumn, ColumnCount };
    static constexpr int kLevelRole = Qt::UserRole + 1;

    explicit LogModel(std::size_t capacity = 20000, QObject* parent = nullptr);

    [[nodiscard]] int rowCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] int columnCount(const QModelIndex& parent = {}) const override;
    [[nodiscard]] QVariant data(const QModelIndex& index, int role) const override;
    [[nodiscard]] QVariant headerData(int section, Qt::Orientation orientation,
                                      int role) const override;

    // Appends a batch with one insert notification (and at most one removal).
    void append(std::vector<sbx::LogRecord> records);
    void clear();
    [[nodiscard]] const sbx::LogRecord& record(int row) const { return records_[row]; }

private:
    std::size_t capacity_;
    std::deque<sbx::LogRecord> records_;
};

[[nodiscard]] QString levelDisplayName(sbx::LogLevel level);
