#include "start_views.h"

#include <QApplication>
#include <QItemSelectionModel>
#include <QListWidget>
#include <QTableView>

#include "dead_letter_page.h"
#include "main_window.h"
#include "message_browser_model.h"
#include "message_browser_page.h"
#include "monitor_controller.h"
#include "publisher_page.h"
#include "source_monitor.h"
#include "trace_page.h"

namespace {

// Selects the first row of `table` once it has one, unless the user selected another.
void selectFirstRowWhenFilled(QTableView* table) {
    auto* model = table->model();
    const auto select = [table] {
        if (table->model()->rowCount() > 0 && !table->selectionModel()->hasSelection()) {
            table->selectRow(0);
        }
    };
    QObject::connect(model, &QAbstractItemModel::modelReset, table, select);
    QObject::connect(model, &QAbstractItemModel::rowsInserted, table, select);
}

void openMessages(MainWindow& window, const QString& destination) {
    auto* page = window.openMessageBrowser();
    if (destination.isEmpty()) {
        return;
    }
    selectFirstRowWhenFilled(&page->table());
    page->browse(destination);
    page->setLive(true);
}

void openDeadLetters(MainWindow& window, const QString& queue) {
    auto* page = window.openDeadLetters();
    if (queue.isEmpty()) {
        return;
    }
    selectFirstRowWhenFilled(&page->table());
    page->showQueue(queue);
    // The queue may not exist yet at start: look again on every refresh until it has
    // messages.
    auto* monitor = &window.monitors().embedded();
    QObject::connect(monitor, &SourceMonitor::snapshotReady, page, [page] {
        if (page->model().rowCount() == 0) {
            page->refresh();
        }
    });
}

// A trace worth showing has gone past publish and routing.
constexpr std::size_t kInterestingHops = 4;

void openTrace(MainWindow& window, const QString& filter) {
    auto* page = window.openTrace();
    page->setFollow(true, filter);
    QObject::connect(page, &TracePage::hopsIndexed, page, [page] {
        auto& traces = page->traces();
        if (traces.currentItem() != nullptr) {
            return;
        }
        for (int i = 0; i < traces.count(); ++i) {
            const auto id = traces.item(i)->data(Qt::UserRole).toULongLong();
            if (page->index().trace(id).hops.size() >= kInterestingHops) {
                traces.setCurrentRow(i);
                return;
            }
        }
    });
}

}  // namespace

QStringList openStartViews(MainWindow& window, const QStringList& views) {
    QStringList unknown;
    for (const auto& view : views) {
        const auto equals = view.indexOf(QLatin1Char('='));
        const auto name = view.left(equals);
        const auto target = equals < 0 ? QString() : view.mid(equals + 1);
        if (name == QLatin1String("dashboard")) {
            window.openDashboard(&window.monitors().embedded(), target,
                                 QApplication::translate("Studio", "Embedded broker"));
        } else if (name == QLatin1String("clients")) {
            window.openClients(&window.monitors().embedded());
        } else if (name == QLatin1String("messages")) {
            openMessages(window, target);
        } else if (name == QLatin1String("publisher")) {
            auto* publisher = window.openPublisher();
            if (!target.isEmpty() && !publisher->selectTemplate(target)) {
                unknown << view;
            }
        } else if (name == QLatin1String("deadletters")) {
            openDeadLetters(window, target);
        } else if (name == QLatin1String("trace")) {
            openTrace(window, target);
        } else {
            unknown << view;
        }
    }
    return unknown;
}
