#pragma once

#include <QPlainTextEdit>

// A read-only view of one workspace file in the central tab area.
class DocumentTab : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit DocumentTab(const QString& path, QWidget* parent = nullptr);

    [[nodiscard]] const QString& path() const { return path_; }
    // Empty when the file was read; otherwise what went wrong, in words for the user.
    [[nodiscard]] const QString& loadError() const { return loadError_; }

private:
    QString path_;
    QString loadError_;
};
