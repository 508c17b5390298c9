#include "main_window.h"

#include <gtest/gtest.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCoreApplication>
#include <QDockWidget>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeView>

#include "about_dialog.h"
#include "broker_controller.h"
#include "document_tab.h"
#include "explorer_dock.h"
#include "log_bridge.h"
#include "log_filter_model.h"
#include "log_panel.h"
#include "overview_page.h"
#include "shortcuts_dialog.h"
#include "studio_settings.h"
#include "workspace_controller.h"
#include "workspace_tree_model.h"

namespace {

class MainWindowTest : public testing::Test {
protected:
    StudioSettings settings;
    sbx::LogHub log;
    WorkspaceController workspaces{settings, log};
    BrokerController broker{log};

    QModelIndex findLeaf(const QAbstractItemModel& model, const QString& text,
                         const QModelIndex& parent = {}) {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const auto index = model.index(row, 0, parent);
            if (index.data().toString() == text) {
                return index;
            }
            if (auto found = findLeaf(model, text, index); found.isValid()) {
                return found;
            }
        }
        return {};
    }

    QList<QAction*> menuActions(const QMenuBar& bar) {
        QList<QAction*> result;
        std::function<void(const QMenu&)> walk = [&](const QMenu& menu) {
            for (auto* action : menu.actions()) {
                if (action->menu() != nullptr) {
                    walk(*action->menu());
                } else if (!action->isSeparator() &&
                           (action->isEnabled() || !action->shortcut().isEmpty())) {
                    result << action;
                }
            }
        };
        for (auto* top : bar.actions()) {
            walk(*top->menu());
        }
        return result;
    }
};

TEST_F(MainWindowTest, ShowsTheDemoWorkspaceInExplorerOverviewAndTitle) {
    MainWindow window(settings, log, workspaces, broker);
    ASSERT_TRUE(workspaces.openInitial(QString()));
    QAbstractItemModelTester tester(&window.explorer().model(),
                                    QAbstractItemModelTester::FailureReportingMode::Fatal);
    const auto& model = window.explorer().model();
    EXPECT_TRUE(findLeaf(model, QStringLiteral("Demo: order flow")).isValid());
    const auto contract = findLeaf(model, QStringLiteral("orders.asyncapi.yaml"));
    ASSERT_TRUE(contract.isValid());
    EXPECT_EQ(contract.parent().data().toString(), "Contracts");
    EXPECT_TRUE(window.windowTitle().startsWith("Demo: order flow"));
    EXPECT_TRUE(window.overview().summaryText().contains("Contracts: 1"));
}

TEST_F(MainWindowTest, ActivatingAFileOpensItOnceInATab) {
    MainWindow window(settings, log, workspaces, broker);
    ASSERT_TRUE(workspaces.openInitial(QString()));
    const auto contract =
        findLeaf(window.explorer().model(), QStringLiteral("orders.asyncapi.yaml"));
    const auto path = contract.data(WorkspaceTreeModel::kPathRole).toString();
    emit window.explorer().fileActivated(path);
    emit window.explorer().fileActivated(path);
    ASSERT_EQ(window.tabs().count(), 2);
    auto* tab = qobject_cast<DocumentTab*>(window.tabs().currentWidget());
    ASSERT_NE(tab, nullptr);
    EXPECT_TRUE(tab->loadError().isEmpty());
    EXPECT_TRUE(tab->toPlainText().contains("asyncapi: 3.0.0"));

    window.findChild<QAction*>(QStringLiteral("action.file.closeTab"))->trigger();
    QCoreApplication::processEvents();
    EXPECT_EQ(window.tabs().count(), 1);  // the overview stays
}

TEST_F(MainWindowTest, UnreadableFileSaysWhy) {
    MainWindow window(settings, log, workspaces, broker);
    window.openDocument(QStringLiteral("/nonexistent/file.json"));
    auto* tab = qobject_cast<DocumentTab*>(window.tabs().currentWidget());
    ASSERT_NE(tab, nullptr);
    EXPECT_TRUE(tab->loadError().startsWith("Cannot read /nonexistent/file.json"));
}

TEST_F(MainWindowTest, ExplorerFilterKeepsMatchingFilesAndTheirParents) {
    MainWindow window(settings, log, workspaces, broker);
    ASSERT_TRUE(workspaces.openInitial(QString()));
    window.explorer().filterEdit().setText(QStringLiteral("asyncapi"));
    const auto* proxy = window.explorer().view().model();
    EXPECT_TRUE(findLeaf(*proxy, QStringLiteral("orders.asyncapi.yaml")).isValid());
    EXPECT_FALSE(findLeaf(*proxy, QStringLiteral("order-paid.publish.json")).isValid());
}

TEST_F(MainWindowTest, RecentMenuListsWorkspacesAndClears) {
    QTemporaryDir temp;
    MainWindow window(settings, log, workspaces, broker);
    const auto dir = QDir(temp.path()).filePath(QStringLiteral("shop"));
    ASSERT_TRUE(workspaces.create(dir, QStringLiteral("Shop")));
    auto* recent = window.findChild<QMenu*>(QStringLiteral("menu.file.recent"));
    ASSERT_NE(recent, nullptr);
    EXPECT_TRUE(recent->actions().first()->text().contains(dir));
    window.findChild<QAction*>(QStringLiteral("action.file.clearRecent"))->trigger();
    ASSERT_EQ(recent->actions().size(), 1);
    EXPECT_FALSE(recent->actions().first()->isEnabled());
}

TEST_F(MainWindowTest, EveryMenuActionHasAShortcutAndTheHelpListsThemAll) {
    QTemporaryDir temp;
    MainWindow window(settings, log, workspaces, broker);
    ASSERT_TRUE(
        workspaces.create(QDir(temp.path()).filePath(QStringLiteral("w")), QStringLiteral("W")));
    const auto actions = menuActions(*window.menuBar());
    ASSERT_GE(actions.size(), 10);
    QSet<QString> seen;
    for (auto* action : actions) {
        const auto shortcut = action->shortcut().toString();
        EXPECT_FALSE(shortcut.isEmpty()) << action->text().toStdString();
        EXPECT_FALSE(seen.contains(shortcut)) << "duplicate " << shortcut.toStdString();
        seen.insert(shortcut);
    }
    ShortcutsDialog dialog(*window.menuBar());
    EXPECT_EQ(dialog.table().rowCount(), actions.size());
}

TEST_F(MainWindowTest, GeometryAndDockLayoutAreRestored) {
    {
        MainWindow window(settings, log, workspaces, broker);
        window.show();
        window.resize(900, 640);
        window.findChild<QDockWidget*>(QStringLiteral("dock.log"))->hide();
        window.close();
    }
    StudioSettings reloaded;
    MainWindow window(reloaded, log, workspaces, broker);
    window.show();
    EXPECT_EQ(window.size(), QSize(900, 640));
    EXPECT_FALSE(window.findChild<QDockWidget*>(QStringLiteral("dock.log"))->isVisible());
    window.findChild<QAction*>(QStringLiteral("action.view.resetLayout"))->trigger();
    EXPECT_TRUE(window.findChild<QDockWidget*>(QStringLiteral("dock.log"))->isVisible());
}

TEST_F(MainWindowTest, LogPanelShowsWhatTheStudioSays) {
    MainWindow window(settings, log, workspaces, broker);
    ASSERT_TRUE(workspaces.openInitial(QString()));
    window.logBridge().flush();
    const auto& model = window.logPanel().filterModel();
    bool found = false;
    for (int row = 0; row < model.rowCount(); ++row) {
        found = found || model.index(row, 3).data().toString().contains("Opened workspace");
    }
    EXPECT_TRUE(found);
}

TEST(AboutDialog, NamesVersionAndLibraries) {
    AboutDialog dialog;
    const auto* table = dialog.findChild<QTableWidget*>();
    ASSERT_NE(table, nullptr);
    QStringList libraries;
    for (int row = 0; row < table->rowCount(); ++row) {
        libraries << table->item(row, 0)->text();
        EXPECT_FALSE(table->item(row, 2)->text().isEmpty());
    }
    EXPECT_TRUE(libraries.contains("Qt"));
    EXPECT_TRUE(libraries.contains("OpenSSL"));
}

}  // namespace
