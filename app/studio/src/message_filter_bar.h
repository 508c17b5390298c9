#pragma once

#include <QWidget>
#include <functional>

#include "sbx/inspect/message_filter.h"

class QCheckBox;
class QComboBox;
class QLineEdit;

// The browser's filter: payload text or regex, routing key, and "name=value" conditions
// on properties and headers; filters saved as filters/<name>.json in the workspace.
class MessageFilterBar : public QWidget {
    Q_OBJECT
public:
    explicit MessageFilterBar(QWidget* parent = nullptr);

    // Where saved filters live; empty while no workspace is open.
    void setFolderProvider(std::function<QString()> folder) { folder_ = std::move(folder); }

    [[nodiscard]] sbx::inspect::MessageFilter filter() const;
    void setFilter(const sbx::inspect::MessageFilter& filter);
    // Saves the current filter under `name`; returns the error, empty on success.
    QString save(const QString& name);
    void reloadSaved();

    [[nodiscard]] QLineEdit& payloadEdit() { return *payload_; }
    [[nodiscard]] QCheckBox& regexBox() { return *regex_; }
    [[nodiscard]] QLineEdit& fieldsEdit() { return *fields_; }
    [[nodiscard]] QComboBox& savedCombo() { return *saved_; }

signals:
    void filterChanged();
    // A filter was written to the workspace.
    void saved(const QString& path);

private:
    [[nodiscard]] QString folder() const { return folder_ ? folder_() : QString(); }
    void loadSaved(int index);

    QLineEdit* payload_;
    QCheckBox* regex_;
    QLineEdit* routingKey_;
    QLineEdit* fields_;
    QComboBox* saved_;
    std::function<QString()> folder_;
};
