#include "message_table_columns.h"

#include <QHeaderView>
#include <QTableView>
#include <algorithm>

namespace {
constexpr int kMaxColumnChars = 36;
}

void fitColumnsOnFirstRows(QTableView& table) {
    table.setWordWrap(false);
    table.verticalHeader()->setDefaultSectionSize(table.fontMetrics().height() + 8);
    auto* model = table.model();
    auto fit = [&table] {
        if (table.property("sbx.columnsFitted").toBool() || table.model()->rowCount() == 0) {
            return;
        }
        table.setProperty("sbx.columnsFitted", true);
        table.resizeColumnsToContents();
        const auto cap = table.fontMetrics().horizontalAdvance(QLatin1Char('x')) * kMaxColumnChars;
        auto* header = table.horizontalHeader();
        for (int column = 0; column < header->count(); ++column) {
            header->resizeSection(column, std::min(header->sectionSize(column), cap));
        }
    };
    QObject::connect(model, &QAbstractItemModel::modelReset, &table, fit);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, &table, fit);
}
