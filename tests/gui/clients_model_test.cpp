#include "clients_model.h"

#include <gtest/gtest.h>

#include <QPersistentModelIndex>
#include <QSignalSpy>

#include "model_checker.h"

namespace {

sbx::observe::Client client(const std::string& id, std::uint64_t in = 0) {
    sbx::observe::Client c;
    c.id = id;
    c.name = "name-" + id;
    c.protocol = "mqtt";
    c.protocolVersion = "5.0";
    c.remoteAddress = "127.0.0.1:1000";
    c.messagesIn = in;
    return c;
}

TEST(ClientsModel, AppliesClientsComingGoingAndChanging) {
    ClientsModel model;
    ModelChecker checker(&model);
    model.applySnapshot({client("c3"), client("c1"), client("c2")});
    ASSERT_EQ(model.rowCount(), 3);
    EXPECT_EQ(model.index(0, ClientsModel::IdColumn).data().toString(), "c1");
    EXPECT_EQ(model.index(1, ClientsModel::ProtocolColumn).data().toString(), "MQTT");
    const QPersistentModelIndex c2(model.index(1, 0));

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.applySnapshot({client("c2", 5), client("c4"), client("c0")});
    ASSERT_EQ(model.rowCount(), 3);
    ASSERT_TRUE(c2.isValid());
    EXPECT_EQ(c2.data().toString(), "c2");
    EXPECT_EQ(model.index(c2.row(), ClientsModel::InColumn).data().toString(), "5");
    EXPECT_EQ(changed.count(), 1);
    EXPECT_EQ(model.rowOf("c0"), 0);
    EXPECT_EQ(model.rowOf("c4"), 2);
    EXPECT_EQ(model.rowOf("c1"), -1);

    model.applySnapshot({});
    EXPECT_EQ(model.rowCount(), 0);
    EXPECT_TRUE(checker.problems().isEmpty()) << checker.report();
}

}  // namespace
