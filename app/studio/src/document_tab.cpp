#include "document_tab.h"

#include <QFile>
#include <QFontDatabase>

namespace {
// Workspace files are small text documents; a larger file is not shown whole.
constexpr qint64 kMaxShownBytes = qint64{4} * 1024 * 1024;
}  // namespace

DocumentTab::DocumentTab(const QString& path, QWidget* parent)
    : QPlainTextEdit(parent), path_(path) {
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        loadError_ = tr("Cannot read %1: %2").arg(path, file.errorString());
        setPlainText(loadError_);
        return;
    }
    auto bytes = file.read(kMaxShownBytes);
    setPlainText(QString::fromUtf8(bytes));
    if (!file.atEnd()) {
        appendPlainText(tr("\n[only the first %1 MiB are shown]").arg(kMaxShownBytes >> 20));
    }
}
