#pragma once

#include <QSortFilterProxyModel>

#include "sbx/common/log_level.h"

// Shows log rows at or above a minimum level whose source or message contains the
// search text (case-insensitive).
class LogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setMinimumLevel(sbx::LogLevel level);
    [[nodiscard]] sbx::LogLevel minimumLevel() const { return minimumLevel_; }
    void setSearchText(const QString& text);

protected:
    [[nodiscard]] bool filterAcceptsRow(int sourceRow,
                                        const QModelIndex& sourceParent) const override;

private:
    sbx::LogLevel minimumLevel_ = sbx::LogLevel::Debug;
    QString searchText_;
};
