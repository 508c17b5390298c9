#pragma once

#include <QDialog>

#include "sbx/connect/plugin_registry.h"

class QTableWidget;

// Help > Plugins: every connector plugin the studio found, with its connector, version,
// file and state ("Loaded", "Failed: <reason>", "Not used: <what shadows it>"), and a
// button that opens the user plugin folder.
class PluginsDialog : public QDialog {
    Q_OBJECT
public:
    PluginsDialog(const sbx::connect::PluginRegistry& registry, const QString& userFolder,
                  QWidget* parent = nullptr);

    [[nodiscard]] QTableWidget& table() { return *table_; }

    enum Column { ConnectorColumn, VersionColumn, StateColumn, FileColumn, ColumnCount };

private:
    void fill(const sbx::connect::PluginRegistry& registry);

    QTableWidget* table_;
};
