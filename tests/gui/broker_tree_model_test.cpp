#include "broker_tree_model.h"

#include <gtest/gtest.h>

#include <QPersistentModelIndex>
#include <QSignalSpy>
#include <QSortFilterProxyModel>

#include "fake_broker_source.h"
#include "model_checker.h"

namespace {

using Model = BrokerTreeModel;
using sbx::observe::BrokerSnapshot;
using sbx::observe::DestinationKind;

QString text(const Model& model, const QModelIndex& index, int column) {
    return model.data(index.siblingAtColumn(column), Qt::DisplayRole).toString();
}

// Finds a child row of `parent` by its name column.
QModelIndex child(const Model& model, const QModelIndex& parent, const QString& name) {
    for (int row = 0; row < model.rowCount(parent); ++row) {
        const auto index = model.index(row, 0, parent);
        if (index.data().toString() == name || index.data().toString().startsWith(name + " (")) {
            return index;
        }
    }
    return {};
}

BrokerSnapshot queues(int count, std::uint64_t ready = 5, int skipEvery = 0) {
    BrokerSnapshot snapshot;
    snapshot.overview.name = "fake";
    snapshot.overview.vhosts = {"/"};
    for (int i = 0; i < count; ++i) {
        if (skipEvery > 0 && i % skipEvery == 0) {
            continue;
        }
        char name[32];
        std::snprintf(name, sizeof name, "q%05d", i);
        snapshot.destinations.push_back(makeQueue(name, ready));
    }
    return snapshot;
}

QModelIndex queuesGroup(const Model& model) {
    const auto vhost = child(model, model.brokerIndex("fake"), "/");
    return child(model, vhost, "Queues");
}

TEST(BrokerTreeModel, ShowsVhostGroupsAndTopicsAsATree) {
    Model model;
    ModelChecker checker(&model);
    BrokerSnapshot snapshot;
    snapshot.overview.name = "Embedded";
    snapshot.overview.product = "Signalbox 0.1.0";
    snapshot.overview.vhosts = {"/"};
    snapshot.destinations = {makeExchange("amq.topic", "topic"),
                             makeQueue("orders", 3, 2),
                             makeTopic("sensors/kitchen/temp", "21.5", 4),
                             makeTopic("sensors/hall/temp", "19.0", 2),
                             makeTopic("a", "x"),
                             makeTopic("a/b", "y")};
    auto stream = makeQueue("events", 100);
    stream.kind = DestinationKind::Stream;
    stream.type = "stream";
    snapshot.destinations.push_back(stream);
    model.applySnapshot("embedded", snapshot);

    const auto broker = model.brokerIndex("embedded");
    ASSERT_TRUE(broker.isValid());
    EXPECT_EQ(text(model, broker, Model::NameColumn), "Embedded");
    EXPECT_EQ(text(model, broker, Model::TypeColumn), "Signalbox 0.1.0");
    const auto vhost = child(model, broker, "/");
    ASSERT_TRUE(vhost.isValid());
    EXPECT_EQ(model.rowCount(vhost), 3);  // Exchanges, Queues, Streams
    const auto orders = child(model, child(model, vhost, "Queues"), "orders");
    ASSERT_TRUE(orders.isValid());
    EXPECT_EQ(text(model, orders, Model::ReadyColumn), "3");
    EXPECT_EQ(text(model, orders, Model::ConsumersColumn), "2");
    EXPECT_EQ(orders.data(Model::DestinationIdRole).toString(), "queue://orders");
    EXPECT_EQ(orders.data(Model::BrokerRole).toString(), "embedded");
    EXPECT_TRUE(child(model, child(model, vhost, "Streams"), "events").isValid());
    EXPECT_TRUE(child(model, child(model, vhost, "Exchanges"), "amq.topic").isValid());

    const auto topics = child(model, broker, "MQTT topics");
    ASSERT_TRUE(topics.isValid());
    const auto sensors = child(model, topics, "sensors");
    ASSERT_TRUE(sensors.isValid());
    EXPECT_EQ(text(model, sensors, Model::MessagesColumn), "6");  // all below it
    EXPECT_TRUE(text(model, sensors, Model::LastValueColumn).isEmpty());
    const auto kitchen = child(model, child(model, sensors, "kitchen"), "temp");
    EXPECT_EQ(text(model, kitchen, Model::LastValueColumn), "21.5");
    EXPECT_EQ(kitchen.data(Model::DestinationIdRole).toString(), "topic:sensors/kitchen/temp");
    // "a" is a topic and the parent of "a/b".
    const auto a = child(model, topics, "a");
    EXPECT_EQ(text(model, a, Model::LastValueColumn), "x");
    EXPECT_EQ(text(model, child(model, a, "b"), Model::LastValueColumn), "y");
    EXPECT_EQ(model.findDestination("embedded", "topic:a/b"), child(model, a, "b"));
    EXPECT_TRUE(checker.problems().isEmpty()) << checker.report();
}

TEST(BrokerTreeModel, TopicTreeFollowsTopicsComingAndGoing) {
    Model model;
    ModelChecker checker(&model);
    BrokerSnapshot snapshot;
    snapshot.destinations = {makeTopic("home/a/t", "1"), makeTopic("home/b/t", "2")};
    model.applySnapshot("b", snapshot);
    const auto home = child(model, child(model, model.brokerIndex("b"), "MQTT topics"), "home");
    const QPersistentModelIndex b(child(model, home, "b"));
    snapshot.destinations = {makeTopic("home/b/t", "3"), makeTopic("home/c", "4"),
                             makeTopic("office/x", "5")};
    model.applySnapshot("b", snapshot);
    ASSERT_TRUE(b.isValid());
    EXPECT_EQ(text(model, child(model, b, "t"), Model::LastValueColumn), "3");
    EXPECT_FALSE(child(model, home, "a").isValid());  // gone with its only topic
    EXPECT_EQ(text(model, child(model, home, "c"), Model::LastValueColumn), "4");
    snapshot.destinations.clear();
    model.applySnapshot("b", snapshot);
    EXPECT_FALSE(child(model, model.brokerIndex("b"), "MQTT topics").isValid());
    EXPECT_TRUE(checker.problems().isEmpty()) << checker.report();
}

// NATS subjects: a tree on '.' under "Subjects", not "MQTT topics".
TEST(BrokerTreeModel, NatsSubjectsAreATreeOnDots) {
    Model model;
    ModelChecker checker(&model);
    BrokerSnapshot snapshot;
    for (const auto* name : {"orders.created", "orders.paid", "audit"}) {
        auto subject = makeTopic(name, "");
        subject.type = "subject";
        snapshot.destinations.push_back(subject);
    }
    model.applySnapshot("nats", snapshot);
    const auto broker = model.brokerIndex("nats");
    EXPECT_FALSE(child(model, broker, "MQTT topics").isValid());
    const auto subjects = child(model, broker, "Subjects");
    ASSERT_TRUE(subjects.isValid());
    EXPECT_EQ(subjects.data().toString(), "Subjects (3)");
    const auto orders = child(model, subjects, "orders");
    ASSERT_TRUE(orders.isValid());
    EXPECT_EQ(model.rowCount(orders), 2);
    EXPECT_EQ(text(model, child(model, orders, "paid"), Model::TypeColumn), "subject");
    EXPECT_TRUE(checker.problems().isEmpty()) << checker.report();
}

// The queues of `queues(count)` without those the predicate drops.
BrokerSnapshot queuesWithout(int count, std::uint64_t ready, bool (*drop)(int)) {
    auto snapshot = queues(count, ready);
    std::erase_if(snapshot.destinations,
                  [&](const auto& queue) { return drop(std::stoi(queue.name.substr(1))); });
    return snapshot;
}

bool blockAndScattered(int i) {
    return (i >= 2000 && i < 3000) || i == 17 || i == 5555 || i == 9999;
}

bool everyThird(int i) {
    return i % 3 == 0;
}

// The model tester walks the whole tree after every structural signal, so this test
// changes the 10k queues in blocks; ChurnOfTenThousandQueues below scatters them.
TEST(BrokerTreeModel, TenThousandQueuesUnderTheModelTester) {
    Model model;
    ModelChecker checker(&model);
    model.applySnapshot("fake", queues(10000));
    auto group = queuesGroup(model);
    ASSERT_EQ(model.rowCount(group), 10000);
    const QPersistentModelIndex kept(model.index(4001, 0, group));
    ASSERT_EQ(kept.data().toString(), "q04001");

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    // Every depth changes: one dataChanged for the run of queues (plus totals above).
    model.applySnapshot("fake", queues(10000, 7));
    EXPECT_LE(changed.count(), 5);
    EXPECT_EQ(inserted.count(), 0);
    EXPECT_EQ(text(model, kept, Model::ReadyColumn), "7");

    model.applySnapshot("fake", queuesWithout(10000, 7, blockAndScattered));
    EXPECT_EQ(model.rowCount(group), 10000 - 1003);
    EXPECT_EQ(kept.data().toString(), "q04001");
    model.applySnapshot("fake", queues(10000, 8));
    EXPECT_EQ(model.rowCount(group), 10000);
    EXPECT_EQ(model.index(2500, 0, group).data().toString(), "q02500");
    EXPECT_EQ(text(model, model.index(2500, 0, group), Model::ReadyColumn), "8");
    EXPECT_EQ(kept.data().toString(), "q04001");
    EXPECT_TRUE(checker.problems().isEmpty()) << checker.report();
}

TEST(BrokerTreeModel, ChurnOfTenThousandQueuesKeepsRowsInOrder) {
    Model model;
    model.applySnapshot("fake", queues(10000));
    auto group = queuesGroup(model);
    const QPersistentModelIndex kept(model.index(4001, 0, group));
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    model.applySnapshot("fake", queuesWithout(10000, 7, everyThird));
    EXPECT_EQ(removed.count(), 3334);  // one run each: no neighbours
    EXPECT_EQ(model.rowCount(group), 10000 - 3334);
    ASSERT_TRUE(kept.isValid());
    EXPECT_EQ(kept.data().toString(), "q04001");
    EXPECT_EQ(text(model, group, Model::ReadyColumn), QLocale().toString(7 * (10000 - 3334)));
    model.applySnapshot("fake", queues(10000, 7));
    ASSERT_EQ(model.rowCount(group), 10000);
    for (int row = 0; row < 10000; row += 997) {
        EXPECT_EQ(model.index(row, 0, group).data().toString(),
                  QStringLiteral("q%1").arg(row, 5, 10, QLatin1Char('0')));
        EXPECT_EQ(model.parent(model.index(row, 0, group)), group);
    }
    EXPECT_EQ(kept.data().toString(), "q04001");
    model.applySnapshot("fake", queues(0));
    EXPECT_EQ(model.rowCount(queuesGroup(model)), 0);
    EXPECT_FALSE(kept.isValid());
}

TEST(BrokerTreeModel, BadgesForIdleGrowingAndDeadLetterQueues) {
    Model model;
    BrokerSnapshot snapshot;
    snapshot.overview.vhosts = {"/"};
    auto work = makeQueue("work", 1, 0);
    work.deadLetterExchange = "dlx";
    auto parked = makeQueue("parked", 2);  // bound to the dead-letter exchange
    auto orders = makeQueue("orders.dlq", 1);
    auto empty = makeQueue("empty.dlq", 0);
    snapshot.bindings.push_back({"/", "dlx", parked.id, "#", {}});
    for (std::uint64_t depth : {1, 2, 4, 9}) {
        work.messagesReady = depth;
        snapshot.destinations = {work, parked, orders, empty};
        model.applySnapshot("fake", snapshot);
    }
    const auto queuesRow = child(model, child(model, model.brokerIndex("fake"), "/"), "Queues");
    const auto badges = [&](const QString& name) {
        return child(model, queuesRow, name).data(Model::BadgesRole).toInt();
    };
    EXPECT_EQ(badges("work"), Model::NoConsumers | Model::GrowingDepth);
    EXPECT_EQ(badges("parked"), Model::DeadLetters);
    EXPECT_EQ(badges("orders.dlq"), Model::DeadLetters);
    EXPECT_EQ(badges("empty.dlq"), 0);
    EXPECT_TRUE(child(model, queuesRow, "work").data(Qt::ToolTipRole).toString().contains("1 → 9"))
        << child(model, queuesRow, "work").data(Qt::ToolTipRole).toString().toStdString();
    EXPECT_FALSE(child(model, queuesRow, "work").data(Qt::DecorationRole).isNull());

    // Depth falling again: no longer growing.
    work.messagesReady = 3;
    snapshot.destinations = {work, parked, orders, empty};
    model.applySnapshot("fake", snapshot);
    EXPECT_EQ(badges("work"), Model::NoConsumers);
}

TEST(BrokerTreeModel, FilterKeepsThePathToWhatMatches) {
    Model model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    ModelChecker checker(&proxy);
    auto snapshot = queues(50);
    snapshot.destinations.push_back(makeTopic("plant/Kitchen/temp", "20"));
    model.applySnapshot("fake", snapshot);
    proxy.setFilterFixedString("kitchen");
    ASSERT_EQ(proxy.rowCount(), 1);
    const auto broker = proxy.index(0, 0);
    ASSERT_EQ(proxy.rowCount(broker), 1);  // the topics, not the vhost
    const auto plant = proxy.index(0, 0, proxy.index(0, 0, broker));
    EXPECT_EQ(plant.data().toString(), "plant");
    model.applySnapshot("fake", queues(60));  // the topic goes, the filter stays
    EXPECT_EQ(proxy.rowCount(), 0);
    proxy.setFilterFixedString("q0005");
    EXPECT_EQ(proxy.rowCount(proxy.index(0, 0, proxy.index(0, 0, proxy.index(0, 0)))), 10);
    EXPECT_TRUE(checker.problems().isEmpty()) << checker.report();
}

TEST(BrokerTreeModel, UnreachableBrokerShowsItsProblem) {
    Model model;
    ModelChecker checker(&model);
    model.setBrokerProblem("remote", "Cannot read remote: connection refused");
    const auto broker = model.brokerIndex("remote");
    ASSERT_TRUE(broker.isValid());
    EXPECT_EQ(text(model, broker, Model::TypeColumn), "Cannot read remote: connection refused");
    model.applySnapshot("remote", queues(2));
    EXPECT_TRUE(model.data(model.brokerIndex("remote"), Qt::ForegroundRole).isNull());
    model.removeBroker("remote");
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(checker.problems().isEmpty()) << checker.report();
}

}  // namespace
