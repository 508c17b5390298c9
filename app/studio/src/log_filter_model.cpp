#include "log_filter_model.h"

#include "log_model.h"

void LogFilterModel::setMinimumLevel(sbx::LogLevel level) {
    minimumLevel_ = level;
    invalidateRowsFilter();
}

void LogFilterModel::setSearchText(const QString& text) {
    searchText_ = text;
    invalidateRowsFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const auto* model = sourceModel();
    const auto level = model->index(sourceRow, LogModel::LevelColumn, sourceParent)
                           .data(LogModel::kLevelRole)
                           .toInt();
    if (level < static_cast<int>(minimumLevel_)) {
        return false;
    }
    if (searchText_.isEmpty()) {
        return true;
    }
    for (int column : {LogModel::SourceColumn, LogModel::MessageColumn}) {
        const auto text = model->index(sourceRow, column, sourceParent).data().toString();
        if (text.contains(searchText_, Qt::CaseInsensitive)) {
            return true;
        }
    }
    return false;
}
