#include "about_dialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSvgWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtGlobal>

#include "sbx/common/version.h"

namespace {

struct LibraryNotice {
    const char* name;
    QString version;
    const char* license;
};

QList<LibraryNotice> libraryNotices() {
    return {
        {"Qt", QString::fromLatin1(qVersion()), "LGPL-3.0-only"},
        {"Boost (Asio, Beast)", QStringLiteral("1.74"), "BSL-1.0"},
        {"OpenSSL", QStringLiteral("3.0"), "Apache-2.0"},
        {"SQLite", QStringLiteral("3"), "Public domain"},
        {"nlohmann/json", QStringLiteral("3.11"), "MIT"},
        {"CLI11", QStringLiteral("2.1"), "BSD-3-Clause"},
    };
}

}  // namespace

AboutDialog::AboutDialog(QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("About Signalbox"));

    auto* logo = new QSvgWidget(QStringLiteral(":/icons/signalbox.svg"), this);
    logo->setFixedSize(72, 72);

    auto* title = new QLabel(
        tr("<h2>Signalbox %1</h2><p>A native studio for event-driven systems: an embedded "
           "broker, live monitoring, message traces, pipelines and contracts.</p>"
           "<p>Licensed under the GNU General Public License, version 3 or later.</p>")
            .arg(QString::fromLatin1(sbx::kVersion)),
        this);
    title->setWordWrap(true);

    auto* header = new QHBoxLayout;
    header->addWidget(logo, 0, Qt::AlignTop);
    header->addWidget(title, 1);

    const auto notices = libraryNotices();
    auto* table = new QTableWidget(static_cast<int>(notices.size()), 3, this);
    table->setHorizontalHeaderLabels({tr("Library"), tr("Version"), tr("License")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    for (int row = 0; row < notices.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(QString::fromLatin1(notices[row].name)));
        table->setItem(row, 1, new QTableWidgetItem(notices[row].version));
        table->setItem(row, 2, new QTableWidgetItem(QString::fromLatin1(notices[row].license)));
    }
    table->resizeColumnsToContents();
    table->horizontalHeader()->setStretchLastSection(true);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(header);
    layout->addWidget(new QLabel(tr("Built with:"), this));
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(520, 420);
}
