#include "log_model.h"

#include <QBrush>
#include <QColor>
#include <QDateTime>

QString levelDisplayName(sbx::LogLevel level) {
    switch (level) {
        case sbx::LogLevel::Trace:
            return LogModel::tr("Trace");
        case sbx::LogLevel::Debug:
            return LogModel::tr("Debug");
        case sbx::LogLevel::Info:
            return LogModel::tr("Info");
        case sbx::LogLevel::Warning:
            return LogModel::tr("Warning");
        case sbx::LogLevel::Error:
            return LogModel::tr("Error");
    }
    return {};
}

LogModel::LogModel(std::size_t capacity, QObject* parent)
    : QAbstractTableModel(parent), capacity_(capacity) {}

int LogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(records_.size());
}

int LogModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid)) {
        return {};
    }
    const auto& record = records_[static_cast<std::size_t>(index.row())];
    if (role == kLevelRole) {
        return static_cast<int>(record.level);
    }
    if (role == Qt::ForegroundRole && index.column() == LevelColumn) {
        if (record.level == sbx::LogLevel::Error) {
            return QBrush(QColor(0xd9, 0x3f, 0x3f));
        }
        if (record.level == sbx::LogLevel::Warning) {
            return QBrush(QColor(0xd4, 0x8a, 0x1c));
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole) {
        return {};
    }
    switch (index.column()) {
        case TimeColumn: {
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                record.time.time_since_epoch())
                                .count();
            return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("HH:mm:ss.zzz"));
        }
        case LevelColumn:
            return levelDisplayName(record.level);
        case SourceColumn:
            return QString::fromStdString(record.source);
        case MessageColumn:
            return QString::fromStdString(record.message);
        default:
            return {};
    }
}

QVariant LogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return {};
    }
    switch (section) {
        case TimeColumn:
            return tr("Time");
        case LevelColumn:
            return tr("Level");
        case SourceColumn:
            return tr("Source");
        case MessageColumn:
            return tr("Message");
        default:
            return {};
    }
}

void LogModel::append(std::vector<sbx::LogRecord> records) {
    if (records.empty() || capacity_ == 0) {
        return;
    }
    if (records.size() > capacity_) {
        records.erase(records.begin(),
                      records.begin() + static_cast<std::ptrdiff_t>(records.size() - capacity_));
    }
    const auto overflow = records_.size() + records.size() > capacity_
                              ? records_.size() + records.size() - capacity_
                              : 0;
    if (overflow > 0) {
        beginRemoveRows({}, 0, static_cast<int>(overflow) - 1);
        records_.erase(records_.begin(), records_.begin() + static_cast<std::ptrdiff_t>(overflow));
        endRemoveRows();
    }
    const auto first = static_cast<int>(records_.size());
    beginInsertRows({}, first, first + static_cast<int>(records.size()) - 1);
    for (auto& record : records) {
        records_.push_back(std::move(record));
    }
    endInsertRows();
}

void LogModel::clear() {
    beginResetModel();
    records_.clear();
    endResetModel();
}
